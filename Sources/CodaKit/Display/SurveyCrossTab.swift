/// A closed question's answers against the values of an attribute, with counts and percentages.
public struct SurveyCrossTab: Sendable {
    public enum Percentages: String, Sendable, CaseIterable {
        /// Share of each column (the attribute group): how each group answered.
        case column
        /// Share of each row (the answer): which groups gave it.
        case row
        /// Share of all respondents counted.
        case total
        case none
    }

    public var question: SurveyColumn
    public var attribute: String
    public var answers: [String]
    public var groups: [String]
    /// counts[answer][group]
    public var counts: [[Int]]
    /// Respondents left out because they lack the answer or the attribute.
    public var leftOut: Int
    /// Spellings counted under another (`tidak` as `Tidak`), said in a note.
    var spellingNote: String?

    public init(survey: Survey, question: SurveyColumn, attribute: String, value: (Survey.Respondent) -> String?) {
        self.question = question
        self.attribute = attribute
        var pairs: [(String, String)] = []
        var leftOut = 0
        var respondents: [String: Int] = [:]
        let spellings = AnswerSpellings(survey.respondents.flatMap { question.answers(in: $0.values[question.index]) })
        let groupSpellings = AnswerSpellings(survey.respondents.compactMap(value))
        for r in survey.respondents {
            let chosen = question.answers(in: r.values[question.index]).map(spellings.canonical).filter { !$0.isEmpty }
            guard !chosen.isEmpty, let raw = value(r) else { leftOut += 1; continue }
            let group = groupSpellings.canonical(raw)
            guard !group.isEmpty else { leftOut += 1; continue }
            respondents[group, default: 0] += 1
            for answer in Set(chosen) { pairs.append((answer, group)) }
        }
        spellingNote = spellings.note
        var answerCounts: [String: Int] = [:]
        var groupCounts: [String: Int] = [:]
        for (a, g) in pairs { answerCounts[a, default: 0] += 1; groupCounts[g, default: 0] += 1 }
        answers = SurveyFrequency.order(answerCounts)
        if let scale = question.scale {
            answers.sort { (scale.level(of: $0) ?? Int.max, $0) < (scale.level(of: $1) ?? Int.max, $1) }
        }
        groups = SurveyFrequency.order(groupCounts)
        let answerIndex = Dictionary(uniqueKeysWithValues: answers.enumerated().map { ($1, $0) })
        let groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: groups.count), count: answers.count)
        for (a, g) in pairs { counts[answerIndex[a]!][groupIndex[g]!] += 1 }
        self.counts = counts
        self.leftOut = leftOut
        self.groupRespondents = groups.map { respondents[$0, default: 0] }
    }

    /// Respondents in each group; a multiple-choice question's column percentages are of these, not of choices.
    public var groupRespondents: [Int] = []

    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { groups.indices.map { g in counts.reduce(0) { $0 + $1[g] } } }
    public var total: Int { rowTotals.reduce(0, +) }

    public func percent(_ a: Int, _ g: Int, _ mode: Percentages) -> Double? {
        switch mode {
        case .column:
            return CodaKit.percent(counts[a][g], of: question.kind == .multiple ? groupRespondents[g] : columnTotals[g])
        case .row: return CodaKit.percent(counts[a][g], of: rowTotals[a])
        case .total: return CodaKit.percent(counts[a][g], of: total)
        case .none: return nil
        }
    }

    func table(_ mode: Percentages) -> Table {
        var columns = [Table.Column(question.key)]
        columns += groups.map { Table.Column.number($0) }
        columns.append(.number("Total"))
        var table = Table(title: "\(question.title) — by \(attribute)", columns: columns)
        func cell(_ count: Int, _ p: Double?) -> Cell {
            mode == .none ? .int(count) : Cell("\(count) (\(formatPercent(p)))", value: .int(count))
        }
        let rowTotals = self.rowTotals, columnTotals = self.columnTotals
        for (a, answer) in answers.enumerated() {
            var cells = [Cell(answer)]
            for g in groups.indices { cells.append(cell(counts[a][g], percent(a, g, mode))) }
            let rowShare: Double? = mode == .row ? 100 : mode == .column || mode == .total ? CodaKit.percent(rowTotals[a], of: total) : nil
            cells.append(cell(rowTotals[a], rowShare))
            table.append(cells)
        }
        var totals = [Cell("Total")]
        for g in groups.indices {
            let share: Double? = mode == .column ? 100 : mode == .row || mode == .total ? CodaKit.percent(columnTotals[g], of: total) : nil
            totals.append(cell(columnTotals[g], share))
        }
        totals.append(cell(total, mode == .none ? nil : 100))
        table.append(totals, isSummary: true)
        switch mode {
        case .column: table.notes.append("Percentages are of each column (each \(attribute)).")
        case .row: table.notes.append("Percentages are of each row (answer).")
        case .total: table.notes.append("Percentages are of all \(total) respondents counted.")
        case .none: break
        }
        if question.kind == .multiple {
            table.notes.append("Respondents could choose more than one answer: counts are of choices, and column "
                + "percentages are of each group's respondents "
                + "(\(groupRespondents.map(String.init).joined(separator: ", "))), so they sum past 100%.")
        }
        if let spellingNote { table.notes.append(spellingNote) }
        if leftOut > 0 { table.notes.append("\(leftOut) respondent\(plural(leftOut)) without an answer or a \(attribute) are left out.") }
        return table
    }

    /// Long form for CSV: one row per answer and group.
    func longTable(survey: String, _ mode: Percentages) -> Table {
        var table = Table(columns: [Table.Column("survey"), Table.Column("question"), Table.Column("answer"), Table.Column(attribute),
                                    .number("count"), .number("percent")])
        for (a, answer) in answers.enumerated() {
            for (g, group) in groups.enumerated() {
                table.append([Cell(survey), Cell(question.key), Cell(answer), Cell(group), .int(counts[a][g]), .percent(percent(a, g, mode))])
            }
        }
        return table
    }

    func json(survey: String, _ mode: Percentages) -> JSONValue {
        .object([
            ("survey", .string(survey)), ("question", .string(question.key)), ("header", .string(question.header)),
            ("by", .string(attribute)), ("percentages", .string(mode.rawValue)), ("groups", .array(groups.map(JSONValue.string))),
            ("rows", .array(answers.enumerated().map { a, answer in
                .object([("answer", .string(answer)), ("counts", .array(counts[a].map(JSONValue.int))),
                         ("percents", .array(groups.indices.map { g in .number(percent(a, g, mode).map { ($0 * 10).rounded() / 10 }) })),
                         ("total", .int(rowTotals[a]))])
            })),
            ("columnTotals", .array(columnTotals.map(JSONValue.int))), ("total", .int(total)), ("leftOut", .int(leftOut)),
        ])
    }
}
