/// A chart as a report, for the formats that show it as a table of values with bars in text (terminal,
/// Markdown, CSV), and as one HTML page holding the SVG and the same table.
enum ChartReport {
    /// `width` is the terminal's: a line chart's plot fits it.
    static func report(_ chart: Chart, width: Int = ChartLinePlot.defaultWidth) -> Report {
        var report = Report(title: chart.title)
        let columns = [Table.Column(chart.categoryName)] + chart.series.map { Table.Column.number($0.name) }
        var table = Table(title: chart.title, columns: columns)
        // CSV gets the numbers plain (3774), so a spreadsheet reads them as numbers.
        var machine = Table(columns: columns)
        for (i, category) in chart.categories.enumerated() {
            table.append(
                [Cell(category)]
                    + chart.series.map { s in
                        s.values[i].map { Cell(Chart.format($0), value: .number($0)) } ?? Cell("–", value: .null)
                    })
            machine.append(
                [Cell(category)]
                    + chart.series.map { s in s.values[i].map { Cell(formatValue($0), value: .number($0)) } ?? .empty })
        }
        if !chart.unit.isEmpty { table.notes.append("Unit: \(chart.unit).") }
        if !chart.source.isEmpty { table.notes.append("Source: \(chart.source)") }
        table.notes += chart.notes
        if chart.series.contains(where: { $0.values.contains(nil) }) {
            table.notes.append("–: not given in the source.")
        }
        let plotFits = chart.kind != .line || ChartLinePlot.fits(chart, width: width)
        if !plotFits { table.hints.append("`--format svg` draws all \(chart.categories.count) categories.") }
        report.add(.table(table))
        if !plotFits {
            report.add(.paragraph("The \(chart.categories.count) categories are too many for a plot \(width) "
                + "columns wide; the table above gives every value."))
        } else if chart.kind == .line {
            report.add(.preformatted(ChartLinePlot.text(chart, width: width)))
        } else {
            for bars in barCharts(chart) { report.add(.chart(bars)) }
        }
        report.machineTable = machine
        return report
    }

    /// Bars in text: one chart per series, or the stacks' totals.
    static func barCharts(_ chart: Chart) -> [BarChart] {
        if chart.kind == .stacked {
            let totals = chart.categories.indices.map { i in chart.series.reduce(0) { $0 + ($1.values[i] ?? 0) } }
            return [
                BarChart(
                    title: "\(chart.title) (stack totals)",
                    bars: zip(chart.categories, totals).map { BarChart.Bar($0, $1) })
            ]
        }
        return chart.series.map { s in
            BarChart(
                title: chart.series.count > 1 ? "\(chart.title): \(s.name)" : chart.title,
                bars: chart.categories.indices.compactMap { i in
                    s.values[i].map { BarChart.Bar(chart.categories[i], $0) }
                })
        }
    }

    static func html(_ chart: Chart) -> String {
        var table =
            "<table>\n<caption>\(Escape.html(chart.title))</caption>\n"
            + "<tr><th scope=\"col\">\(Escape.html(chart.categoryName))</th>"
        table += chart.series.map { "<th scope=\"col\">\(Escape.html($0.name))</th>" }.joined() + "</tr>\n"
        for (i, category) in chart.categories.enumerated() {
            table += "<tr><th scope=\"row\">\(Escape.html(category))</th>"
            table += chart.series.map { "<td>\($0.values[i].map(Chart.format) ?? "–")</td>" }.joined() + "</tr>\n"
        }
        table += "</table>\n"
        let notes = chart.notes.map { "<p>\(Escape.html($0))</p>\n" }.joined()
        return
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>\(Escape.html(chart.title))</title>\n"
            + "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto}table{border-collapse:collapse}"
            + "td,th{padding:.2em .6em;border-bottom:1px solid #ccc}td{text-align:right}</style>\n"
            + "</head>\n<body>\n<figure>\n"
            + ChartSVG.render(chart) + "<figcaption>\(Escape.html(chart.title))"
            + (chart.source.isEmpty ? "" : ". Source: \(Escape.html(chart.source))") + "</figcaption>\n</figure>\n"
            + table + notes + "</body>\n</html>\n"
    }
}
