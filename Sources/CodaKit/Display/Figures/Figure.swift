/// A small table of figures the researcher collected (views per platform, queues per month), kept as a CSV
/// file in `Figures/` with a title, a unit and a source line, so numbers that are not counts of codings can sit
/// beside the codings in displays and charts, each with where it comes from.
public struct Figure: Sendable {
    /// The file name without extension: `video-views`.
    public var id: String
    public var path: String
    public var title: String
    public var unit: String
    public var source: String
    /// `# note:` lines: caveats a reader needs (e.g. where the paper's own text gives other numbers).
    public var notes: [String]
    /// The largest size of number a figure may hold: charts add and round values up, and must stay finite.
    static let largest = 1e300
    /// The first column's header (what the rows are: platform, month).
    public var labelHeader: String
    /// The other columns' headers: one series each.
    public var series: [String]
    public var rows: [Row]

    public struct Row: Sendable {
        public var label: String
        /// One value per series; nil where the source gives none.
        public var values: [Double?]
        public var line: Int
    }

    /// The value of `label` in the first series (or `series`), matched without regard to case.
    public func value(_ label: String, series name: String? = nil) -> Double? {
        let column = name.flatMap { n in series.firstIndex { $0.lowercased() == n.lowercased() } } ?? 0
        return rows.first { $0.label.lowercased() == label.lowercased() }?.values[column]
    }
}
