/// `coda matrix … --chart`: the matrix's counts drawn as a chart, one bar group per row (code), one series per
/// column, in the matrix's `--format` (HTML holds an SVG, LaTeX plain TikZ).
enum MatrixChart {
    static let options = [
        OptionSpec(
            name: "chart", valueName: nil, help: "draw the counts as a chart (rows as groups, columns as series)"),
        OptionSpec(
            name: "type", valueName: "TYPE", help: "with --chart: the kind of chart (default: bar)",
            choices: Chart.Kind.allCases.map(\.rawValue)),
    ]

    static func chart(_ matrix: Matrix, kind: Chart.Kind) -> Chart {
        var notes = matrix.notes
        notes.insert("Counts are codings, as in `coda matrix \(matrix.kind.rawValue)`.", at: 0)
        return Chart(
            title: matrix.title, unit: "codings", source: "the project's codings", notes: notes,
            categoryName: matrix.rows.title, categories: matrix.rows.labels.map { $0.trimmingWhitespace() },
            series: matrix.columns.labels.indices.map { c in
                Chart.Series(
                    name: matrix.columns.labels[c],
                    values: matrix.rows.labels.indices.map { Double(matrix.count($0, c)) })
            }, kind: kind)
    }

    static func emit(_ matrix: Matrix, invocation: Invocation) -> ExitCode {
        let chart = chart(matrix, kind: invocation.option("type").flatMap(Chart.Kind.init(rawValue:)) ?? .bar)
        switch invocation.format {
        case .html: invocation.console.out(ChartReport.html(chart))
        case .tex: invocation.console.out(ChartTikZ.render(chart))
        default: invocation.emit(ChartReport.report(chart, width: invocation.console.width))
        }
        return .success
    }
}
