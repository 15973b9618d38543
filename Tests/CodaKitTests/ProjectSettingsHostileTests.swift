import Foundation
import Testing
@testable import CodaKit

/// Hostile settings files (what the `settings` fuzz target feeds): a megabyte of repeated or odd lines is read
/// and rewritten in one pass, with the result a researcher expects.
struct ProjectSettingsHostileTests {
    /// 100,000 `Title:` lines: setting the title keeps one line, where the last one was, and the rest as written.
    @Test func aMegabyteOfRepeatedSettingsIsRewrittenToOneLine() {
        let repeated = (0..<100_000).map { "Title: draft \($0)" }
        let text = "# Project settings\nNote: kept\n" + repeated.joined(separator: "\n") + "\nMain coder: nurul\n"
        #expect(text.utf8.count > 1_000_000)
        let started = Date()
        let settings = ProjectSettings(text: text)
        #expect(settings.title == "draft 99999" && settings.mainCoder == "nurul")
        #expect(settings.problems.count == 1, "only `Note:` is unknown")
        let changed = settings.setting(.title, to: "A study")
        print("settings: 1 MB of repeated lines read and rewritten in \(Date().timeIntervalSince(started)) s")
        #expect(changed.text == "# Project settings\nNote: kept\nTitle: A study\nMain coder: nurul\n")
        #expect(changed.setting(.title, to: nil).text == "# Project settings\nNote: kept\nMain coder: nurul\n")
    }

    /// A megabyte with no line break, and one of unknown `Name:` lines, each read as the lines they are.
    @Test func aMegabyteOfOneLineOrUnknownNamesIsRead() {
        let oneLine = String(repeating: "x: ", count: 350_000)
        #expect(ProjectSettings(text: oneLine).setting(.title, to: "A").text.hasSuffix("\nTitle: A\n"))
        let unknown = (0..<60_000).map { "Field\($0): value" }.joined(separator: "\n")
        let settings = ProjectSettings(text: unknown)
        #expect(settings.problems.count == 60_000)
        #expect(settings.setting(.mainCoder, to: "amir").values == [.mainCoder: "amir"])
    }
}
