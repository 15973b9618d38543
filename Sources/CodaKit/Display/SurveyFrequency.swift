/// Frequency tables of a survey's closed questions and attributes, and cross-tabs by an attribute.
public struct SurveyFrequency: Sendable {
    public struct Answer: Sendable {
        public var answer: String
        public var count: Int
        public var percent: Double?
    }

    public var survey: Survey
    public var column: SurveyColumn
    public var answers: [Answer]
    /// Respondents who gave any answer; percentages are of these.
    public var answered: Int
    public var missing: Int
    /// Spellings counted under another (`tidak` as `Tidak`), said in a note.
    var spellingNote: String?

    public init(survey: Survey, column: SurveyColumn) {
        self.survey = survey
        self.column = column
        var counts: [String: Int] = [:]
        var missing = 0
        let spellings = AnswerSpellings(survey.respondents.flatMap { column.answers(in: $0.values[column.index]) })
        for r in survey.respondents {
            let chosen = column.answers(in: r.values[column.index]).map(spellings.canonical).filter { !$0.isEmpty }
            if chosen.isEmpty { missing += 1 }
            for answer in Set(chosen) { counts[answer, default: 0] += 1 }
        }
        spellingNote = spellings.note
        let answered = survey.respondents.count - missing
        var keys = SurveyFrequency.order(counts)
        if let scale = column.scale { (keys, counts) = SurveyFrequency.order(counts, on: scale) }
        self.answers = keys.map {
            Answer(answer: $0, count: counts[$0, default: 0], percent: percent(counts[$0, default: 0], of: answered))
        }
        self.answered = answered
        self.missing = missing
    }

    /// Answers that read as numbers or ranges (`18-25`, `1`) keep their natural order; others go by count.
    static func order(_ counts: [String: Int]) -> [String] {
        if !counts.isEmpty, counts.keys.allSatisfy({ $0.first?.isASCIIDigit ?? false || $0.first == "<" || $0.first == ">" }) {
            return counts.keys.sorted(by: naturalOrder)
        }
        return counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : naturalOrder($0, $1) }
    }

    var table: Table {
        var table = Table(title: column.title,
                          columns: [Table.Column("Answer"), .number("Count"), .number("Percent")])
        for a in answers { table.append([Cell(a.answer), .int(a.count), .percent(a.percent)]) }
        if column.kind == .multiple {
            table.append([Cell("Respondents"), .int(answered), .percent(answered > 0 ? 100 : nil)], isSummary: true)
            table.notes.append(multipleChoiceNote)
        } else {
            table.append([Cell("Total"), .int(answered), .percent(answered > 0 ? 100 : nil)], isSummary: true)
        }
        if let scale = column.scale { table.notes.append("Answers in the order of the \(scale.name) scale.") }
        if let spellingNote { table.notes.append(spellingNote) }
        if missing > 0 { table.notes.append("\(missing) respondent\(plural(missing)) gave no answer; percentages are of the \(answered) who did.") }
        return table
    }

    var chart: BarChart {
        BarChart(title: column.title, bars: answers.map { BarChart.Bar($0.answer, Double($0.count)) })
    }

    var json: JSONValue {
        .object([
            ("survey", .string(survey.id)), ("question", .string(column.key)), ("header", .string(column.header)),
            ("kind", .string(column.kind.rawValue)), ("respondents", .int(survey.respondents.count)),
            ("answered", .int(answered)), ("missing", .int(missing)),
            ("answers", .array(answers.map { .object([("answer", .string($0.answer)), ("count", .int($0.count)),
                                                      ("percent", .number($0.percent.map { ($0 * 10).rounded() / 10 }))]) })),
        ])
    }
}
