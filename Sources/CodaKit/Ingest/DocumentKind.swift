/// What a codable document is. An interview transcript is one case's conversation: its segments are turns
/// of the same talk, so nearby segments belong together. A survey question's answers are one segment per
/// respondent: each segment is a case of its own, and no two segments are ever one span or "nearby".
public enum DocumentKind: Sendable, Hashable {
    /// A transcript: one case's turns (or paragraphs).
    case interview
    /// The answers to one open question of a survey (by survey id and question key): segment N is respondent N.
    case surveyAnswers(survey: String, question: String)

    /// Whether each segment is a respondent of its own.
    public var isSurveyAnswers: Bool {
        if case .surveyAnswers = self { return true }
        return false
    }

    /// The segments at most `within` apart from `segment` that can be read with it: in survey answers only
    /// the segment itself, since the next segment is another respondent.
    func neighbourhood(of segment: Int, within: Int) -> ClosedRange<Int> {
        Self.neighbourhood(of: segment, within: within, isSurveyAnswers: isSurveyAnswers)
    }

    static func neighbourhood(of segment: Int, within: Int, isSurveyAnswers: Bool) -> ClosedRange<Int> {
        isSurveyAnswers ? segment...segment : (segment - within)...(segment + within)
    }
}

extension Transcript {
    /// Whether this document is a survey question's answers rather than an interview.
    public var isSurveyAnswers: Bool { kind.isSurveyAnswers }

    /// The case a segment belongs to: the interview's case, or in survey answers the respondent on that row.
    public func caseID(ofSegment number: Int) -> String {
        if isSurveyAnswers, let respondent = segment(number)?.speaker { return respondent }
        return caseID
    }
}

extension Transcript {
    /// Speaker labels that name the interviewer when the header does not: `Interviewer`, `Moderator`,
    /// `Facilitator`, the Indonesian `Pewawancara`, `Penanya` and `Peneliti`, and the short `I` and `Q`
    /// (a number after the label, as in `Interviewer 2`, is allowed).
    static let interviewerLabels: Set<String> = [
        "interviewer", "moderator", "facilitator", "pewawancara", "penanya", "peneliti", "i", "q",
    ]

    /// The speakers who ask rather than answer: those named in the header's `interviewer:` field (comma-separated)
    /// that speak in the transcript, else the speakers with an interviewer's label. Survey answers have none.
    public var interviewerNames: Set<String> {
        guard !isSurveyAnswers else { return [] }
        let speaking = Set(segments.compactMap { $0.speaker?.lowercased() })
        let named = (attribute("interviewer") ?? "").split(separator: ",").map { $0.trimmingWhitespace().lowercased() }
        let declared = Set(named).intersection(speaking)
        if !declared.isEmpty { return declared }
        return speaking.filter { label in
            let base = label.trimmingCharacters(in: "0123456789 ")
            return Transcript.interviewerLabels.contains(base.isEmpty ? label : base)
        }
    }

    /// The numbers of the interviewer's turns, in order.
    public var interviewerTurns: [Int] {
        let names = interviewerNames
        guard !names.isEmpty else { return [] }
        return segments.filter { $0.speaker.map { names.contains($0.lowercased()) } ?? false }.map(\.number)
    }
}
