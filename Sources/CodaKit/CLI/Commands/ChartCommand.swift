extension CommandSpec {
    static let chart = CommandSpec(
        name: "chart", summary: "draw a project's figures or a survey question as a chart",
        discussion: "NAME is a figures file in Figures/ (its name without .csv) or `survey:QUESTION`. A figures file "
            + "starts with `# title: …`, `# unit: …` and `# source: …` lines (and any `# note: …`), then a CSV table: "
            + "the first column labels the rows, each other column is a series of numbers; leave a cell empty when the "
            + "source gives no number. Without NAME, lists the figures. `--format svg` writes an accessible SVG, "
            + "`html` a page with the SVG and the values, `tex` plain TikZ (\\usepackage{tikz}).",
        arguments: [ArgumentSpec(name: "NAME", help: "a figures file, or survey:QUESTION", optional: true)],
        options: [
            OptionSpec(
                name: "type", valueName: "TYPE", help: "the kind of chart (default: bar)",
                choices: Chart.Kind.allCases.map(\.rawValue)),
            OptionSpec(
                name: "format", valueName: "FORMAT", help: "table (default), svg, html, tex, md or csv",
                choices: ChartFormat.allCases.map(\.rawValue)),
        ],
        examples: [
            "coda chart", "coda chart video-views", "coda chart queues-per-month --type line --format svg > queues.svg",
            "coda chart survey:Q1 --format tex",
        ],
        group: .display
    ) { invocation in
        let project = try invocation.project()
        guard let name = invocation.argument("NAME") else {
            var report = Report(title: "Figures")
            if project.figures.isEmpty {
                report.add(.paragraph("No figures yet: add CSV files to Figures/ (see `coda help chart`)."))
            } else {
                report.add(.table(FigureReport.list(project)))
            }
            invocation.emit(report)
            return .success
        }
        let kind = invocation.option("type").flatMap(Chart.Kind.init(rawValue:)) ?? .bar
        let chart = try Chart.named(name, in: project, kind: kind)
        switch invocation.option("format").flatMap(ChartFormat.init(rawValue:)) ?? .table {
        case .svg: invocation.console.out(ChartSVG.render(chart))
        case .html: invocation.console.out(ChartReport.html(chart))
        case .tex: invocation.console.out(ChartTikZ.render(chart))
        case .table, .md, .csv: invocation.emit(ChartReport.report(chart, width: invocation.console.width))
        }
        return .success
    }
}

extension CommandSpec {
    static let compare = CommandSpec(
        name: "compare", summary: "a before/after display of figures, survey answers and codings, with sources",
        discussion: "NAME is a file Figures/NAME.compare: `# title: …`, then for each aspect `row: ASPECT`, "
            + "`before: …` and `after: …` (each `figure NAME [ROW]`, `survey SURVEY:QUESTION = ANSWER` or text), and "
            + "`codes: CODE, CODE` to count their codings in before and after documents. Every number is cited.",
        arguments: [ArgumentSpec(name: "NAME", help: "a before/after display in Figures/")],
        formats: OutputFormat.allCases,
        examples: ["coda compare table-3", "coda compare table-3 --format tex"],
        group: .display
    ) { invocation in
        let project = try invocation.project()
        invocation.emit(try BeforeAfterReport.report(project, name: invocation.argument("NAME") ?? ""))
        return .success
    }
}
