import Foundation
import Testing
@testable import CodaKit

/// Suggestions show the words that matched, and can cover just those words or their sentence.
@Suite struct SuggestionSpanTests {
    func sample() -> URL {
        let root = TestSupport.temporaryFolder()
        for folder in ["Transcripts", "Codebooks"] {
            try? FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder),
                                              to: root.appendingPathComponent(folder))
        }
        return root
    }

    @Test func suggestionsShowTheMatchedWordsInContext() throws {
        let root = sample()
        #expect(TestSupport.run(["autocode", "--code", "Queues", "--document", "R017"], in: root).code == .success)
        let run = TestSupport.run(["suggestions", "--format", "tsv"], in: root)
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty)
        let project = Project.load(root)
        let document = try project.document("R017")
        for row in rows {
            let text = String(row.last ?? "")
            #expect(text.contains("«") && text.contains("»"), "\(text)")
            // The marked words are a keyword that is really in that segment.
            let marked = text.components(separatedBy: "«").dropFirst().first?.components(separatedBy: "»").first?.lowercased() ?? "-"
            let segment = try #require(document.segment(Int(row[2]) ?? 0))
            #expect(segment.text.lowercased().contains(marked))
        }
        // Segment 6 matches late in a long turn: the start of the turn is not what is shown.
        let sixth = try #require(rows.first { $0[2] == "6" })
        #expect(!String(sixth.last ?? "").hasPrefix("No, this is"))
    }

    @Test(arguments: SuggestionSpan.allCases)
    func autocodeSuggestsTheChosenSpan(span: SuggestionSpan) throws {
        let root = sample()
        let run = TestSupport.run(["autocode", "--code", "Banner", "--document", "R154", "--span", span.rawValue], in: root)
        #expect(run.code == .success)
        let project = Project.load(root)
        let document = try project.document("R154")
        #expect(!project.suggestions.isEmpty)
        for suggestion in project.suggestions {
            let text = String(document.text(in: suggestion.range))
            let segment = try #require(document.segment(suggestion.firstSegment))
            switch span {
            case .segment:
                #expect(suggestion.range == segment.range)
            case .word:
                #expect(["banner", "x-banner", "qr code", "lobby", "big letters"].contains(text.lowercased()), "\(text)")
            case .sentence:
                #expect(segment.range.contains(suggestion.range.lowerBound) && suggestion.range.upperBound <= segment.range.upperBound)
                #expect(suggestion.range.count < segment.range.count || !segment.text.dropLast().contains(". "))
                #expect(text.first?.isUppercase == true || "\"“(".contains(text.first ?? " "), "\(text)")
                #expect(".!?".contains(text.last ?? " ") || suggestion.range.upperBound == segment.range.upperBound, "\(text)")
            }
        }
    }

    @Test func aSentenceIsCutAtItsEndMarks() {
        let text: Substring = "First one. The banner was big! Third?"
        let hit = 15..<21  // "banner"
        #expect(SuggestionSpan.sentence.ranges(of: [hit], in: text) == [11..<30])
        #expect(SuggestionSpan.word.ranges(of: [hit, hit], in: text) == [hit])
    }
}
