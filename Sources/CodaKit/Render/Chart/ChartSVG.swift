/// Draws a chart as a self-contained, accessible SVG: `role="img"` with a title and a description listing
/// every value, axis labels, values written on the bars or points, and the source under the plot.
enum ChartSVG {
    static let palette = ["#2e75b6", "#c55a11", "#548235", "#7f6000", "#7030a0", "#1f4e79"]
    static let width = 640.0, height = 400.0
    static let left = 80.0, right = 24.0, top = 56.0, bottom = 92.0

    static func render(_ chart: Chart) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let (axisTop, step) = chart.axisTicks
        let y = { (v: Double) in top + plotHeight - v / axisTop * plotHeight }
        let group = plotWidth / Double(max(1, chart.categories.count))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"chart-title\">\(Escape.html(chart.title))</title>\n"
        out += "<desc id=\"chart-desc\">\(Escape.html(chart.summary))</desc>\n"
        out += text(left, 24, chart.title, extra: "font-size=\"15\" font-weight=\"bold\"")
        // The value axis with its ticks and label.
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            out += "<line x1=\"\(n(left - 4))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\" "
                + "stroke=\"#d9d9d9\"/>\n"
            out += text(left - 8, y(tick) + 4, Chart.format(tick), extra: "text-anchor=\"end\"")
            tick += step
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" stroke=\"#000\"/>\n"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" stroke=\"#000\"/>\n"
        out += "<text x=\"16\" y=\"\(n(top + plotHeight / 2))\" transform=\"rotate(-90 16 \(n(top + plotHeight / 2)))\" "
            + "text-anchor=\"middle\">\(Escape.html(chart.unit))</text>\n"
        for (i, category) in chart.categories.enumerated() {
            out += text(left + (Double(i) + 0.5) * group, top + plotHeight + 18, category.truncated(to: 24), extra: "text-anchor=\"middle\"")
        }
        out += text(left + plotWidth / 2, top + plotHeight + 40, chart.categoryName, extra: "text-anchor=\"middle\" font-style=\"italic\"")
        out += marks(chart, y: y, group: group, base: top + plotHeight)
        if chart.series.count > 1 {
            var x = left
            for (s, series) in chart.series.enumerated() {
                out += "<rect x=\"\(n(x))\" y=\"\(n(height - 40))\" width=\"10\" height=\"10\" fill=\"\(palette[s % palette.count])\"/>\n"
                out += text(x + 14, height - 31, series.name)
                x += 24 + Double(series.name.count) * 7
            }
        }
        if !chart.source.isEmpty { out += text(left, height - 10, "Source: \(chart.source)".truncated(to: 100), extra: "font-size=\"10\"") }
        return out + "</svg>\n"
    }

    static func marks(_ chart: Chart, y: (Double) -> Double, group: Double, base: Double) -> String {
        var out = ""
        let count = Double(chart.series.count)
        for i in chart.categories.indices {
            var stacked = 0.0
            for (s, series) in chart.series.enumerated() {
                let color = palette[s % palette.count]
                guard let value = series.values[i] else {
                    out += text(left + (Double(i) + 0.5) * group, base - 6, "not given", extra: "text-anchor=\"middle\" font-size=\"10\"")
                    continue
                }
                switch chart.kind {
                case .bar:
                    let barWidth = group * 0.7 / count
                    let x = left + Double(i) * group + group * 0.15 + Double(s) * barWidth
                    out += "<rect x=\"\(n(x))\" y=\"\(n(y(value)))\" width=\"\(n(barWidth))\" height=\"\(n(base - y(value)))\" fill=\"\(color)\"/>\n"
                    out += text(x + barWidth / 2, y(value) - 4, Chart.format(value), extra: "text-anchor=\"middle\"")
                case .stacked:
                    let x = left + Double(i) * group + group * 0.2
                    let low = y(stacked), high = y(stacked + value)
                    out += "<rect x=\"\(n(x))\" y=\"\(n(high))\" width=\"\(n(group * 0.6))\" height=\"\(n(low - high))\" fill=\"\(color)\"/>\n"
                    out += text(x + group * 0.3, (low + high) / 2 + 4, Chart.format(value), extra: "text-anchor=\"middle\" fill=\"#fff\"")
                    stacked += value
                case .line:
                    let x = left + (Double(i) + 0.5) * group
                    out += "<circle cx=\"\(n(x))\" cy=\"\(n(y(value)))\" r=\"3.5\" fill=\"\(color)\"/>\n"
                    out += text(x, y(value) - 8, Chart.format(value), extra: "text-anchor=\"middle\"")
                }
            }
        }
        guard chart.kind == .line else { return out }
        for (s, series) in chart.series.enumerated() {
            // A gap where a value is not given: the line is not drawn through it.
            var run: [String] = []
            for i in chart.categories.indices {
                if let value = series.values[i] { run.append("\(n(left + (Double(i) + 0.5) * group)),\(n(y(value)))") }
                if series.values[i] == nil || i == chart.categories.count - 1 {
                    if run.count > 1 {
                        out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(palette[s % palette.count])\" stroke-width=\"2\"/>\n"
                    }
                    run = []
                }
            }
        }
        return out
    }

    static func text(_ x: Double, _ y: Double, _ content: String, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\"\(extra.isEmpty ? "" : " " + extra)>\(Escape.html(content))</text>\n"
    }

    /// Coordinates with at most one decimal, so the output is stable and short.
    static func n(_ value: Double) -> String { formatValue((value * 10).rounded() / 10) }
}
