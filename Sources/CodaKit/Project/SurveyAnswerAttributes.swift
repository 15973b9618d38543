/// What describes a survey answer: its respondent's row (attribute and closed columns) and the survey's
/// own attributes (`phase = before` in its `.columns` file). An interview's header never applies: a
/// respondent interviewed after the promotion still answered the pre-survey before it. Only attributes of
/// the person that the survey does not record at all (such as `role`) come from the case.
struct SurveyAnswerAttributes: Sendable {
    /// Survey key → respondent key → attribute key → value.
    private var rows: [String: [String: [String: String]]] = [:]
    /// Survey key → attribute key → value, from the `.columns` file.
    private var surveyWide: [String: [String: String]] = [:]
    /// Survey key → every attribute key the survey records.
    private var recorded: [String: Set<String>] = [:]

    init() {}

    init(surveys: [Survey]) {
        for survey in surveys {
            let key = survey.id.lowercased()
            let columns = survey.columns.filter(\.isAttributeLike)
            var byRespondent: [String: [String: String]] = [:]
            for respondent in survey.respondents where byRespondent[respondent.id.lowercased()] == nil {
                var values: [String: String] = [:]
                for column in columns where !respondent.values[column.index].isEmpty {
                    values[column.key.lowercased()] = respondent.values[column.index]
                }
                byRespondent[respondent.id.lowercased()] = values
            }
            rows[key] = byRespondent
            let wide = survey.attributes.map { ($0.key.lowercased(), $0.value) }
            surveyWide[key] = Dictionary(wide, uniquingKeysWith: { a, _ in a })
            recorded[key] = Set(columns.map { $0.key.lowercased() }).union(surveyWide[key]!.keys)
        }
    }

    /// The value of `key` for one respondent's answer in `survey`, or nil when the survey does not say.
    func value(_ key: String, survey: String, respondent: String, case record: CaseRecord?) -> String? {
        let key = key.lowercased(), survey = survey.lowercased()
        if key == "month" {
            let date = value("date", survey: survey, respondent: respondent, case: record)
            guard let date, date.count >= 7 else { return nil }
            return String(date.prefix(7))
        }
        if let value = rows[survey]?[respondent.lowercased()]?[key] ?? surveyWide[survey]?[key] { return value }
        let isRecorded = recorded[survey]?.contains(key) ?? false
        let describesDocument = Project.perDocumentKeys.contains(key) || Project.documentKeys.contains(key) || key == "question"
        guard !isRecorded, !describesDocument else { return nil }
        return record?.attribute(key)
    }
}
