/// Checklist strength of a pooled survey column: a survey question's answers are many respondents, so
/// their strength is the share of respondents whose answer has the code, not a count of codings on the
/// scale of one interview (7 codings of 127 answers is 5.5%, weak, not strong).
enum SurveyStrength {
    /// Shares (percent) for moderate and strong; any respondent at all is weak.
    static let thresholds = (moderate: 10.0, strong: 25.0)

    /// For each pooled survey label of the case axis: how many respondents in it answered the question
    /// (those with a transcript count in their own row and are left out).
    static func bases(_ project: Project, labels: [String]) -> [String: Int] {
        let interviewed = Set(project.transcripts.map { CaseID($0.caseID) })
        var bases: [String: Int] = [:]
        for label in labels {
            guard let document = project.documentsByID[label.lowercased()], document.isSurveyAnswers else { continue }
            let counted = document.segments.filter { !$0.range.isEmpty && !interviewed.contains(CaseID($0.speaker ?? "")) }
            bases[label] = counted.count
        }
        return bases
    }

    /// The mark for `codings` in a pooled column of `base` respondents: each respondent counts once.
    static func mark(_ codings: [Coding], base: Int) -> String {
        let respondents = Set(codings.map(\.firstSegment)).count
        guard respondents > 0, base > 0 else { return "" }
        let share = Double(respondents) * 100 / Double(base)
        return share >= thresholds.strong ? "+++" : share >= thresholds.moderate ? "++" : "+"
    }

    static func note(_ bases: [String: Int]) -> String {
        let list = bases.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) respondents" }.joined(separator: ", ")
        let moderate = Int(thresholds.moderate), strong = Int(thresholds.strong)
        return "Survey columns take strength from the share of their respondents with the code: + weak (under "
            + "\(moderate)%), ++ moderate (\(moderate)%+), +++ strong (\(strong)%+); \(list)."
    }
}
