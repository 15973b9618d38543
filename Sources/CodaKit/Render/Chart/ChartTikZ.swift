/// Draws a chart in plain TikZ (no pgfplots), to `\input` into a thesis that loads `\usepackage{tikz}`: bars,
/// stacked bars or lines on a 10 cm × 5 cm plot, values written on the marks, the source underneath.
enum ChartTikZ {
    static let colors = ["blue!60", "orange!80!black", "green!50!black", "brown", "violet", "teal"]
    static let plotWidth = 10.0, plotHeight = 5.0

    static func render(_ chart: Chart) -> String {
        let (axisTop, step) = chart.axisTicks
        let y = { (v: Double) in v / axisTop * plotHeight }
        let group = plotWidth / Double(max(1, chart.categories.count))
        var out = "% \(chart.title.replacingOccurrences(of: "\n", with: " ")): needs \\usepackage{tikz}\n"
        out += "\\begin{figure}[htbp]\n\\centering\n\\begin{tikzpicture}[font=\\small]\n"
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            out += "\\draw[gray!30] (0,\(n(y(tick)))) -- (\(n(plotWidth)),\(n(y(tick))));\n"
            out += "\\node[left] at (0,\(n(y(tick)))) {\(Chart.format(tick))};\n"
            tick += step
        }
        out += "\\draw (0,0) -- (0,\(n(plotHeight)));\n\\draw (0,0) -- (\(n(plotWidth)),0);\n"
        out += "\\node[rotate=90,anchor=south] at (-1.3,\(n(plotHeight / 2))) {\(Escape.latex(chart.unit))};\n"
        for (i, category) in chart.categories.enumerated() {
            out += "\\node[below] at (\(n((Double(i) + 0.5) * group)),0) {\(Escape.latex(category))};\n"
        }
        out +=
            "\\node[below,font=\\small\\itshape] at (\(n(plotWidth / 2)),-0.6) {\(Escape.latex(chart.categoryName))};\n"
        out += marks(chart, group: group)
        if chart.series.count > 1 {
            let legend = chart.series.enumerated().map { s, series in
                "\\textcolor{\(colors[s % colors.count])}{\\rule{1.5ex}{1.5ex}}~\(Escape.latex(series.name))"
            }.joined(separator: "\\quad ")
            out += "\\node[below] at (\(n(plotWidth / 2)),-1.2) {\(legend)};\n"
        }
        out += "\\end{tikzpicture}\n"
        out += "\\caption{\(Escape.latex(chart.title))}\n"
        if !chart.source.isEmpty { out += "\\par\\smallskip\\footnotesize Source: \(Escape.latex(chart.source))\n" }
        return out + "\\end{figure}\n"
    }

    /// The bars, stacks or points, with their values written on them.
    static func marks(_ chart: Chart, group: Double) -> String {
        let x = { (u: Double) in n(u * group) }
        let h = { (u: Double) in n(u * plotHeight) }
        var out = ""
        let layout = ChartMarks(chart)
        for mark in layout.marks {
            switch mark {
            case .bar(let x0, let x1, let y0, let y1, let value, let s):
                out += "\\fill[\(colors[s % colors.count])] (\(x(x0)),\(h(y0))) rectangle (\(x(x1)),\(h(y1)));\n"
                out +=
                    chart.kind == .stacked
                    ? "\\node[font=\\scriptsize,white] at (\(x((x0 + x1) / 2)),\(h((y0 + y1) / 2))) "
                        + "{\(Chart.format(value))};\n"
                    : "\\node[above,font=\\scriptsize] at (\(x((x0 + x1) / 2)),\(h(y1))) {\(Chart.format(value))};\n"
            case .point(let px, let py, let value, let s):
                out += "\\fill[\(colors[s % colors.count])] (\(x(px)),\(h(py))) circle (2pt);\n"
                out += "\\node[above,font=\\scriptsize] at (\(x(px)),\(h(py))) {\(Chart.format(value))};\n"
            case .missing(let px):
                out += "\\node[above,font=\\scriptsize] at (\(x(px)),0) {not given};\n"
            }
        }
        for segment in layout.segments {
            out +=
                "\\draw[\(colors[segment.series % colors.count]),thick] (\(x(segment.from.x)),\(h(segment.from.y))) -- "
                + "(\(x(segment.to.x)),\(h(segment.to.y)));\n"
        }
        return out
    }

    static func n(_ value: Double) -> String { formatDecimal((value * 100).rounded() / 100, places: 2) }
}
