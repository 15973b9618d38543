import Foundation
import Testing
@testable import CodaKit

/// A codebook past `ReaderLimits.codebookCodes` is named at the heading that passes the limit and left out,
/// while the codebook files before it still load.
struct CodebookSizeLimitTests {
    @Test func aCodebookFilePastTheLimitIsNamedAndLeftOut() throws {
        let root = KillTests.tagged()
        let before = Project.load(root).codebook.codes.count
        #expect(before > 0)
        // Sorted after the sample's codebook, so its codes are counted first.
        let headings = (1...ReaderLimits.codebookCodes).map { "## Generated \($0)\n" }.joined()
        try ("# Generated\n\n" + headings).write(to: root.appendingPathComponent("Codebooks/zz-generated.md"),
                                                 atomically: true, encoding: .utf8)
        let project = Project.load(root)
        let problem = project.diagnostics.first { $0.location?.file == "Codebooks/zz-generated.md" }
        let line = 2 + ReaderLimits.codebookCodes - before + 1
        #expect(problem?.location?.line == line, "\(String(describing: problem))")
        #expect(problem?.severity == .error)
        #expect(problem?.message == "this heading is code 100001 of the codebooks; Coda reads at most 100000 codes, "
                    + "so this file is left out")
        #expect(project.codebook.codes.count == before, "the sample's codebook still loads, the generated one not")
    }
}
