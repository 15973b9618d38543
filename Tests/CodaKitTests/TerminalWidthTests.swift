import Foundation
import Testing
@testable import CodaKit

/// Every display fits a terminal of 80 and of 120 columns, and no word is cut to make it fit.
@Suite struct TerminalWidthTests {
    static let displays: [[String]] = [
        ["status"], ["transcripts"], ["show", "R017"], ["survey"], ["survey", "Q1", "--by", "age_group"], ["codebook"],
        ["matrix", "case-code"], ["matrix", "checklist"], ["matrix", "attribute", "--by", "role"], ["matrix", "cooccurrence"],
        ["matrix", "framework"], ["matrix", "code-coder"], ["retrieve", "Queues"], ["retrieve", "Information", "--where", "phase=after"],
        ["agree", "nurul", "amir", "--disagreements"], ["conclude"], ["memos"], ["notes"], ["help", "retrieve"],
    ]

    /// Whitespace-separated pieces of the output that are not drawing (rules, bars, underlines).
    func tokens(_ text: String) -> [String] {
        text.split(separator: "\n").filter { !$0.hasPrefix("(columns ") && !$0.hasPrefix("Empty in every row: ") }.flatMap { $0.split(separator: " ") }.map(String.init)
            .filter { token in !token.allSatisfy { "─█=-".contains($0) } }
    }

    @Test(arguments: displays)
    func everyDisplayFitsWithoutCuttingWords(command: [String]) throws {
        let wide = TestSupport.run(command, in: TestSupport.packageRoot, width: 1000)
        let words = Set(tokens(wide.stdout))
        #expect(!words.isEmpty, "\(command): \(wide.stderr)")
        for width in [80, 120] {
            let run = TestSupport.run(command, in: TestSupport.packageRoot, width: width)
            #expect(run.code == wide.code)
            for line in run.stdout.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(command) at \(width): \(line)")
            }
            // A piece that is not a whole word must be a long name broken after a `/` or `-`.
            for token in Set(tokens(run.stdout)) where !words.contains(token) && !token.hasSuffix(":") {
                let broken = token.last.map { "/-".contains($0) } == true || words.contains { word in
                    word.hasSuffix(token) && word.dropLast(token.count).last.map { "/-".contains($0) } == true
                }
                #expect(broken, "\(command) at \(width): `\(token)` is a cut word")
            }
        }
    }

    @Test func retrieveGivesTheTextTheRoomAt80Columns() throws {
        let run = TestSupport.run(["retrieve", "Queues"], in: TestSupport.packageRoot, width: 80)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // The code is the same in every row: said once, above the table.
        #expect(lines.contains("Code: Problems/Queues"))
        let header = try #require(lines.first { $0.hasPrefix("Document") })
        #expect(!header.contains("  Code  "))
        // The text column is the widest, twice what it was before (11).
        let rule = try #require(lines.first { $0.hasPrefix("─") })
        let widths = rule.split(separator: " ").map(\.count)
        #expect(widths.max() ?? 0 >= 20)
        #expect(widths.max() == widths[4])
    }

    @Test func longNamesWrapAtSlashesAndCommandsStayWhole() throws {
        #expect(DisplayWidth.wrap("Trust/Suspicion", width: 12) == ["Trust/", "Suspicion"])
        #expect(DisplayWidth.wrap("Flower of Service/Information", width: 16) == ["Flower of", "Service/", "Information"])
        let note = "Open a cell with `coda retrieve`, e.g. `coda retrieve 'Flower of Service' --exact --case R017`."
        let wrapped = DisplayWidth.wrap(note, width: 80)
        #expect(wrapped.contains("`coda retrieve 'Flower of Service' --exact --case R017`."))
        let matrix = TestSupport.run(["matrix", "case-code"], in: TestSupport.packageRoot, width: 80).stdout
        #expect(matrix.split(separator: "\n").contains { $0.hasPrefix("`coda retrieve --case R017 'Flower of Service'") && $0.hasSuffix("`.") })
    }

    @Test func constantColumnsAreSaidOnceAndEmptyOnesNamed() {
        var table = Table(columns: [Table.Column("Document"), Table.Column("Code"), Table.Column("Text"), Table.Column("Memo")])
        table.append([Cell("R017"), Cell("Problems/Queues"), Cell("I have been here since half past six."), Cell("")])
        table.append([Cell("R154"), Cell("Problems/Queues"), Cell("Two hours on a chair before the banner."), Cell("")])
        let narrow = TerminalRenderer(width: 40).render(table).joined(separator: "\n")
        #expect(narrow.contains("Code: Problems/Queues"))
        #expect(narrow.contains("Empty in every row: Memo"))
        #expect(!narrow.contains("Memo  "))
        // When the table fits, nothing moves.
        let wide = TerminalRenderer(width: 200).render(table).joined(separator: "\n")
        #expect(!wide.contains("Code: Problems/Queues"))
        #expect(wide.split(separator: "\n").first?.contains("Memo") == true)
    }
}
