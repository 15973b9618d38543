/// What a command shows, independent of how it is shown: headings, text, tables and charts.
/// Every renderer (terminal, Markdown, CSV, TSV, JSON, HTML, LaTeX) renders any report.
public struct Report: Sendable {
    public var title: String
    public var blocks: [Block]
    /// The machine-readable form; when nil, JSON output is derived from the tables.
    public var json: JSONValue?
    /// One long table for CSV/TSV when the report shows several (e.g. all frequency tables stacked).
    public var machineTable: Table?

    public init(title: String, blocks: [Block] = [], json: JSONValue? = nil, machineTable: Table? = nil) {
        self.title = title
        self.blocks = blocks
        self.json = json
        self.machineTable = machineTable
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    mutating func add(_ block: Block) { blocks.append(block) }
}

public enum Block: Sendable {
    case heading(String, level: Int)
    case paragraph(String)
    case list([String])
    case table(Table)
    case chart(BarChart)
    /// Text shown as it is, in a fixed-width font (a transcript excerpt, a diagram).
    case preformatted(String)
    /// A term and what it says, e.g. "Definition: …" under a code.
    case fields([Field])
    /// Quotations with their source, e.g. exemplar quotes cited as "P02 ¶14".
    case quotes([Quote])
    /// A table of contents: the headings given, linked where the format can link.
    case contents([String])
}

public struct Field: Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

public struct Quote: Sendable {
    public var text: String
    public var source: String
    public init(_ text: String, source: String) { self.text = text; self.source = source }
}

public struct BarChart: Sendable {
    public var title: String
    public var bars: [Bar]
    public var unit: String

    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var note: String?
        public init(_ label: String, _ value: Double, note: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    public init(title: String, bars: [Bar], unit: String = "") {
        self.title = title
        self.bars = bars
        self.unit = unit
    }
}
