/// A grid of cells with headed columns, the shape of every matrix, frequency table and list.
public struct Table: Sendable {
    public var title: String?
    public var columns: [Column]
    public var rows: [Row]
    public var notes: [String]
    /// What to type next (`coda retrieve …`): shown under the notes, left out of the thesis appendix, which
    /// keeps only what a reader needs.
    public var hints: [String] = []

    /// The notes, then the hints, as every renderer shows them.
    var notesAndHints: [String] { notes + hints }

    public init(title: String? = nil, columns: [Column], rows: [Row] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }
        public var header: String
        public var alignment: Alignment
        /// The key in JSON output; defaults to the header.
        public var key: String

        public init(_ header: String, alignment: Alignment = .left, key: String? = nil) {
            self.header = header
            self.alignment = alignment
            self.key = key ?? header
        }

        public static func number(_ header: String, key: String? = nil) -> Column {
            Column(header, alignment: .right, key: key)
        }
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        /// A total or summary row, set apart by renderers that can.
        public var isSummary: Bool

        public init(_ cells: [Cell], isSummary: Bool = false) {
            self.cells = cells
            self.isSummary = isSummary
        }
    }

    public mutating func append(_ cells: [Cell], isSummary: Bool = false) {
        rows.append(Row(cells, isSummary: isSummary))
    }
}

public struct Cell: Sendable, ExpressibleByStringLiteral {
    public var text: String
    /// The typed value for JSON (a count stays a number).
    public var value: JSONValue
    /// Material behind the cell (quotes), folded away in HTML and listed in text formats.
    public var details: [String]
    /// A fraction 0...1 to shade the cell in HTML (heat-map of a matrix).
    public var shade: Double?
    /// Whether formats that cannot fold (Markdown, LaTeX) list the details in the cell too; HTML always folds them.
    public var detailsInText: Bool

    public init(_ text: String, value: JSONValue? = nil, details: [String] = [], shade: Double? = nil, detailsInText: Bool = false) {
        self.text = text
        self.value = value ?? .string(text)
        self.details = details
        self.shade = shade
        self.detailsInText = detailsInText
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static func int(_ n: Int, shade: Double? = nil) -> Cell { Cell(String(n), value: .int(n), shade: shade) }

    public static func percent(_ p: Double?) -> Cell { Cell(formatPercent(p), value: .number(p.map { ($0 * 10).rounded() / 10 })) }

    public static var empty: Cell { Cell("", value: .null) }
}
