/// A survey exported as CSV: one row per respondent, one column per question or attribute.
public struct Survey: Sendable {
    /// The file name without extension, e.g. `pre-survey`.
    public var id: String
    public var path: String
    public var columns: [SurveyColumn]
    public var respondents: [Respondent]
    /// Index of the column that identifies respondents, or nil when rows are numbered instead.
    public var idColumn: Int?
    /// Attributes of the whole survey (`phase = before` in the `.columns` file), given to its open-answer
    /// documents, e.g. so a pre-survey counts as `before` in time-ordered displays.
    public var attributes: [(key: String, value: String)] = []
    /// The tool that made the export, recognised from its shape.
    public var dialect: SurveyDialect = .plain
    /// Numbers are written `3,5` and `2.329` (a `;`-separated export in a comma-decimal locale).
    public var decimalComma = false
    /// Cross-tabulations the researcher chose (`crosstab: Q1 by age_group` in the `.columns` file).
    public var crosstabs: [SurveyCrosstabChoice] = []

    public struct Respondent: Sendable {
        public var id: String
        public var values: [String]
        public var line: Int
    }

    public func column(_ index: Int) -> SurveyColumn { columns[index] }

    public var questions: [SurveyColumn] {
        columns.filter { [.closed, .open, .multiple, .number].contains($0.kind) }
    }

    /// The id of the codable document holding one open question's answers: `pre-survey:Q5`.
    public func documentID(for column: SurveyColumn) -> String { "\(id):\(column.key)" }

    /// Finds a column by key, header, column number (`#3`) or a unique start of its header.
    public func findColumn(_ reference: String) -> SurveyColumn? {
        let wanted = reference.trimmingWhitespace().lowercased()
        if wanted.hasPrefix("#"), let n = Int(wanted.dropFirst()), n >= 1, n <= columns.count { return columns[n - 1] }
        if let exact = columns.first(where: { $0.key.lowercased() == wanted || $0.header.lowercased() == wanted }) { return exact }
        let starts = columns.filter { $0.header.lowercased().hasPrefix(wanted) }
        if starts.count == 1 { return starts[0] }
        let contains = columns.filter { $0.header.lowercased().contains(wanted) }
        return contains.count == 1 ? contains[0] : nil
    }
}

/// A column of a survey and what kind of data it holds.
public struct SurveyColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Identifies the respondent (one per survey).
        case id
        /// Describes the respondent (participant type, age group); usable in `--by` and `--where`.
        case attribute
        /// A question with few distinct answers: frequency tables, and also usable as an attribute.
        case closed
        /// Free-text answers: codable text.
        case open
        /// A question whose respondents may choose several answers ("Video, Banner" in one cell).
        case multiple
        /// Numbers (age, income): summarised by mean, median and a histogram rather than one row per value.
        case number
        /// Left out of every table.
        case ignore
    }

    public var index: Int
    /// The header as written in the CSV.
    public var header: String
    /// A short name for commands: `Q5` for a header `Q5. What …`, otherwise the header made into a word.
    public var key: String
    public var kind: Kind
    /// True when the kind comes from the `.columns` file rather than detection.
    public var kindIsDeclared: Bool
    /// How a `multiple` column's cell separates the chosen answers (`, ` in Google Forms, `,` in Qualtrics).
    public var choiceSeparator: String = ", "
    /// Options of a `multiple` column whose text holds the separator (`Ya, pernah`), kept whole when splitting.
    public var compoundOptions: [String] = []
    /// The ordered scale a closed question's answers come from (Likert), if any.
    public var scale: LikertScale?

    public var isAttributeLike: Bool { kind == .attribute || kind == .closed || kind == .number }

    /// Whether a cell holds `answer` (one of the options chosen, for a `multiple` column), ignoring case.
    public func chose(_ answer: String, in value: String) -> Bool {
        answers(in: value).contains { AnswerSpellings.key($0) == AnswerSpellings.key(answer) }
    }

    /// The answers in one cell: the chosen options of a `multiple` column, else the cell itself.
    public func answers(in value: String) -> [String] {
        guard kind == .multiple else { return value.isEmpty ? [] : [value] }
        return SurveyChoices.split(value, separator: choiceSeparator, compounds: compoundOptions)
    }

    /// `Q1: Q1. Did you know…` shortened to the header alone when it is the key.
    public var title: String {
        header == key ? header : header.hasPrefix(key) ? header : "\(key): \(header)"
    }
}
