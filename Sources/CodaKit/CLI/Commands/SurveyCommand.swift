extension CommandSpec {
    static let survey = CommandSpec(
        name: "survey", summary: "frequency tables of survey questions, and cross-tabs by an attribute",
        discussion: "Without QUESTION, every closed question and attribute of every survey. Percentages have one decimal "
            + "and are of the respondents who answered. A QUESTION is its key (`Q1`), its header, or `SURVEY:KEY`.",
        arguments: [ArgumentSpec(name: "QUESTION", help: "one question or attribute", optional: true)],
        options: [OptionSpec(name: "by", valueName: "ATTRIBUTE", help: "cross-tabulate by this attribute (a survey column or a case attribute)"),
                  OptionSpec(name: "percent", valueName: "OF", help: "percentages in cross-tabs of each column, row, the total, or none (default: column)",
                             choices: SurveyCrossTab.Percentages.allCases.map(\.rawValue)),
                  OptionSpec(name: "diverging", valueName: nil,
                             help: "also show answers on an ordered scale (Likert) as a diverging bar"),
                  OptionSpec(name: "columns", valueName: nil,
                             help: "write each survey's detected column kinds to its .columns file "
                                 + "(QUESTION names one survey)"),
                  OptionSpec(name: "sheet", valueName: "NAME",
                             help: "with --columns: read this sheet of an .xlsx workbook")],
        formats: OutputFormat.allCases,
        examples: ["coda survey", "coda survey Q1", "coda survey --columns", "coda survey Q5 --diverging",
                   "coda survey Q1 --by participant_type", "coda survey Q1 --by age_group --percent row --format csv"],
        group: .display
    ) { invocation in
        let project = try invocation.project()
        if invocation.flag("columns") {
            let survey = invocation.argument("QUESTION")
            invocation.emit(try SurveyColumnsReport.report(project, survey: survey, sheet: invocation.option("sheet")))
            return .success
        }
        let mode = invocation.option("percent").flatMap(SurveyCrossTab.Percentages.init(rawValue:)) ?? .column
        let question = invocation.argument("QUESTION")
        invocation.emit(try SurveyReport.report(project, question: question, by: invocation.option("by"),
                                                percentages: mode, diverging: invocation.flag("diverging")))
        // A survey file that could not be read is named, never skipped in silence: the tables above lack it.
        let broken = project.unreadable.keys.sorted().filter { [".csv", ".tsv", ".xlsx"].contains(where: $0.lowercased().hasSuffix) }
        for path in broken {
            invocation.console.errorLine(ProjectError.unreadableSurvey(path: path, problem: project.unreadable[path]).description)
        }
        return broken.isEmpty ? .success : .problemsFound
    }
}
