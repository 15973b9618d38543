import Foundation
import Testing
@testable import CodaKit

/// Codes renamed by hand in the Markdown: `Formerly:` keeps their codings, and `coda check` prints a command that works.
@Suite struct FormerlyTests {
    static func renameByHand(_ root: URL, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(CodebookChangeTests.codebookPath)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\n\(old)\n", with: "\n\(new)\n").utf8).write(to: url)
    }

    @Test func formerlyKeepsTheCodingsOfAHandRename() throws {
        let root = CodebookChangeTests.sampleCopy()
        let queues = CodebookChangeTests.count(Project.load(root), code: "Problems/Queues")
        try Self.renameByHand(root, "### Queues", "### Waiting\nFormerly: Queues")
        let project = Project.load(root)
        #expect(CodebookChangeTests.count(project, code: "Problems/Waiting") == queues)
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        #expect(try project.codebook.resolve("Queues").path == "Problems/Waiting")
    }

    @Test func formerlyOnAParentCarriesItsChildren() throws {
        let root = CodebookChangeTests.sampleCopy()
        let queues = CodebookChangeTests.count(Project.load(root), code: "Problems/Queues")
        try Self.renameByHand(root, "## Problems", "## Troubles\nFormerly: Problems")
        #expect(CodebookChangeTests.count(Project.load(root), code: "Troubles/Queues") == queues)
    }

    @Test func checkNamesTheNearestCodeAndItsCommandWorks() throws {
        let root = CodebookChangeTests.sampleCopy()
        let queues = CodebookChangeTests.count(Project.load(root), code: "Problems/Queues")
        try Self.renameByHand(root, "### Queues", "### Waiting in line")
        let check = TestSupport.run(["check", "--format", "tsv"], in: root)
        #expect(check.code == .problemsFound)
        let command = "coda codebook rename 'Problems/Queues' 'Waiting in line'"
        #expect(check.stdout.contains(command))
        #expect(!check.stdout.contains("coda untag"))
        let fix = TestSupport.run(["codebook", "rename", "Problems/Queues", "Waiting in line"], in: root)
        #expect(fix.code == .success, "\(fix.stderr)")
        #expect(TestSupport.run(["check"], in: root).code == .success)
        #expect(CodebookChangeTests.count(Project.load(root), code: "Problems/Waiting in line") == queues)
    }

    @Test func lintReportsBadRegexHeadingsWithoutSpaceAndSelfNamedCodes() {
        let codebook = """
            # Test
            ## Problems
            Definition: d
            Keywords: re:(unclosed, queue
            ###Queues
            ### Problems
            Definition: d
            """
        let root = TestSupport.project(["Codebooks/test.md": codebook])
        let messages = Project.load(root).diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("test.md:2") && $0.contains("`re:(unclosed` of `Problems` is "
            + "not a valid regular") })
        #expect(messages.contains { $0.contains("test.md:5") && $0.contains("needs a space after the hashes") })
        #expect(messages.contains { $0.contains("test.md:6") && $0.contains("the name of its own ancestor") })
    }
}
