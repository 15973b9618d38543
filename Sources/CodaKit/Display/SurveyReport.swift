/// `coda survey [QUESTION] [--by ATTRIBUTE]`: frequency tables and cross-tabs of a project's surveys.
public enum SurveyReport {
    public static func report(_ project: Project, question reference: String?, by attribute: String?,
                              percentages: SurveyCrossTab.Percentages = .column,
                              diverging: Bool = false) throws(ProjectError) -> Report {
        guard !project.surveys.isEmpty else {
            if let broken = project.unreadable.keys.sorted().first(where: { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".tsv") }) {
                throw .unreadableSurvey(path: broken, problem: project.unreadable[broken])
            }
            throw .unknownSurvey(id: reference ?? "(any)", available: [])
        }
        var targets: [(Survey, SurveyColumn)] = []
        var report = Report(title: "Survey")
        if let reference {
            targets = [try find(reference, in: project)]
        } else {
            for s in project.surveys {
                targets += s.columns.filter { $0.isAttributeLike || $0.kind == .multiple }.map { (s, $0) }
            }
        }
        var json: [JSONValue] = []
        var long = Table(columns: [Table.Column("survey"), Table.Column("question"), Table.Column("answer"), .number("count"), .number("percent")])
        if let attribute {
            var crossLong: Table?
            for (survey, column) in targets where column.kind != .open {
                let lookup = try attributeLookup(attribute, survey: survey, project: project)
                if column.kind == .number {
                    let groups = SurveyNumbers.byGroup(survey: survey, column: column, attribute: attribute, value: lookup)
                    report.add(.table(groups))
                    if reference != nil { crossLong = groups }
                    continue
                }
                let tab = SurveyCrossTab(survey: survey, question: column, attribute: attribute, value: lookup)
                report.add(.table(tab.table(percentages)))
                json.append(tab.json(survey: survey.id, percentages))
                let part = tab.longTable(survey: survey.id, percentages)
                if crossLong == nil { crossLong = part } else { crossLong!.rows += part.rows }
            }
            report.title = "Survey by \(attribute)"
            report.json = .array(json)
            report.machineTable = crossLong
            return report
        }
        var currentSurvey = ""
        for (survey, column) in targets {
            if project.surveys.count > 1 && survey.id != currentSurvey && reference == nil {
                report.add(.heading(survey.id, level: 1))
                currentSurvey = survey.id
            }
            if column.kind == .open {
                report.add(.table(openAnswers(survey, column)))
                continue
            }
            if column.kind == .number {
                let numbers = SurveyNumbers(survey: survey, column: column)
                report.add(.table(numbers.summaryTable))
                report.add(.table(numbers.histogramTable))
                report.add(.chart(numbers.chart))
                json.append(numbers.json)
                continue
            }
            let frequency = SurveyFrequency(survey: survey, column: column)
            report.add(.table(frequency.table))
            report.add(.chart(frequency.chart))
            if diverging, let bar = SurveyDivergingBar(frequency) {
                report.add(.table(SurveyDivergingBar.table([bar], scaleName: column.scale?.name ?? "")))
            }
            json.append(frequency.json)
            for a in frequency.answers {
                long.append([Cell(survey.id), Cell(column.key), Cell(a.answer), .int(a.count), .percent(a.percent)])
            }
        }
        if reference == nil {
            for s in project.surveys {
                report.add(.paragraph("\(s.id): \(s.respondents.count) respondents (\(s.path))."))
                let open = s.columns.filter { $0.kind == .open }
                if !open.isEmpty {
                    var table = Table(title: "Open questions (codable text)",
                                      columns: [Table.Column("Key"), Table.Column("Question"), .number("Answered"), Table.Column("Document")])
                    for c in open {
                        let answered = s.respondents.filter { !$0.values[c.index].isEmpty }.count
                        table.append([Cell(c.key), Cell(c.header), .int(answered), Cell(s.documentID(for: c))])
                    }
                    report.add(.table(table))
                }
            }
        }
        report.title = reference.map { "Survey question \($0)" } ?? (project.surveys.count == 1 ? "Survey \(project.surveys[0].id)" : "Surveys")
        report.json = json.isEmpty ? nil : reference != nil && json.count == 1 ? json[0] : .array(json)
        // An open question's answers are its only table: CSV and JSON give them, not an empty frequency table.
        report.machineTable = long.rows.isEmpty ? nil : long
        return report
    }

    static func openAnswers(_ survey: Survey, _ column: SurveyColumn) -> Table {
        var table = Table(title: "\(column.title) (open; document \(survey.documentID(for: column)))",
                          columns: [.number("¶", key: "segment"), Table.Column("Respondent", key: "respondent"), Table.Column("Answer", key: "answer")])
        for (i, r) in survey.respondents.enumerated() where !r.values[column.index].isEmpty {
            table.append([.int(i + 1), Cell(r.id), Cell(r.values[column.index])])
        }
        return table
    }

    /// `pre-survey:Q1`, `Q1`, or a header; searched in every survey when none is named.
    static func find(_ reference: String, in project: Project) throws(ProjectError) -> (Survey, SurveyColumn) {
        if let colon = reference.firstIndex(of: ":"), let survey = project.survey(String(reference[..<colon])) {
            let rest = String(reference[reference.index(after: colon)...])
            guard let column = survey.findColumn(rest) else {
                throw .unknownQuestion(survey: survey.id, reference: rest, suggestions: EditDistance.closest(to: rest, in: survey.columns.map(\.key)))
            }
            return (survey, column)
        }
        // A question several surveys have is never taken from one of them silently.
        let found = project.surveys.compactMap { survey in survey.findColumn(reference).map { (survey, $0) } }
        if found.count > 1 {
            throw .ambiguousQuestion(reference: reference, candidates: found.map { "\($0.0.id):\($0.1.key)" })
        }
        if let first = found.first { return first }
        let keys = project.surveys.flatMap { $0.columns.map(\.key) }
        throw .unknownQuestion(survey: project.surveys.map(\.id).joined(separator: ", "), reference: reference,
                               suggestions: EditDistance.closest(to: reference, in: keys))
    }

    /// How to read an attribute for a respondent: a column of the same survey, else the case's attributes.
    static func attributeLookup(_ attribute: String, survey: Survey, project: Project) throws(ProjectError) -> (Survey.Respondent) -> String? {
        if let column = survey.findColumn(attribute), column.kind == .number {
            let numbers = SurveyNumbers(survey: survey, column: column)
            let bins = numbers.bins
            return { numbers.binLabel(of: $0.values[column.index], decimalComma: survey.decimalComma, bins: bins) }
        }
        if let column = survey.findColumn(attribute), column.kind != .open, column.kind != .multiple {
            return { $0.values[column.index] }
        }
        let key = attribute.lowercased()
        guard project.attributeNames.contains(key) else {
            throw .unknownAttribute(name: attribute, suggestions: EditDistance.closest(to: attribute, in: project.attributeNames))
        }
        return { respondent in
            project.answerAttributes.value(key, survey: survey.id, respondent: respondent.id, case: project.caseRecord(respondent.id))
        }
    }
}
