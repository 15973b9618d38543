/// Problems finding what to chart.
public enum ChartError: CodaError {
    case unknownChart(name: String, suggestion: String?, figures: [String])
    case notChartable(name: String, kind: String)
    /// The figures file exists but could not be read: its own error, with file and line.
    case unreadableFigures(Diagnostic)

    public var diagnostic: Diagnostic {
        switch self {
        case .unknownChart(let name, let suggestion, let figures):
            return Diagnostic(
                .error, at: nil, "there are no figures called `\(name)`",
                hint: suggestion
                    ?? (figures.isEmpty
                        ? "add a CSV file to Figures/ (see `coda help chart`), or chart a survey question: "
                        + "`coda chart survey:Q1`"
                        : "the figures are: " + figures.joined(separator: ", ")
                            + "; or chart a survey question: `coda chart survey:Q1`"))
        case .notChartable(let name, let kind):
            return Diagnostic(
                .error, at: nil, "`\(name)` is an \(kind) question, which has no counts to chart",
                hint: "chart a closed, multiple-choice or numeric question")
        case .unreadableFigures(let problem):
            return problem
        }
    }
}

extension Chart {
    /// A project's figures file as a chart: its rows are the categories, its columns the series.
    init(figure: Figure, kind: Kind = .bar) {
        self.init(
            title: figure.title, unit: figure.unit, source: figure.source, notes: figure.notes,
            categoryName: figure.labelHeader, categories: figure.rows.map(\.label),
            series: figure.series.indices.map { s in
                Series(name: figure.series[s], values: figure.rows.map { $0.values[s] })
            },
            kind: kind)
    }

    /// A survey question as `SurveyReport.find` gives it, with an ambiguity's hint in the form this command takes
    /// (`survey:SURVEY:QUESTION`).
    static func surveyQuestion(_ reference: String, in project: Project)
        throws(ProjectError) -> (Survey, SurveyColumn)
    {
        do {
            return try SurveyReport.find(reference, in: project)
        } catch {
            guard case let .ambiguousQuestion(reference, candidates) = error else { throw error }
            throw .ambiguousQuestion(reference: reference, candidates: candidates.map { "survey:" + $0 })
        }
    }

    /// `NAME` (a figures file) or `survey:QUESTION` (a survey question's answers, or a number's histogram).
    static func named(_ name: String, in project: Project, kind: Kind) throws -> Chart {
        if name.lowercased().hasPrefix("survey:") {
            let (survey, column) = try surveyQuestion(String(name.dropFirst("survey:".count)), in: project)
            let source = "\(survey.id) survey (\(survey.path)), \(survey.respondents.count) respondents"
            if column.kind == .number {
                let numbers = SurveyNumbers(survey: survey, column: column)
                return Chart(
                    title: "\(column.title): histogram", unit: "respondents", source: source, categoryName: column.key,
                    categories: numbers.bins.map(numbers.label),
                    series: [Series(name: "respondents", values: numbers.bins.map { Double($0.count) })],
                    kind: kind)
            }
            guard column.kind != .open, column.kind != .ignore, column.kind != .id else {
                throw ChartError.notChartable(name: name, kind: column.kind.rawValue)
            }
            let frequency = SurveyFrequency(survey: survey, column: column)
            var notes: [String] = []
            if column.kind == .multiple { notes.append(frequency.multipleChoiceNote) }
            return Chart(
                title: column.title, unit: "respondents", source: source, notes: notes, categoryName: "answer",
                categories: frequency.answers.map(\.answer),
                series: [Series(name: "respondents", values: frequency.answers.map { Double($0.count) })], kind: kind)
        }
        guard let figure = project.figures.first(where: { $0.id.lowercased() == name.lowercased() }) else {
            let path = "\(FigureStore.folder)/\(name).csv".lowercased()
            if let problem = project.diagnostics.first(where: {
                $0.severity == .error && $0.location?.file.lowercased() == path
            }) {
                throw ChartError.unreadableFigures(problem)
            }
            throw ChartError.unknownChart(
                name: name, suggestion: EditDistance.suggestion(for: name, in: project.figures.map(\.id)),
                figures: project.figures.map(\.id))
        }
        return Chart(figure: figure, kind: kind)
    }
}
