/// A line chart in text, for the terminal and Markdown: the values as points on a grid of rows, joined by dots,
/// with the axis's top, middle and bottom labelled. The table above it gives the exact numbers.
enum ChartLinePlot {
    static let markers: [Character] = ["●", "○", "■", "□", "▲", "△"]
    static let rows = 10

    /// The width of a plot outside the terminal (Markdown, the appendix).
    static let defaultWidth = 76

    /// The plot in at most `width` columns, or, when its categories do not fit even one column each, a line
    /// saying so (the report puts a sentence in its place).
    static func text(_ chart: Chart, width: Int = defaultWidth) -> String {
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        guard !chart.categories.isEmpty, !values.isEmpty else { return "(no data)" }
        let (top, bottom) = range(chart)
        let axis = [Chart.format(top), Chart.format((top + bottom) / 2), Chart.format(bottom)]
        let axisWidth = axis.map(DisplayWidth.of).max() ?? 1
        // One slot per category, as wide as the longest label where the width allows; else numbered labels.
        let labelWidth = chart.categories.map(DisplayWidth.of).max() ?? 1
        let count = chart.categories.count
        guard fits(chart, width: width) else { return "(\(count) categories: too many for \(width) columns)" }
        let slot = min(max(labelWidth + 2, 3), 16, max(1, (width - axisWidth - 2) / count))
        let numbered = labelWidth > slot - 1
        var grid = Array(repeating: Array(repeating: Character(" "), count: slot * count), count: rows)
        func row(_ value: Double) -> Int {
            top == bottom ? rows - 1 : Int(((top - value) / (top - bottom) * Double(rows - 1)).rounded())
        }
        for (s, series) in chart.series.enumerated() {
            let marker = markers[s % markers.count]
            let points = series.values.enumerated().compactMap { i, v in
                v.map { (column: i * slot + slot / 2, value: $0) }
            }
            for (a, b) in zip(points, points.dropFirst()) where b.column - a.column == slot {
                for column in a.column + 1..<b.column {
                    let share = Double(column - a.column) / Double(slot)
                    let r = row(a.value + (b.value - a.value) * share)
                    if grid[r][column] == " " { grid[r][column] = "·" }
                }
            }
            for point in points { grid[row(point.value)][point.column] = marker }
        }
        var lines: [String] = []
        for (r, cells) in grid.enumerated() {
            let label = r == 0 ? axis[0] : r == rows / 2 ? axis[1] : r == rows - 1 ? axis[2] : ""
            var plot = String(cells)
            while plot.last == " " { plot.removeLast() }
            lines.append(DisplayWidth.pad(label, to: axisWidth, right: true) + (label.isEmpty ? " │" : " ┤") + plot)
        }
        lines.append(String(repeating: " ", count: axisWidth) + " └" + String(repeating: "─", count: slot * count))
        // Under narrow slots, every 2nd, 5th or 10th… category is numbered, so that numbers never run together.
        let needed = numbered ? (String(count).count + slot) / slot : 1
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500].first { $0 >= needed } ?? needed
        var under = ""
        for (i, category) in chart.categories.enumerated() where (i + 1) % step == 0 || (i == 0 && step >= 5) {
            let text = numbered ? String(i + 1) : category
            let start = i * slot + slot / 2 - DisplayWidth.of(text) / 2
            under += String(repeating: " ", count: max(start - DisplayWidth.of(under), under.isEmpty ? 0 : 1)) + text
        }
        lines.append(String(repeating: " ", count: axisWidth + 2) + under)
        if numbered { lines += key(chart.categories, width: width) }
        if chart.series.count > 1 {
            lines.append(chart.series.enumerated().map { "\(markers[$0.offset % markers.count]) \($0.element.name)" }
                .joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }

    /// `1 = 2019-01` for each numbered category, in as many columns as `width` holds, read down each column.
    private static func key(_ categories: [String], width: Int) -> [String] {
        let entries = categories.enumerated().map { "\($0.offset + 1) = \($0.element)" }
        let cell = (entries.map(DisplayWidth.of).max() ?? 1) + 3
        let perLine = max(1, (width + 3) / cell)
        let rows = (entries.count + perLine - 1) / perLine
        return (0..<rows).map { r in
            var line = stride(from: r, to: entries.count, by: rows)
                .map { DisplayWidth.pad(entries[$0], to: cell - 3) }.joined(separator: "   ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Whether each category gets at least one column of `width` beside the axis's labels.
    static func fits(_ chart: Chart, width: Int) -> Bool {
        let (top, bottom) = range(chart)
        let axisWidth = [top, (top + bottom) / 2, bottom].map { DisplayWidth.of(Chart.format($0)) }.max() ?? 1
        return chart.categories.count <= width - axisWidth - 2
    }

    /// The axis's top and bottom: zero or below, and the top tick.
    private static func range(_ chart: Chart) -> (top: Double, bottom: Double) {
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        return (chart.axisTicks.top, min(0, values.min() ?? 0))
    }
}
