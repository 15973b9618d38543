import Foundation

/// The shape Coda's plain-text stores share (`Memos/*.md`, `Memos/notes.md`, `Memos/framework.md`): a preamble,
/// then sections that each start with a `## ` heading line. User text written into a section is escaped, so that
/// none of its lines can start a section of its own (and forge an author, a date or a target); reading undoes it.
enum PlainTextSections {
    struct Section {
        /// The heading without `## `.
        var heading: Substring
        /// The 1-based line of the heading.
        var line: Int
        var body: [Substring]

        /// The section as it stands in the file, for keeping one that cannot be read.
        var raw: String { (["## " + heading] + body.map(String.init)).joined(separator: "\n") }

        /// The body as the user wrote it: escapes undone, blank lines around it trimmed.
        var text: String { PlainTextSections.unescape(body).trimmingWhitespace() }
    }

    static func split(_ text: String) -> (preamble: [Substring], sections: [Section]) {
        var preamble: [Substring] = []
        var sections: [Section] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") {
                sections.append(Section(heading: line.dropFirst(3), line: index + 1, body: []))
            } else if sections.isEmpty {
                preamble.append(line)
            } else {
                sections[sections.count - 1].body.append(line)
            }
        }
        return (preamble, sections)
    }

    /// Each line that starts with `#` after any backslashes gets one more backslash (Markdown shows `\#` as `#`).
    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.drop { $0 == "\\" }.hasPrefix("#") ? "\\" + line : String(line)
        }.joined(separator: "\n")
    }

    static func unescape(_ lines: [Substring]) -> String {
        lines.map { line in
            line.hasPrefix("\\") && line.drop { $0 == "\\" }.hasPrefix("#") ? String(line.dropFirst()) : String(line)
        }.joined(separator: "\n")
    }

    /// Text for a heading field: one line, without the ` · ` that separates fields, so it cannot end the heading
    /// or a field early.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: " · ", with: " - ")
    }

    /// The preamble's text when it holds more than blank lines.
    static func content(of preamble: [Substring]) -> String? {
        preamble.joined(separator: "\n").trimmingWhitespace().nilIfEmpty
    }
}
