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
