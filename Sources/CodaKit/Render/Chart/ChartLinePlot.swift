/// A line chart in text, for the terminal and Markdown: the values as points on a grid of rows, joined by dots,
/// with the axis's top, middle and bottom labelled. The table above it gives the exact numbers.
enum ChartLinePlot {
    static let markers: [Character] = ["●", "○", "■", "□", "▲", "△"]
    static let rows = 10

    static func text(_ chart: Chart, width: Int = 76) -> String {
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        guard !chart.categories.isEmpty, !values.isEmpty else { return "(no data)" }
        let top = chart.axisTicks.top, bottom = min(0, values.min() ?? 0)
        let axis = [Chart.format(top), Chart.format((top + bottom) / 2), Chart.format(bottom)]
        let axisWidth = axis.map(DisplayWidth.of).max() ?? 1
        // One slot per category, as wide as the longest label where the width allows; else numbered labels.
        let labelWidth = chart.categories.map(DisplayWidth.of).max() ?? 1
        let count = chart.categories.count
        let slot = min(max(labelWidth + 2, 3), 16, max(2, (width - axisWidth - 2) / count))
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
        var under = ""
        for (i, category) in chart.categories.enumerated() {
            let text = numbered ? String(i + 1) : category
            let start = i * slot + slot / 2 - DisplayWidth.of(text) / 2
            under += String(repeating: " ", count: max(start - DisplayWidth.of(under), under.isEmpty ? 0 : 1)) + text
        }
        lines.append(String(repeating: " ", count: axisWidth + 2) + under)
        if numbered {
            lines += chart.categories.enumerated().map { "\($0.offset + 1) = \($0.element)" }
        }
        if chart.series.count > 1 {
            lines.append(chart.series.enumerated().map { "\(markers[$0.offset % markers.count]) \($0.element.name)" }
                .joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }
}
