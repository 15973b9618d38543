/// The ways a report can be written out; each has one renderer.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, md, csv, tsv, json, html, tex

    /// Other spellings researchers type.
    static let aliases: [String: OutputFormat] = [
        "text": .table, "txt": .table, "terminal": .table, "markdown": .md, "latex": .tex,
    ]

    public init?(name: String) {
        let lower = name.lowercased()
        if let f = OutputFormat(rawValue: lower) { self = f } else if let f = OutputFormat.aliases[lower] { self = f } else { return nil }
    }

    var fileExtension: String {
        switch self {
        case .table: return "txt"
        default: return rawValue
        }
    }

    func renderer(width: Int) -> any Renderer {
        switch self {
        case .table: return TerminalRenderer(width: width)
        case .md: return MarkdownRenderer()
        case .csv: return DelimitedRenderer(separator: ",")
        case .tsv: return DelimitedRenderer(separator: "\t")
        case .json: return JSONRenderer()
        case .html: return HTMLRenderer()
        case .tex: return LaTeXRenderer()
        }
    }
}

/// Turns a report into text in one format.
protocol Renderer: Sendable {
    func render(_ report: Report) -> String
}
