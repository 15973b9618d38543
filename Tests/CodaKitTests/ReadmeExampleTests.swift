import Foundation
import Testing
@testable import CodaKit

/// The README's console examples are what Coda prints on the sample study, and say what the tables are.
@Suite struct ReadmeExampleTests {
    /// `swift run coda ARGS` split as a shell would (double quotes only, as the README writes them).
    static func arguments(_ command: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in command.dropFirst("$ swift run coda ".count) {
            if character == "\"" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
                continue
            }
            word.append(character)
            started = true
        }
        if started { words.append(word) }
        return words
    }

    @Test func everyConsoleExampleIsWhatCodaPrints() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```console\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let run = TestSupport.run(Self.arguments(lines[0]), in: TestSupport.packageRoot, width: 100)
            #expect(run.code == .success, "\(lines[0])")
            let printed = Set(run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for line in lines.dropFirst() where !line.isEmpty && !["…", "...", "  ..."].contains(line) {
                #expect(printed.contains(line.trimmingCharacters(in: .whitespaces)), "\(lines[0]): \(line)")
            }
        }
    }

    @Test func theTimeOrderedMatrixIsNotCalledATableOfThePaper() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!readme.contains("Table 3 (before and after the promotion) is the time-ordered matrix"))
        #expect(readme.contains("The time-ordered matrix counts the researcher's codings"))
    }
}
