/// Writes codes as a Markdown codebook that `CodebookParser` reads back to the same codes: `# Title`, one
/// heading per code (`##` top level, `###` child, … down to `######`), its `Field: value` lines, then its memo.
enum CodebookWriter {
    /// The deepest code a Markdown codebook can hold: `######` is the fifth level below the title.
    static let maxDepth = 5

    static func render(title: String, intro: String = "", codes: [Code]) -> String {
        var out = "# \(singleLine(title))\n"
        let introText = intro.trimmingWhitespace()
        if !introText.isEmpty { out += "\n" + introText + "\n" }
        for code in codes { out += "\n" + section(code) }
        return out
    }

    /// One code: its heading at its depth, its field lines, then its memo.
    static func section(_ code: Code) -> String {
        let level = min(code.depth, maxDepth) + 1
        var out = String(repeating: "#", count: level) + " " + singleLine(code.name) + "\n"
        out += fieldLines(code, color: true).map { $0 + "\n" }.joined()
        let memo = code.memo.trimmingWhitespace()
        if !memo.isEmpty { out += "\n" + memoText(memo) + "\n" }
        return out
    }

    /// A code's `Field: value` lines (Definition, Include, Exclude, one per Example, Keywords, Speakers, Survey,
    /// Opposes, Formerly, and Color when `color`), each on one line; empty fields are left out.
    static func fieldLines(_ code: Code, color: Bool) -> [String] {
        var lines: [String] = []
        func field(_ name: String, _ value: String) {
            let flat = value.collapsingWhitespace()
            if !flat.isEmpty { lines.append("\(name): \(flat)") }
        }
        field("Definition", code.definition)
        field("Include", code.include)
        field("Exclude", code.exclude)
        for example in code.examples { field("Example", example) }
        field("Keywords", listText(code.keywords))
        field("Speakers", listText(code.speakers))
        field("Survey", code.survey ?? "")
        field("Opposes", listText(code.opposes))
        field("Formerly", listText(code.formerly))
        if color, let value = code.color { field("Color", value) }
        return lines
    }

    /// A list as the codebook writes it: items holding a comma are quoted.
    static func listText(_ items: [String]) -> String {
        items.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
    }

    /// A heading holds one line; a trailing `#` would be read as closing markup.
    static func singleLine(_ text: String) -> String {
        var line = text.collapsingWhitespace()
        while line.hasSuffix("#") { line.removeLast() }
        line = line.trimmingWhitespace()
        return line.isEmpty ? "Untitled" : line
    }

    /// Memo lines that would read as headings or fields are escaped with a backslash.
    static func memoText(_ memo: String) -> String {
        memo.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            let trimmed = line.trimmingWhitespace()
            if CodebookParser.heading(trimmed) != nil || CodebookParser.field(trimmed) != nil { return "\\" + line }
            return line
        }.joined(separator: "\n")
    }
}
