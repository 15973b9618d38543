import Foundation
import Testing
@testable import CodaKit

/// A one-document load (`tag`, `untag`, `show`, `code`, `memo` on a document) finds its files by name instead of
/// listing folders, and reads what a whole-project load reads for that document.
@Suite struct OneDocumentLoadTests {
    static let alice = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    /// The document, and its codings, as the whole project has them.
    static func expectSameDocument(_ id: String, in root: URL,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let light = try #require(Project.load(root, onlyDocument: id), sourceLocation: sourceLocation)
        let full = Project.load(root)
        let document = try full.document(id)
        #expect(try light.document(id).path == document.path, sourceLocation: sourceLocation)
        #expect(try light.document(id).text == document.text, sourceLocation: sourceLocation)
        let mine = full.codings.filter { $0.document.lowercased() == document.id.lowercased() }
        #expect(light.codings == mine, sourceLocation: sourceLocation)
        #expect(light.codebook.codes.map(\.path) == full.codebook.codes.map(\.path), sourceLocation: sourceLocation)
    }

    @Test func theIdInAnyLetterCaseFindsTheFileAndItsCodings() throws {
        let root = CondenseFixture.make()
        #expect(TestSupport.run(["tag", "p01", "2", "Queues"], in: root, environment: Self.alice).code == .success)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Codings/alice/P01.tsv").path))
        try Self.expectSameDocument("p01", in: root)
        try Self.expectSameDocument("P01", in: root)
        // A codings file named when the id was written in lower case is still read.
        try FileManager.default.moveItem(at: root.appendingPathComponent("Codings/alice/P01.tsv"),
                                         to: root.appendingPathComponent("Codings/alice/p01.tsv"))
        try Self.expectSameDocument("P01", in: root)
        #expect(try #require(Project.load(root, onlyDocument: "P01")).codings.count == 1)
        #expect(TestSupport.run(["show", "P01", "2"], in: root).stdout.contains("Queues"))
    }

    @Test func filesNamedOtherwiseAreFoundByListing() throws {
        let text = "---\nid: %@\n---\nInterviewer: How was it?\n\nAli: The queue was long.\n"
        let root = CondenseFixture.make(extra: [
            "Transcripts/P02-officer.md": String(format: text, "P02"),
            "Transcripts/wave2/P03.txt": String(format: text, "P03"),
            "Transcripts/p04.MD": String(format: text, "P04"),
        ])
        for id in ["P02", "P03", "P04", "p04"] {
            #expect(TestSupport.run(["tag", id, "2", "Queues"], in: root, environment: Self.alice).code == .success)
            try Self.expectSameDocument(id, in: root)
        }
        #expect(Project.load(root).codings.map(\.document).sorted() == ["P02", "P03", "P04"])
    }

    /// Two files with one id (an error `coda check` reports): the one-document load picks the file the whole load
    /// keeps, so a coding is made on the text it will be placed on.
    @Test func twoFilesWithOneIdGiveTheSameDocumentAsAWholeLoad() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/P01.txt": "---\nid: P01\n---\nA: other words\n"])
        try Self.expectSameDocument("P01", in: root)
        #expect(Project.load(root).diagnostics.contains { $0.message.contains("document id `P01` is also used by") })
    }

    @Test func surveyQuestionsAreReadWithTheirColumnsFile() throws {
        let columns = "id: id\nQ1. Knew the app?: closed\nQ2. What would help?: open\n"
        let root = CondenseFixture.make(extra: ["Transcripts/survey.columns": columns])
        let tag = TestSupport.run(["tag", "survey:Q2", "1", "Queues"], in: root, environment: Self.alice)
        #expect(tag.code == .success)
        try Self.expectSameDocument("survey:Q2", in: root)
        try Self.expectSameDocument("SURVEY:q2", in: root)
        let light = try #require(Project.load(root, onlyDocument: "survey:Q2"))
        #expect(light.surveys.map(\.columns.count) == Project.load(root).surveys.map(\.columns.count))
    }

    @Test func anUnknownIdStillSuggestsTheNearestOne() throws {
        let root = CondenseFixture.make()
        #expect(Project.load(root, onlyDocument: "P1") == nil)
        let run = TestSupport.run(["tag", "P1", "2", "Queues"], in: root, environment: Self.alice)
        #expect(run.code != .success)
        #expect(run.stderr.contains("P01"))
        let memo = TestSupport.run(["memo", "document", "P1", "Cut short."], in: root, environment: Self.alice)
        #expect(memo.code != .success)
        #expect(memo.stderr.contains("P01"))
    }

    @Test func memosOnADocumentOrACodeNeedNoWholeLoad() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/broken.txt": "---\nid: X\n"])
        let empty = Project.loadWithoutDocuments(root)
        #expect(empty.transcripts.isEmpty && empty.surveys.isEmpty)
        #expect(empty.codebook.codes.map(\.path) == Project.load(root).codebook.codes.map(\.path))
        #expect(TestSupport.run(["tag", "P01", "2", "Queues"], in: root, environment: Self.alice).code == .success)
        let onCoding = TestSupport.run(["memo", "coding", "p01", "2", "Queues", "Asked twice."], in: root,
                                       environment: Self.alice)
        #expect(onCoding.stdout == "memo added to 1 coding of Problems/Queues in P01 ¶2\n")
        for memo in [["document", "p01", "Cut short."], ["code", "queues", "Two meanings."]] {
            #expect(TestSupport.run(["memo"] + memo, in: root, environment: Self.alice).code == .success)
        }
        let memos = Project.load(root).memos.map(\.text).sorted()
        #expect(memos.contains { $0.contains("Cut short.") } && memos.contains { $0.contains("Two meanings.") })
        #expect(Project.load(root).codings.first?.memo.contains("Asked twice.") == true)
    }
}
