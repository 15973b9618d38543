import Foundation
import Testing
@testable import CodaKit

/// A one-document load finds a survey's `.columns` file and a codings file whose names differ from the id in any
/// letter case, as a whole-project load does.
@Suite struct OneDocumentCaseTests {
    @Test func aColumnsFileInOtherLetterCaseIsRead() throws {
        let columns = "id: id\nQ1. Knew the app?: closed\nQ2. What would help?: open\n"
        let root = CondenseFixture.make(extra: ["Transcripts/Survey.columns": columns])
        defer { try? FileManager.default.removeItem(at: root) }
        let full = Project.load(root)
        let light = try #require(Project.load(root, onlyDocument: "survey:Q2"))
        #expect(!full.diagnostics.contains { $0.message.contains("no survey CSV beside this .columns file") })
        #expect(light.surveys.map { "\($0.columns)" } == full.surveys.map { "\($0.columns)" })
        #expect(light.surveys.first?.columns.map { "\($0)" }.joined().contains("open") == true)
    }

    @Test func aCodingsFileInOtherLetterCaseIsRead() throws {
        let text = "---\nid: S01-Maria\n---\nInterviewer: How was it?\n\nMaria: The queue was long.\n"
        let root = CondenseFixture.make(extra: ["Transcripts/S01-Maria.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let tag = TestSupport.run(["tag", "S01-Maria", "2", "Queues"], in: root,
                                  environment: OneDocumentLoadTests.alice)
        #expect(tag.code == .success, "\(tag.stderr)")
        let folder = root.appendingPathComponent("Codings/alice")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("S01-Maria.tsv"),
                                         to: folder.appendingPathComponent("s01-MARIA.tsv"))
        #expect(Project.load(root).codings.count == 1)
        #expect(try #require(Project.load(root, onlyDocument: "S01-Maria")).codings.count == 1)
        try OneDocumentLoadTests.expectSameDocument("S01-Maria", in: root)
    }
}

/// Two files with one id in different folders: both loads keep `Transcripts/ID.ext`, and the duplicate is reported.
@Suite struct OneDocumentDuplicateTests {
    @Test(arguments: ["Transcripts/2024/P01.md", "Transcripts/P01-x.md", "Transcripts/A/P01.txt"])
    func theTopLevelFileNamedByTheIdIsKeptByBothLoads(other: String) throws {
        let root = CondenseFixture.make(extra: [other: "---\nid: P01\n---\nA: other words\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let full = Project.load(root)
        #expect(try full.document("P01").path == "Transcripts/P01.md")
        #expect(full.diagnostics.contains { $0.message.contains("document id `P01` is also used by") })
        try OneDocumentLoadTests.expectSameDocument("P01", in: root)
    }
}
