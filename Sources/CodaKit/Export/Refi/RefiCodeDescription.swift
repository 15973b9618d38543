/// A code's guidance as the text of a REFI-QDA `<Description>`: the same `Field: value` lines as the Markdown
/// codebook (Definition, Include, Exclude, one Example per line, Keywords, …), then a blank line and the memo.
/// Other tools show it as readable text; Coda reads the fields back on import.
enum RefiCodeDescription {
    static func text(for code: Code) -> String {
        var lines = CodebookWriter.fieldLines(code, color: false)
        let memo = code.memo.trimmingWhitespace()
        if !memo.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(memo)
        }
        return lines.joined(separator: "\n")
    }

    /// Reads a description back into `code`. Text without any field lines is another tool's description:
    /// its first paragraph becomes the definition and the rest the memo.
    static func apply(_ description: String, to code: inout Code) {
        let text = description.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        let hasFields = lines.contains { CodebookParser.field($0) != nil }
        guard hasFields else {
            let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            code.definition = paragraphs.first?.collapsingWhitespace() ?? ""
            code.memo = paragraphs.dropFirst().joined(separator: "\n\n")
            return
        }
        var memo: [String] = []
        for line in lines {
            guard let (field, value) = CodebookParser.field(line) else {
                memo.append(line)
                continue
            }
            switch field {
            case .definition: code.definition = join(code.definition, value)
            case .include: code.include = join(code.include, value)
            case .exclude: code.exclude = join(code.exclude, value)
            case .example: code.examples.append(value)
            case .keywords: code.keywords += CodebookParser.splitList(value)
            case .speakers: code.speakers += CodebookParser.splitList(value)
            case .opposes: code.opposes += CodebookParser.splitList(value)
            case .formerly: code.formerly += CodebookParser.splitList(value)
            case .survey: code.survey = join(code.survey ?? "", value)
            case .color: if code.color == nil, CodebookParser.isColor(value) { code.color = value.lowercased() }
            }
        }
        code.memo = memo.joined(separator: "\n").trimmingWhitespace()
    }

    private static func join(_ old: String, _ value: String) -> String { old.isEmpty ? value : old + " " + value }
}
