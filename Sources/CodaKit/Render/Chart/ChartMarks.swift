/// Where a chart's marks go, in plot units shared by every drawing format: x from 0 to the number of
/// categories (one unit each), y from 0 to 1 of the axis top. SVG and TikZ only scale and draw them.
struct ChartMarks {
    enum Mark {
        /// A bar or a stack's segment: its corners, value and series.
        case bar(x0: Double, x1: Double, y0: Double, y1: Double, value: Double, series: Int)
        /// A point of a line.
        case point(x: Double, y: Double, value: Double, series: Int)
        /// A category whose value the source does not give.
        case missing(x: Double)
    }

    var marks: [Mark] = []
    /// Line segments between neighbouring points of a series (none across a missing value).
    var segments: [(from: (x: Double, y: Double), to: (x: Double, y: Double), series: Int)] = []

    init(_ chart: Chart) {
        let top = chart.axisTicks.top
        let count = Double(chart.series.count)
        for i in chart.categories.indices {
            var stacked = 0.0
            for (s, series) in chart.series.enumerated() {
                guard let value = series.values[i] else {
                    marks.append(.missing(x: Double(i) + 0.5))
                    continue
                }
                switch chart.kind {
                case .bar:
                    let width = 0.7 / count
                    let x = Double(i) + 0.15 + Double(s) * width
                    marks.append(.bar(x0: x, x1: x + width, y0: 0, y1: value / top, value: value, series: s))
                case .stacked:
                    marks.append(
                        .bar(
                            x0: Double(i) + 0.2, x1: Double(i) + 0.8, y0: stacked / top, y1: (stacked + value) / top,
                            value: value, series: s))
                    stacked += value
                case .line:
                    marks.append(.point(x: Double(i) + 0.5, y: value / top, value: value, series: s))
                }
            }
        }
        guard chart.kind == .line else { return }
        for (s, series) in chart.series.enumerated() {
            for i in chart.categories.indices.dropFirst() {
                guard let a = series.values[i - 1], let b = series.values[i] else { continue }
                segments.append(((Double(i) - 0.5, a / top), (Double(i) + 0.5, b / top), s))
            }
        }
    }
}
