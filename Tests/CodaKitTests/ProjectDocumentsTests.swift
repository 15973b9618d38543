import Foundation
import Testing
@testable import CodaKit

@Suite struct ProjectDocumentsTests {
    /// A project with one good transcript and an unreadable (Latin-1) file in each of Transcripts/ and Codebooks/.
    func projectWithUnreadableFiles() throws -> URL {
        let root = TestSupport.project(["Transcripts/good.md": "A: hello\nB: hi\n"])
        let latin1: [UInt8] = Array("A: caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(latin1).write(to: root.appendingPathComponent("Transcripts/bad.md"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Codebooks"), withIntermediateDirectories: true)
        try Data(latin1).write(to: root.appendingPathComponent("Codebooks/codes.md"))
        return root
    }

    @Test func unknownDocumentHintCountsOnlyUnreadableTranscriptFiles() throws {
        let project = Project.load(try projectWithUnreadableFiles())
        do {
            _ = try project.document("nothing-like-it")
            Issue.record("`nothing-like-it` should not exist")
        } catch {
            #expect(error.diagnostic.hint?.hasSuffix("; 1 file in Transcripts/ could not be read (see `coda status`)") == true,
                    "\(error.diagnostic.hint ?? "")")
        }
    }

    @Test func anUnreadableDocumentSaysWhy() throws {
        let project = Project.load(try projectWithUnreadableFiles())
        do {
            _ = try project.document("bad")
            Issue.record("`bad` should not load")
        } catch {
            #expect(error.diagnostic.message.hasPrefix("document `bad` could not be read: not valid UTF-8"))
        }
    }
}

@Suite struct DocumentOrderTests {
    @Test func documentsSharingAnIdAreListedOnceTheFirstAsLookedUp() throws {
        let csv = "id,Q1. Comments\nA,the queue was long and nobody told us why\nB,staff were kind but the forms were confusing\nC,we came back three times before it worked\n"
        let root = TestSupport.project([
            "Transcripts/one.md": "---\nid: P01\n---\nA: first file\nB: hi\n",
            "Transcripts/two.md": "---\nid: p01\n---\nA: second file\nB: hi\n",
            "Transcripts/a/pre.csv": csv,
            "Transcripts/b/pre.csv": csv.replacingOccurrences(of: "the queue", with: "THE QUEUE"),
        ])
        let project = Project.load(root)
        let open = try #require(project.surveys.first?.columns.first { $0.kind == .open })
        let surveyDocument = try #require(project.surveys.first?.documentID(for: open))
        #expect(project.documentsInOrder.map(\.id) == ["P01", surveyDocument])
        #expect(project.documentsInOrder[0].text == (try project.document("p01")).text)
        #expect(project.documentsInOrder[1].text == (try project.document(surveyDocument)).text)
        #expect(project.documentsInOrder[1].text == project.surveys[0].openQuestionDocument(open).text)
    }
}
