import Foundation
import Testing
@testable import CodaKit

/// A plain-text file with a line past `ReaderLimits.lineBytes` is refused with its file and line, quickly.
struct LineLengthLimitTests {
    /// The line number and length reported for a small limit, with every line ending researchers' files use.
    @Test(arguments: [("a\nbb\nccccc\nd\n", 3), ("a\r\nbb\r\nccccc\r\nd", 3), ("a\rbb\rccccc\rd\r", 3),
                      ("ccccc", 1), ("a\n\n\nccccc", 4),
                      // Mixed line ends: each lone CR, LF and CRLF is one line end.
                      ("a\rbb\nc\rccccc\n", 4), ("a\r\nb\rc\nccccc", 4), ("a\rb\r\n\rccccc\r", 4),
                      ("ab\rcd\ref\rgh\nij\rccccc", 6)])
    func aLongLineIsNamedByItsNumber(_ text: String, _ line: Int) {
        #expect(throws: TextEncodingError.lineTooLong(file: "P01.md", line: line, bytes: 5, limit: 4)) {
            try TextDecoder.checkLineLengths(Array(text.utf8), from: 0, limit: 4, file: "P01.md")
        }
    }

    @Test func linesAtTheLimitAreRead() {
        #expect(throws: Never.self) {
            try TextDecoder.checkLineLengths(Array("abcd\r\nabcd\rabcd\nabcd".utf8), from: 0, limit: 4, file: "P01.md")
        }
    }

    @Test func aOneLineTranscriptPastTheLimitIsNamedAndTheRestLoads() throws {
        let root = KillTests.tagged()
        let body = String(repeating: "queue ", count: ReaderLimits.lineBytes / 6 + 1)
        try "# P02\n\nBu Sari: \(body)\n".write(to: root.appendingPathComponent("Transcripts/P02.md"),
                                               atomically: true, encoding: .utf8)
        let started = Date()
        let project = Project.load(root)
        let seconds = Date().timeIntervalSince(started)
        let problem = project.diagnostics.first { $0.location?.file == "Transcripts/P02.md" }
        #expect(problem?.location?.line == 3)
        #expect(problem?.message == "line 3 is 17 MB long; Coda reads lines of at most 16 MB", "\(project.diagnostics)")
        #expect(problem?.hint?.contains("break the text into lines") == true)
        #expect(project.documentsByID["p01"] != nil, "the other transcripts still load")
        #expect(seconds < 30, "loading took \(seconds) s")
    }

    @Test func anImportWithALinePastTheLimitIsRefused() throws {
        let root = KillTests.tagged()
        let file = TestSupport.temporaryFolder("coda-limits").appendingPathComponent("notes.txt")
        try ("Bu Sari: " + String(repeating: "q", count: ReaderLimits.lineBytes)).write(to: file, atomically: true,
                                                                                      encoding: .utf8)
        let before = FileSystemFailureTests.snapshot(root)
        let run = TestSupport.run(["import", file.path, "--id", "P09"], in: root, environment: KillTests.env)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("notes.txt:1: error: line 1 is 17 MB long; Coda reads lines of at most 16 MB"),
                "\(run.stderr)")
        #expect(FileSystemFailureTests.snapshot(root) == before)
    }

    /// Text decoded from UTF-16 or Windows-1252 is held to the same limit, with the same error, at the same line.
    @Test(arguments: ["windows-1252", "utf-16le", "utf-16be"])
    func anImportInAnotherEncodingWithALinePastTheLimitIsRefused(_ encoding: String) throws {
        let text = "Interviewer: Hello\r\nBu Sari: Hi\rBu Sari: "
            + String(repeating: "q", count: ReaderLimits.lineBytes)
        let bytes: [UInt8]
        switch encoding {
        case "windows-1252": bytes = Array(text.utf8)
        case "utf-16le": bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default: bytes = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        do {
            _ = try ImportTextDecoder.decode(bytes, file: "notes.txt", requested: ImportEncoding(name: encoding))
            Issue.record("\(encoding): the long line was read")
        } catch {
            #expect(error.diagnostic.description == "notes.txt:3: error: line 3 is 17 MB long; Coda reads lines of "
                        + "at most 16 MB\n  hint: break the text into lines (a paragraph or a speaker turn each), "
                        + "then run the command again", "\(encoding)")
        }
    }

    @Test func anImportWithWindows1252ALinePastTheLimitChangesNothing() throws {
        let root = KillTests.tagged()
        let file = TestSupport.temporaryFolder("coda-limits-1252").appendingPathComponent("notes.txt")
        try Data(("Bu Sari: caf\u{E9} " + String(repeating: "q", count: ReaderLimits.lineBytes)).utf8).write(to: file)
        let before = FileSystemFailureTests.snapshot(root)
        let run = TestSupport.run(["import", file.path, "--id", "P09", "--encoding", "windows-1252"], in: root,
                                  environment: KillTests.env)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("notes.txt:1: error: line 1 is 17 MB long; Coda reads lines of at most 16 MB"),
                "\(run.stderr)")
        #expect(FileSystemFailureTests.snapshot(root) == before)
    }
}
