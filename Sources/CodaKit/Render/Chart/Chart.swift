/// A chart of a few categories and one or more series of numbers, drawn as bars, stacked bars or lines, in the
/// terminal, SVG, HTML or LaTeX. Made from a project's figures, a survey question or a matrix.
public struct Chart: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bar, line, stacked
    }

    public struct Series: Sendable {
        public var name: String
        /// One value per category; nil where there is none (drawn as a gap, said so).
        public var values: [Double?]
    }

    public var title: String
    public var unit: String
    /// Where the numbers come from, printed under the chart.
    public var source: String
    public var notes: [String] = []
    /// What the categories are (platform, month): the horizontal axis label.
    public var categoryName: String
    public var categories: [String]
    public var series: [Series]
    public var kind: Kind = .bar

    /// The highest value the axis must reach: the largest value, or the largest stack for stacked bars.
    var axisMaximum: Double {
        let values =
            kind == .stacked
            ? categories.indices.map { i in series.reduce(0) { $0 + max(0, $1.values[i] ?? 0) } }
            : series.flatMap { $0.values.compactMap { $0 } }
        return max(values.max() ?? 0, 0)
    }

    /// A round top for the axis and its tick step (1, 2 or 5 times a power of ten), about five ticks.
    var axisTicks: (top: Double, step: Double) {
        let maximum = axisMaximum
        guard maximum > 0 else { return (1, 1) }
        let step = SurveyNumbers.roundWidth(maximum / 5)
        return ((maximum / step).rounded(.up) * step, step)
    }

    /// `3,774`; decimals only where the number has them.
    static func format(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return formatScientific(value) }
        guard value == value.rounded() else { return formatDecimal(value, places: 1) }
        let digits = String(Int64(abs(value)))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Every value as a sentence, for screen readers and the SVG's description.
    var summary: String {
        let unit = self.unit.isEmpty ? "" : " \(self.unit)"
        let parts = series.map { s in
            (series.count > 1 ? "\(s.name): " : "")
                + categories.indices.map { i in
                    "\(categories[i]) \(s.values[i].map { Chart.format($0) + unit } ?? "not given")"
                }.joined(separator: ", ")
        }
        return parts.joined(separator: "; ") + "." + (source.isEmpty ? "" : " Source: \(source)")
    }
}
