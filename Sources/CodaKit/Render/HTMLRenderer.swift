/// One self-contained HTML page: a small inline stylesheet, every text escaped, bar charts as inline SVG,
/// and the quotes behind a cell folded in `<details>` (no JavaScript).
struct HTMLRenderer: Renderer {
    static let stylesheet = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}
    h1{font-size:1.6rem;border-bottom:2px solid #ddd;padding-bottom:.3rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}
    table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{border:1px solid #d0d0d0;padding:.3rem .6rem;vertical-align:top;text-align:left}th{background:#f3f3f3}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.summary td{font-weight:600;background:#fafafa}
    details summary{cursor:pointer}details ul{margin:.3rem 0;padding-left:1.2rem}details li{margin:.2rem 0}
    blockquote{margin:.6rem 0;padding:.2rem .8rem;border-left:3px solid #bbb;color:#333}blockquote cite{display:block;font-size:.85rem;color:#666}
    dl.fields dt{font-weight:600}dl.fields dd{margin:0 0 .4rem 1rem}pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}
    p.note{font-size:.85rem;color:#555}svg text{font-family:inherit;font-size:12px}svg{max-width:100%;height:auto}
    code{background:#f1f1f1;padding:0 .25em;border-radius:3px;font-size:.88em}
    div.scroll{overflow-x:auto;max-width:100%}div.scroll td:first-child,div.scroll th:first-child{position:sticky;left:0;background:#fff;z-index:1}
    div.scroll th:first-child{background:#f3f3f3}td:first-child{white-space:nowrap}
    td details ul{text-align:left;min-width:22rem;font-size:.85rem}details summary{white-space:nowrap}
    figure{margin:1rem 0}
    @media print{div.scroll{overflow:visible}table{font-size:.7rem}details ul{display:block}}
    """

    /// Heading ids, unique within a page (a draft repeats "Prevalence" for every theme).
    struct Anchors {
        var used: [String: Int] = [:]
        mutating func make(_ text: String) -> String {
            let base = HTMLRenderer.anchor(text)
            let n = used[base, default: 0] + 1
            used[base] = n
            return n == 1 ? base : "\(base)-\(n)"
        }
    }

    func render(_ report: Report) -> String {
        var anchors = Anchors()
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escape.html(report.title))</title>
        <style>
        \(HTMLRenderer.stylesheet)
        </style>
        </head>
        <body>
        <h1>\(Escape.html(report.title))</h1>

        """
        for block in report.blocks { out += html(for: block, anchors: &anchors) }
        out += "</body>\n</html>\n"
        return out
    }

    /// Escaped text in which `code` spans (Coda's own command examples) become <code>.
    func prose(_ text: String) -> String {
        Escape.prose(text, plain: Escape.html, code: { "<code>\(Escape.html(String($0)))</code>" })
    }

    func html(for block: Block, anchors: inout Anchors) -> String {
        switch block {
        case let .heading(text, level):
            let h = min(6, level + 1)
            return "<h\(h) id=\"\(anchors.make(text))\">\(Escape.html(text))</h\(h)>\n"
        case .paragraph(let text):
            return "<p>\(prose(text))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(prose($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return svg(chart)
        case .preformatted(let text):
            return "<pre>\(Escape.html(text))</pre>\n"
        case .fields(let fields):
            return "<dl class=\"fields\">\n" + fields.map { "<dt>\(Escape.html($0.name))</dt><dd>\(Escape.html($0.value))</dd>\n" }.joined() + "</dl>\n"
        case .quotes(let quotes):
            return quotes.map { "<blockquote>\(Escape.html($0.text))<cite>\(Escape.html($0.source))</cite></blockquote>\n" }.joined()
        case .contents(let headings):
            return "<nav><ul>\n" + headings.map { "<li><a href=\"#\(HTMLRenderer.anchor($0))\">\(Escape.html($0))</a></li>\n" }.joined() + "</ul></nav>\n"
        }
    }

    func render(_ table: Table) -> String {
        var out = table.columns.count > 6 ? "<div class=\"scroll\">\n<table>\n" : "<table>\n"
        if let title = table.title { out += "<caption>\(Escape.html(title))</caption>\n" }
        out += "<thead><tr>"
        for column in table.columns {
            out += column.alignment == .right ? "<th class=\"num\">" : "<th>"
            out += Escape.html(column.header) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += row.isSummary ? "<tr class=\"summary\">" : "<tr>"
            for (i, column) in table.columns.enumerated() {
                let cell = i < row.cells.count ? row.cells[i] : .empty
                var attributes = column.alignment == .right ? " class=\"num\"" : ""
                var style: [String] = []
                if let shade = cell.shade, shade > 0 {
                    style.append("background:rgba(46,117,182,\(formatDecimal(0.08 + 0.5 * min(1, shade), places: 2)))")
                }
                // Leading spaces indent a code under its parent; HTML would collapse them.
                var shown = cell
                let indent = cell.text.prefix { $0 == " " }.count
                if indent > 0 {
                    shown.text = String(cell.text.dropFirst(indent))
                    style.append("padding-left:\(formatDecimal(0.6 + 0.6 * Double(indent), places: 1))rem")
                }
                if !style.isEmpty { attributes += " style=\"\(style.joined(separator: ";"))\"" }
                out += "<td\(attributes)>" + cellHTML(shown) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n" + (table.columns.count > 6 ? "</div>\n" : "")
        for note in table.notesAndHints { out += "<p class=\"note\">\(prose(note))</p>\n" }
        return out
    }

    private func cellHTML(_ cell: Cell) -> String {
        let text = Escape.html(cell.text).replacingOccurrences(of: "\n", with: "<br>")
        guard !cell.details.isEmpty else { return text }
        let items = cell.details.map { "<li>\(Escape.html($0))</li>" }.joined()
        return "<details><summary>\(text.isEmpty ? "show" : text)</summary><ul>\(items)</ul></details>"
    }

    /// A horizontal bar chart: one bar per label, values written at the end of each bar.
    func svg(_ chart: BarChart) -> String {
        let barHeight = 22
        let labelWidth = 230
        let plotWidth = 420
        let height = barHeight * chart.bars.count + 30
        let maxValue = chart.bars.map(\.value).max() ?? 0
        var out = "<figure>\n<p class=\"note\">\(Escape.html(chart.title))</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + plotWidth + 90)\" height=\"\(height)\""
        out += " viewBox=\"0 0 \(labelWidth + plotWidth + 90) \(height)\"><title>\(Escape.html(chart.title))</title>\n"
        for (i, bar) in chart.bars.enumerated() {
            let y = 20 + i * barHeight
            let length = maxValue > 0 ? Int((bar.value / maxValue * Double(plotWidth)).rounded()) : 0
            let value = formatValue(bar.value) + chart.unit
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(Escape.html(bar.label.collapsingWhitespace().truncated(to: 34)))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(barHeight - 6)\" fill=\"#2e75b6\"></rect>"
            out += "<text x=\"\(labelWidth + length + 5)\" y=\"\(y + 15)\">\(Escape.html(value))</text>\n"
        }
        out += "</svg>\n</figure>\n"
        return out
    }

    static func anchor(_ text: String) -> String {
        let slug = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return Escape.html(slug.split(separator: "-").joined(separator: "-"))
    }
}
