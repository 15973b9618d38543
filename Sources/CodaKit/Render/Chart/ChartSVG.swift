/// Draws a chart as a self-contained, accessible SVG: `role="img"` with a title and a description listing
/// every value, axis labels, values written on the bars or points, and the source under the plot.
enum ChartSVG {
    static let palette = ["#2e75b6", "#c55a11", "#548235", "#7f6000", "#7030a0", "#1f4e79"]
    static let width = 640.0, height = 400.0
    static let left = 80.0, right = 24.0, top = 56.0, bottom = 92.0

    static func render(_ chart: Chart) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let (axisTop, step) = chart.axisTicks
        let y = { (v: Double) in top + plotHeight - v / axisTop * plotHeight }
        let group = plotWidth / Double(max(1, chart.categories.count))
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"chart-title\">\(Escape.html(chart.title))</title>\n"
        out += "<desc id=\"chart-desc\">\(Escape.html(chart.summary))</desc>\n"
        out += text(left, 24, chart.title, extra: "font-size=\"15\" font-weight=\"bold\"")
        // The value axis with its ticks and label.
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            out +=
                "<line x1=\"\(n(left - 4))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\" "
                + "stroke=\"#d9d9d9\"/>\n"
            out += text(left - 8, y(tick) + 4, Chart.format(tick), extra: "text-anchor=\"end\"")
            tick += step
        }
        out +=
            line(left, top, left, top + plotHeight)
        out +=
            line(left, top + plotHeight, left + plotWidth, top + plotHeight)
        out +=
            "<text x=\"16\" y=\"\(n(top + plotHeight / 2))\" transform=\"rotate(-90 16 \(n(top + plotHeight / 2)))\" "
            + "text-anchor=\"middle\">\(Escape.html(chart.unit))</text>\n"
        for (i, category) in chart.categories.enumerated() {
            out += text(
                left + (Double(i) + 0.5) * group, top + plotHeight + 18, category.truncated(to: 24),
                extra: "text-anchor=\"middle\"")
        }
        out += text(
            left + plotWidth / 2, top + plotHeight + 40, chart.categoryName,
            extra: "text-anchor=\"middle\" font-style=\"italic\"")
        out += marks(chart, group: group, base: top + plotHeight)
        if chart.series.count > 1 {
            var x = left
            for (s, series) in chart.series.enumerated() {
                out +=
                    "<rect x=\"\(n(x))\" y=\"\(n(height - 40))\" width=\"10\" height=\"10\" "
                    + "fill=\"\(palette[s % palette.count])\"/>\n"
                out += text(x + 14, height - 31, series.name)
                x += 24 + Double(series.name.count) * 7
            }
        }
        if !chart.source.isEmpty {
            out += text(left, height - 10, "Source: \(chart.source)".truncated(to: 100), extra: "font-size=\"10\"")
        }
        return out + "</svg>\n"
    }

    /// The bars, stacks or points, with their values written beside them.
    static func marks(_ chart: Chart, group: Double, base: Double) -> String {
        let x = { (u: Double) in left + u * group }
        let height = base - top
        let h = { (u: Double) in base - u * height }
        var out = ""
        let layout = ChartMarks(chart)
        for segment in layout.segments {
            out +=
                "<line x1=\"\(n(x(segment.from.x)))\" y1=\"\(n(h(segment.from.y)))\" x2=\"\(n(x(segment.to.x)))\" "
                + "y2=\"\(n(h(segment.to.y)))\" stroke=\"\(palette[segment.series % palette.count])\" "
                + "stroke-width=\"2\"/>\n"
        }
        for mark in layout.marks {
            switch mark {
            case .bar(let x0, let x1, let y0, let y1, let value, let s):
                out +=
                    "<rect x=\"\(n(x(x0)))\" y=\"\(n(h(y1)))\" width=\"\(n(x(x1) - x(x0)))\" "
                    + "height=\"\(n(h(y0) - h(y1)))\" fill=\"\(palette[s % palette.count])\"/>\n"
                out +=
                    chart.kind == .stacked
                    ? text(
                        x((x0 + x1) / 2), (h(y0) + h(y1)) / 2 + 4, Chart.format(value),
                        extra: "text-anchor=\"middle\" fill=\"#fff\"")
                    : text(x((x0 + x1) / 2), h(y1) - 4, Chart.format(value), extra: "text-anchor=\"middle\"")
            case .point(let px, let py, let value, let s):
                out +=
                    "<circle cx=\"\(n(x(px)))\" cy=\"\(n(h(py)))\" r=\"3.5\" fill=\"\(palette[s % palette.count])\"/>\n"
                out += text(x(px), h(py) - 8, Chart.format(value), extra: "text-anchor=\"middle\"")
            case .missing(let px):
                out += text(x(px), base - 6, "not given", extra: "text-anchor=\"middle\" font-size=\"10\"")
            }
        }
        return out
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"#000\"/>\n"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\"\(extra.isEmpty ? "" : " " + extra)>\(Escape.html(content))</text>\n"
    }

    /// Coordinates with at most one decimal, so the output is stable and short.
    static func n(_ value: Double) -> String { formatValue((value * 10).rounded() / 10) }
}
