import Foundation
import Testing
@testable import CodaKit

/// The change log in `Changes/`, `coda log` and `coda undo`, on a copy of the sample study.
@Suite struct ChangeLogTests {
    static let nurul = ["CODA_CODER": "nurul"]
    static let amir = ["CODA_CODER": "amir"]

    /// Every file under Codebooks/, Codings/ and Memos/, path → bytes.
    static func work(_ root: URL) -> [String: Data] {
        CodebookChangeKillTests.state(root)
    }

    @Test func tagRenameAndMergeAreLoggedAndUndoneInReverse() throws {
        let root = CodebookChangeTests.sampleCopy()
        let original = Self.work(root)
        #expect(TestSupport.run(["tag", "R017", "3", "Queues"], in: root, environment: Self.nurul).code == .success)
        #expect(TestSupport.run(["codebook", "rename", "Queues", "Waiting in "
            + "line"], in: root, environment: Self.nurul).code == .success)
        #expect(TestSupport.run(["codebook", "merge", "Billing", "Payment", "--into", "Consultation"], in: root,
                                environment: Self.amir).code == .success)

        let log = TestSupport.run(["log", "--format", "tsv"], in: root)
        let actions = log.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[2] }
        #expect(actions.sorted() == ["merge", "rename", "tag"])
        let byCode = TestSupport.run(["log", "--code", "Waiting in line", "--format", "tsv"], in: root)
        #expect(byCode.stdout.contains("rename") && !byCode.stdout.contains("\ttag\t") && !byCode.stdout.contains("merge"))
        let byDocument = TestSupport.run(["log", "--document", "R017", "--format", "tsv"], in: root)
        #expect(byDocument.stdout.contains("\ttag\t") && !byDocument.stdout.contains("rename"))

        // nurul's rename touched files amir's merge changed later: refused, naming the later change.
        let refused = TestSupport.run(["undo"], in: root, environment: Self.nurul)
        #expect(refused.code != .success)
        #expect(refused.stderr.contains("amir merge"))

        #expect(TestSupport.run(["undo"], in: root, environment: Self.amir).code == .success)
        let rename = TestSupport.run(["undo"], in: root, environment: Self.nurul)
        #expect(rename.stdout.contains("undid rename"))
        let project = Project.load(root)
        #expect(project.codebook.code(path: "Problems/Queues") != nil)
        #expect(!project.codings.contains { $0.code.contains("Waiting in line") })
        #expect(TestSupport.run(["undo"], in: root, environment: Self.nurul).stdout.contains("undid tag"))
        #expect(Self.work(root) == original, "three undos give back the study as it was, byte for byte")
        #expect(TestSupport.run(["undo"], in: root, environment: Self.nurul).stderr.contains("no change left to undo"))
    }

    @Test func untagAndMemosAreRecordedWithTheirDocument() throws {
        let root = CodebookChangeTests.sampleCopy()
        let before = try Data(contentsOf: root.appendingPathComponent("Codings/nurul/R017.tsv"))
        let untag = TestSupport.run(["untag", "R017", "12-14"], in: root, environment: Self.nurul)
        #expect(untag.code == .success && untag.stdout.contains("removed"))
        let entries = ChangeLog(root: root).entries()
        #expect(entries.count == 1 && entries[0].action == "untag" && entries[0].documents == ["R017"])
        #expect(TestSupport.run(["undo"], in: root, environment: Self.nurul).code == .success)
        #expect(try Data(contentsOf: root.appendingPathComponent("Codings/nurul/R017.tsv")) == before)
        // A command that changes nothing is not recorded.
        #expect(TestSupport.run(["untag", "R017", "1"], in: root, environment: Self.nurul).code != .success)
        #expect(ChangeLog(root: root).entries().count == 2)
    }

    @Test func anImportIsRecordedButLeftToGitToUndo() throws {
        let root = CodebookChangeTests.sampleCopy()
        let file = TestSupport.temporaryFolder().appendingPathComponent("P09.txt")
        try Data("Interviewer: Hello.\n\nPak Budi: Good morning.\n".utf8).write(to: file)
        #expect(TestSupport.run(["import", file.path], in: root, environment: Self.nurul).code == .success)
        let entries = ChangeLog(root: root).entries()
        #expect(entries.map(\.action) == ["import"] && entries[0].documents == ["P09"])
        #expect(TestSupport.run(["undo"], in: root, environment: Self.nurul).stderr.contains("no change left to undo"))
    }
}
