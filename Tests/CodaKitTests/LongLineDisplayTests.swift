import Foundation
import Testing
@testable import CodaKit

/// A transcript that is one enormous line (a pasted export, a file without line ends) is shown in time
/// proportional to its size: the table gives the text column its width in steps, not one cell at a time, and a
/// word longer than a line is cut into pieces in one pass.
struct LongLineDisplayTests {
    @Test func aWordLongerThanALineIsCutIntoWholePieces() {
        let word = String(repeating: "abcdefghij", count: 25) + "xyz"
        let pieces = DisplayWidth.wrap("Sari: " + word + " end", width: 40)
        #expect(pieces.first == "Sari:")
        #expect(pieces.dropFirst().dropLast().allSatisfy { $0.count == 40 })
        #expect(pieces.joined().replacingOccurrences(of: " ", with: "") == "Sari:" + word + "end")
        #expect(pieces.last == "abcdefghijxyz end")
        #expect(DisplayWidth.wrap("Trust/Suspicion-Distrust", width: 17) == ["Trust/Suspicion-", "Distrust"])
        #expect(DisplayWidth.wrap("日本語の文", width: 4) == ["日本", "語の", "文"])
    }

    /// One line of 1.5 million characters without a space (quadratic before: 200,000 took 4 s in a debug build,
    /// so this would have taken minutes) and one of 1.5 MB of words.
    @Test(arguments: [false, true])
    func showOnAOneLineTranscriptIsQuick(_ spaces: Bool) throws {
        let unit = spaces ? "the queue was long " : "queuequeuequeuequeue"
        let body = String(repeating: unit, count: 1_500_000 / unit.count)
        let root = TestSupport.project(["Transcripts/P01.md": "Bu Sari: \(body)\n"])
        let started = Date()
        let run = TestSupport.run(["show", "P01"], in: root, width: 100)
        let seconds = Date().timeIntervalSince(started)
        #expect(run.code == .success, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 })
        // The table's rows, after its rule: the row number, then the text, wrapped.
        let rows = lines.drop { !$0.hasPrefix("─") }.dropFirst().joined().replacingOccurrences(of: " ", with: "")
        let expected = "1BuSari:" + body.replacingOccurrences(of: " ", with: "")
        #expect(rows == expected, "every character shown once, in order")
        #expect(seconds < 60, "show took \(seconds) s")
    }
}
