import Foundation
import Testing
@testable import CodaKit

/// A coded turn deleted from a transcript: check counts what --fix saves, and its hints are commands that work.
@Suite struct OrphanedCodingTests {
    @Test func checkAndFixAgreeAndTheHintsWork() throws {
        let root = CodebookChangeTests.sampleCopy()
        let env = ["CODA_CODER": "nurul"]
        let url = root.appendingPathComponent("Transcripts/R017-participant.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let turn = try #require(text.components(separatedBy: "\n").first { $0.contains("I want to claim my JHT.") })
        try Data(text.replacingOccurrences(of: turn + "\n\n", with: "").utf8).write(to: url)

        let project = Project.load(root)
        let orphans = project.unplacedCodings.map(\.coding)
        #expect(!orphans.isEmpty && orphans.allSatisfy { $0.document == "R017" })
        let moved = project.movedCodings.count
        let check = TestSupport.run(["check"], in: root, environment: env)
        #expect(check.stdout.contains("\(moved) codings followed their words"))
        #expect(check.stdout.contains("coda untag R017 --orphaned"))
        #expect(!check.stdout.contains("delete its line"))
        let fix = TestSupport.run(["check", "--fix"], in: root, environment: env)
        #expect(fix.stderr.contains("saved the new positions of \(moved) codings"))
        #expect(Project.load(root).movedCodings.isEmpty)

        // The hint's second step removes exactly the codings that lost their words, of that coder.
        let nurul = orphans.filter { $0.coder == "nurul" }
        let untag = TestSupport.run(["untag", "R017", "--orphaned"], in: root, environment: env)
        #expect(untag.code == .success, "\(untag.stderr)")
        #expect(untag.stdout.split(separator: "\n").count == nurul.count)
        let after = Project.load(root)
        #expect(after.unplacedCodings.allSatisfy { $0.coding.coder != "nurul" })
        #expect(after.codings.count == project.codings.count)
        let again = TestSupport.run(["untag", "R017", "--orphaned"], in: root, environment: env)
        #expect(again.code != .success && again.stderr.contains("still finds its words"))
    }

    @Test func aTypoFixInsideACodedTurnKeepsEveryCodersCodings() throws {
        let root = CodebookChangeTests.sampleCopy()
        let before = Project.load(root)
        let url = root.appendingPathComponent("Transcripts/R017-participant.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("tile factory"))
        try Data(text.replacingOccurrences(of: "tile factory", with: "tiles "
            + "factory").replacingOccurrences(of: "Tamalanrea", with: "tamalanrea")
            .utf8).write(to: url)
        let after = Project.load(root)
        #expect(after.unplacedCodings.isEmpty, "\(after.unplacedCodings.map(\.reason))")
        #expect(after.codings.count == before.codings.count)
    }
}
