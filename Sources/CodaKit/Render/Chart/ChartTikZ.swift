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
        out += "\\node[below,font=\\small\\itshape] at (\(n(plotWidth / 2)),-0.6) {\(Escape.latex(chart.categoryName))};\n"
        out += marks(chart, y: y, group: group)
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

    static func marks(_ chart: Chart, y: (Double) -> Double, group: Double) -> String {
        var out = ""
        let count = Double(chart.series.count)
        for i in chart.categories.indices {
            var stacked = 0.0
            for (s, series) in chart.series.enumerated() {
                let color = colors[s % colors.count]
                guard let value = series.values[i] else {
                    out += "\\node[above,font=\\scriptsize] at (\(n((Double(i) + 0.5) * group)),0) {not given};\n"
                    continue
                }
                switch chart.kind {
                case .bar:
                    let width = group * 0.7 / count
                    let x = Double(i) * group + group * 0.15 + Double(s) * width
                    out += "\\fill[\(color)] (\(n(x)),0) rectangle (\(n(x + width)),\(n(y(value))));\n"
                    out += "\\node[above,font=\\scriptsize] at (\(n(x + width / 2)),\(n(y(value)))) {\(Chart.format(value))};\n"
                case .stacked:
                    let x = Double(i) * group + group * 0.2
                    out += "\\fill[\(color)] (\(n(x)),\(n(y(stacked)))) rectangle (\(n(x + group * 0.6)),\(n(y(stacked + value))));\n"
                    out += "\\node[font=\\scriptsize,white] at (\(n(x + group * 0.3)),\(n(y(stacked + value / 2)))) {\(Chart.format(value))};\n"
                    stacked += value
                case .line:
                    let x = (Double(i) + 0.5) * group
                    out += "\\fill[\(color)] (\(n(x)),\(n(y(value)))) circle (2pt);\n"
                    out += "\\node[above,font=\\scriptsize] at (\(n(x)),\(n(y(value)))) {\(Chart.format(value))};\n"
                }
            }
        }
        guard chart.kind == .line else { return out }
        for (s, series) in chart.series.enumerated() {
            for i in chart.categories.indices.dropFirst() {
                guard let a = series.values[i - 1], let b = series.values[i] else { continue }
                out += "\\draw[\(colors[s % colors.count]),thick] (\(n((Double(i) - 0.5) * group)),\(n(y(a)))) -- "
                    + "(\(n((Double(i) + 0.5) * group)),\(n(y(b))));\n"
            }
        }
        return out
    }

    static func n(_ value: Double) -> String { formatDecimal((value * 100).rounded() / 100, places: 2) }
}
