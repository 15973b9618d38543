/// GitHub-flavoured Markdown: readable as plain text, and rendered by GitHub, GitLab and editors.
struct MarkdownRenderer: Renderer {
    func render(_ report: Report) -> String {
        var out: [String] = ["# " + Escape.markdown(report.title)]
        for block in report.blocks {
            out.append("")
            out.append(contentsOf: lines(for: block))
        }
        return out.joined(separator: "\n") + "\n"
    }

    func lines(for block: Block) -> [String] {
        switch block {
        case let .heading(text, level):
            return [String(repeating: "#", count: min(6, level + 1)) + " " + Escape.markdown(text)]
        case .paragraph(let text):
            return [Escape.markdownProse(text)]
        case .list(let items):
            return items.map { "- " + Escape.markdownProse($0) }
        case .table(let table):
            return render(table)
        case .chart(let chart):
            // Bars drawn in text, as in the terminal: the numbers are already in the table beside the chart.
            return ["```"] + TerminalRenderer(width: 80).render(chart) + ["```"]
        case .preformatted(let text):
            let fence = text.contains("```") ? "~~~~" : "```"
            return [fence, text, fence]
        case .fields(let fields):
            return fields.map { "- **\(Escape.markdown($0.name)):** \(Escape.markdown($0.value))" }
        case .quotes(let quotes):
            return quotes.flatMap { ["> \(Escape.markdown($0.text)) (\(Escape.markdown($0.source)))", ""] }.dropLast()
        case .contents(let headings):
            return headings.map { "- [\(Escape.markdown($0))](#\(MarkdownRenderer.anchor($0)))" }
        }
    }

    /// The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation dropped.
    static func anchor(_ heading: String) -> String {
        var out = ""
        for ch in heading.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out.append("-") }
        }
        return out
    }

    func render(_ table: Table) -> [String] {
        var out: [String] = []
        if let title = table.title { out += ["**\(Escape.markdown(title))**", ""] }
        let header = table.columns.map { Escape.markdown($0.header) }
        out.append("| " + header.joined(separator: " | ") + " |")
        out.append("|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            var cells = row.cells.prefix(table.columns.count).map { cell -> String in
                // Leading spaces indent a code under its parent; Markdown would strip them from the cell.
                let indent = cell.text.prefix { $0 == " " }.count
                var text = String(repeating: "&nbsp;", count: indent * 2) + Escape.markdown(String(cell.text.dropFirst(indent)))
                if cell.detailsInText && !cell.details.isEmpty {
                    text += cell.details.map { "<br>• " + Escape.markdown($0) }.joined()
                }
                return row.isSummary && !text.isEmpty ? "**\(text)**" : text
            }
            while cells.count < table.columns.count { cells.append("") }
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        for note in table.notesAndHints { out += ["", "_\(Escape.markdownProse(note))_"] }
        return out
    }
}
