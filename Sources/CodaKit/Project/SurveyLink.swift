/// A code's link to a survey question, written in the codebook as `Survey: pre-survey:Q1 = No`
/// (the survey may be left out when there is only one; the answer is optional).
public struct SurveyLink: Sendable, Hashable {
    public var survey: String?
    public var question: String
    public var answer: String?

    public init?(_ text: String) {
        var rest = text.trimmingWhitespace()
        guard !rest.isEmpty else { return nil }
        if let eq = rest.firstIndex(of: "=") {
            answer = rest[rest.index(after: eq)...].trimmingWhitespace().trimmingCharacters(in: "\"“”").nilIfEmpty
            rest = rest[..<eq].trimmingWhitespace()
        }
        if let colon = rest.firstIndex(of: ":") {
            survey = rest[..<colon].trimmingWhitespace()
            question = rest[rest.index(after: colon)...].trimmingWhitespace()
        } else {
            question = rest
        }
        if question.isEmpty { return nil }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension Project {
    /// The survey and column a link points to, or a message saying why it does not resolve.
    public func resolve(_ link: SurveyLink) -> Result<(Survey, SurveyColumn), ProjectError> {
        let survey: Survey
        if let name = link.survey {
            guard let s = self.survey(name) else { return .failure(.unknownSurvey(id: name, available: surveys.map(\.id))) }
            survey = s
        } else {
            let matching = surveys.filter { $0.findColumn(link.question) != nil }
            guard matching.count == 1 else {
                return .failure(.unknownQuestion(survey: surveys.first?.id ?? "(none)", reference: link.question, suggestions: []))
            }
            survey = matching[0]
        }
        guard let column = survey.findColumn(link.question) else {
            return .failure(.unknownQuestion(survey: survey.id, reference: link.question,
                                             suggestions: EditDistance.closest(to: link.question, in: survey.columns.map(\.key))))
        }
        return .success((survey, column))
    }

    func surveyLinkDiagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for code in codebook.codes {
            guard let text = code.survey else { continue }
            guard let link = SurveyLink(text) else {
                out.append(Diagnostic(.warning, at: code.location, "`Survey:` of `\(code.name)` is empty"))
                continue
            }
            if case .failure(let error) = resolve(link) {
                out.append(Diagnostic(.warning, at: code.location, "`Survey: \(text)` of `\(code.name)`: \(error.diagnostic.message)",
                                      hint: error.diagnostic.hint))
            } else if let answer = link.answer, case .success(let (survey, column)) = resolve(link),
                      !survey.respondents.contains(where: { AnswerSpellings.key($0.values[column.index]) == AnswerSpellings.key(answer) }) {
                out.append(Diagnostic(.warning, at: code.location, "no respondent of `\(survey.id)` answered `\(answer)` to \(column.key)"))
            }
        }
        return out
    }
}
