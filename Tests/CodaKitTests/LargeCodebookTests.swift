import Foundation
import Testing
@testable import CodaKit

/// Code × code displays allocate only for the pairs that occur: a network of a ten-thousand-code codebook costs
/// what its few co-occurrences cost.
@Suite struct LargeCodebookTests {
    @Test func aNetworkOfTenThousandCodesIsQuick() throws {
        var codebook = "# Big codebook\n"
        for i in 1...10_000 { codebook += "\n## C\(i)\nDefinition: code \(i).\n" }
        let root = CondenseFixture.make(extra: ["Codebooks/codebook.md": codebook])
        let env = ["CODA_CODER": "alice"]
        #expect(TestSupport.run(["tag", "P01", "2", "C1", "C2", "C9999"], in: root, environment: env).code == .success)
        #expect(TestSupport.run(["tag", "P01", "4", "C2", "C9999"], in: root, environment: env).code == .success)
        let started = Date()
        let run = TestSupport.run(["network", "cooccurrence", "--format", "dot"], in: root)
        #expect(Date().timeIntervalSince(started) < 20)
        let edges = run.stdout.split(separator: "\n").filter { $0.contains(" -- ") }.map { $0.trimmingWhitespace() }
        #expect(edges.count == 3, "\(run.stdout)")
        #expect(edges.contains { $0.hasPrefix("c2 -- c9999 [label=\"2\"") }, "\(edges)")
        #expect(run.stdout.split(separator: "\n").filter { $0.contains("[label=\"C") }.count == 3, "only codes that occur")
        let matrix = TestSupport.run(["matrix", "cooccurrence"], in: root)
        #expect(matrix.code != .success)
        #expect(matrix.stderr.contains("a code × code matrix of 10000 codes would have 100000000 cells"), "\(matrix.stderr)")
    }

    @Test func sparseAndDenseTalliesAgree() throws {
        let root = CondenseFixture.make()
        let env = ["CODA_CODER": "alice"]
        _ = TestSupport.run(["tag", "P01", "2", "Queues", "Information"], in: root, environment: env)
        _ = TestSupport.run(["tag", "P01", "3-4", "Queues", "Banner"], in: root, environment: env)
        let project = Project.load(root)
        let filter = try CodingFilter(project: project, coder: nil, conditions: [])
        let selection = CodeSelection(codebook: project.codebook, roots: [], depth: nil, rollup: false)
        for within in [0, 1, 2] {
            let sparse = Cooccurrence.sparseTally(filter.items(), selection: selection, within: within, withCodings: false)
            let dense = Cooccurrence.tally(filter.items(), selection: selection, within: within, withCodings: false).counts
            let n = selection.shown.count
            #expect((0..<n).allSatisfy { a in (0..<n).allSatisfy { b in dense[a][b] == sparse.count(a, b) } })
            #expect(dense.flatMap { $0 }.reduce(0, +) > 0)
        }
    }
}
