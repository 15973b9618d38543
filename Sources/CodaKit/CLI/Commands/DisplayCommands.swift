extension CommandSpec {
    static let matrixOptions: [OptionSpec] = [
        OptionSpec(name: "cell", valueName: "KIND", help: "what cells show (default: count; framework: summary)", choices: CellKind.allCases.map(\.rawValue)),
        OptionSpec(name: "by", valueName: "ATTRIBUTE", help: "attribute: the attribute for columns; time: phase or month"),
        OptionSpec(name: "where", valueName: "ATTR=VALUE", help: "only codings in cases (or interviews) with this value", repeatable: true),
        OptionSpec(name: "coder", valueName: "NAME", help: "whose codings (default: the main coder when there are several; `all` for everyone)"),
        OptionSpec(name: "codes", valueName: "PARENT", help: "only this code and the codes under it", repeatable: true),
        OptionSpec(name: "depth", valueName: "N", help: "show codes down to depth N, deeper ones counted in their ancestor"),
        OptionSpec(name: "rollup", valueName: nil, help: "parent codes count their children's codings too"),
        OptionSpec(name: "within", valueName: "N", help: "co-occurrence: segments at most N apart (default 0: the same segment)"),
        OptionSpec(name: "thresholds", valueName: "W,M,S", help: "checklist: codings for weak, moderate, strong (default 1,2,4)"),
        OptionSpec(name: "all-cases", valueName: nil, help: "case axes: every case, also survey respondents without codings"),
        OptionSpec(name: "drop-empty", valueName: nil, help: "leave out rows and columns without codings"),
        OptionSpec(name: "transpose", valueName: nil, help: "swap rows and columns"),
        .withInterviewer,
    ]

    static func matrixOptions(_ invocation: Invocation, project: Project, kind: MatrixKind) throws -> MatrixOptions {
        var options = MatrixOptions(kind: kind)
        options.cell = invocation.option("cell").flatMap(CellKind.init(rawValue:)) ?? (kind == .framework ? .summary : .count)
        options.by = invocation.option("by")
        options.conditions = try invocation.conditions()
        options.coder = invocation.option("coder")
        options.codeRoots = try invocation.codes(invocation.optionList("codes"), in: project)
        options.depth = try invocation.intOption("depth")
        options.rollup = invocation.flag("rollup")
        options.within = try invocation.intOption("within") ?? 0
        if let text = invocation.option("thresholds") {
            let values = text.split(separator: ",").compactMap { Int($0.trimmingWhitespace()) }
            guard values.count == 3, values[0] >= 1, values[0] < values[1], values[1] < values[2] else { throw DisplayError.badThresholds(text) }
            options.thresholds = values
        }
        options.allCases = invocation.flag("all-cases")
        options.dropEmpty = invocation.flag("drop-empty")
        options.transpose = invocation.flag("transpose")
        options.withInterviewer = invocation.flag("with-interviewer")
        return options
    }

    static let matrix = CommandSpec(
        name: "matrix", summary: "display matrices: case-code, attribute, time, checklist, cooccurrence, framework, code-coder",
        discussion: "case-code: cases × codes. attribute --by ATTR: codes × the attribute's values (e.g. role). time --by phase|month: "
            + "codes × phases or months. checklist: codes × cases with strength marks. cooccurrence: code × code. framework: cases × codes "
            + "with your summaries (`coda summarize`), else the most typical quote. code-coder: codes × coders. "
            + "Counts count codings. Every cell opens with the `coda retrieve` command shown under the table.",
        arguments: [ArgumentSpec(name: "KIND", help: MatrixKind.allCases.map(\.rawValue).joined(separator: ", "))],
        options: matrixOptions + MatrixChart.options, formats: OutputFormat.allCases,
        examples: ["coda matrix case-code", "coda matrix time --by phase --codes Problems --chart",
                   "coda matrix attribute --by role --cell coverage", "coda matrix time --by phase --codes Problems --cell quotes",
                   "coda matrix checklist --codes 'Flower of Service'", "coda matrix framework --codes 'Flower of Service' --transpose --format html > table1.html",
                   "coda matrix cooccurrence --within 1 --format csv"],
        group: .display
    ) { invocation in
        let name = invocation.argument("KIND")!.lowercased()
        guard let kind = MatrixKind(name: name) else {
            throw UsageError.invalidArgument(name: "matrix kind", value: name, choices: MatrixKind.allCases.map(\.rawValue))
        }
        let project = try invocation.project()
        let options = try matrixOptions(invocation, project: project, kind: kind)
        let matrix = try MatrixBuilder.build(project, options)
        if invocation.flag("chart") { return MatrixChart.emit(matrix, invocation: invocation) }
        invocation.emit(MatrixReport.report(matrix, cell: options.cell, project: project, thresholds: options.thresholds,
                                            quotesInCells: invocation.format == .html, json: invocation.format == .json))
        return .success
    }

    static let summarize = CommandSpec(
        name: "summarize", summary: "write your summary for a framework-matrix cell (a case and a code)",
        discussion: "Summaries are kept in Memos/framework.md, one `## CASE / CODE` section each, and shown by `coda matrix framework`.",
        arguments: [ArgumentSpec(name: "CASE", help: "the case id"), ArgumentSpec(name: "CODE", help: "the code"),
                    ArgumentSpec(name: "TEXT", help: "the summary")],
        examples: ["coda summarize R017 'JHT claims' \"Came three times; nobody listed the documents.\""], group: .display
    ) { invocation in
        let project = try invocation.project()
        let record = try project.knownCase(invocation.argument("CASE")!)
        let code = try project.codebook.resolve(invocation.argument("CODE")!)
        try FrameworkSummaries.save(invocation.argument("TEXT")!, case: record.id, code: code, project: project)
        invocation.console.line("summary for \(record.id) / \(code.path) saved in \(FrameworkSummaries.path)")
        return .success
    }

    static let network = CommandSpec(
        name: "network", summary: "a network of codes as Graphviz DOT or Mermaid text",
        discussion: "co-occurrence: codes joined by how often they share a segment (--within N for nearby segments, --min for the weakest "
            + "edge shown). hierarchy: the code tree with counts. Render DOT with `dot -Tsvg`; paste Mermaid into Markdown.",
        arguments: [ArgumentSpec(name: "KIND", help: "co-occurrence or hierarchy (default: co-occurrence)", optional: true)],
        options: [OptionSpec(name: "format", valueName: "FORMAT", help: "dot, mermaid or json (default: dot)", choices: Network.Format.allCases.map(\.rawValue)),
                  OptionSpec(name: "min", valueName: "N", help: "co-occurrence: leave out edges weaker than N (default 1)")]
            + matrixOptions.filter { ["where", "coder", "codes", "depth", "within", "with-interviewer"].contains($0.name) },
        examples: ["coda network --format dot | dot -Tsvg > codes.svg", "coda network hierarchy --format mermaid"], group: .display
    ) { invocation in
        let text = (invocation.argument("KIND") ?? "co-occurrence").lowercased()
        guard let kind = Network.Kind(name: text) else {
            throw UsageError.invalidArgument(name: "network kind", value: text, choices: Network.Kind.allCases.map(\.rawValue))
        }
        let project = try invocation.project()
        let options = try matrixOptions(invocation, project: project, kind: .cooccurrence)
        let network = try Network.build(project, kind: kind, options: options, minimum: try invocation.intOption("min") ?? 1)
        invocation.console.out(network.render(invocation.option("format").flatMap(Network.Format.init(rawValue:)) ?? .dot))
        return .success
    }
}
