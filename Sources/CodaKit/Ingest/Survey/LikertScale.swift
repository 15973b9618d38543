/// An ordered answer scale (Likert): its levels from lowest to highest, each with the spellings respondents'
/// tools use, and its neutral middle if it has one. Answers on a scale are shown in scale order, never by count.
public struct LikertScale: Sendable, Hashable {
    public var name: String
    /// Each level's spellings, lower-cased; the first is how it is shown when no respondent chose it.
    public var levels: [[String]]
    /// The index of the neutral level, or nil for an even scale.
    public var neutral: Int?

    /// The level an answer stands for, or nil when it is not on the scale.
    public func level(of answer: String) -> Int? {
        let folded = answer.lowercased().trimmingWhitespace()
        return levels.firstIndex { $0.contains(folded) }
    }

    /// Each level lists its English spelling, then its Indonesian one, then other spellings and abbreviations.
    static let builtIn: [LikertScale] = [
        LikertScale(
            name: "agreement",
            levels: [
                ["strongly disagree", "sangat tidak setuju", "sts"], ["disagree", "tidak setuju", "ts"],
                ["neutral", "netral", "neither agree nor disagree", "undecided", "ragu-ragu", "ragu ragu", "n", "rr"],
                ["agree", "setuju", "s"], ["strongly agree", "sangat setuju", "ss"],
            ], neutral: 2),
        LikertScale(
            name: "satisfaction",
            levels: [
                ["very dissatisfied", "sangat tidak puas"], ["dissatisfied", "tidak puas"],
                ["neutral", "netral", "neither satisfied nor dissatisfied", "cukup puas", "cukup"],
                ["satisfied", "puas"], ["very satisfied", "sangat puas"],
            ], neutral: 2),
        LikertScale(
            name: "frequency",
            levels: [
                ["never", "tidak pernah"], ["rarely", "jarang"],
                ["sometimes", "kadang-kadang", "kadang kadang", "kadang"],
                ["often", "sering"], ["always", "selalu"],
            ], neutral: 2),
        LikertScale(
            name: "importance",
            levels: [
                ["not at all important", "sangat tidak penting"], ["not important", "tidak penting"],
                ["neutral", "netral", "cukup penting"], ["important", "penting"], ["very important", "sangat penting"],
            ], neutral: 2),
        LikertScale(name: "1–5", levels: [["1"], ["2"], ["3"], ["4"], ["5"]], neutral: 2),
    ]

    /// How to write a level nobody chose: in English or Indonesian, as most answers are written.
    func spelling(ofLevel level: Int, like answers: [String]) -> String {
        var indonesian = 0
        for answer in answers {
            let folded = answer.lowercased().trimmingWhitespace()
            guard let l = self.level(of: answer), let position = levels[l].firstIndex(of: folded) else { continue }
            indonesian += position == 0 ? -1 : 1
        }
        let spellings = levels[level]
        let chosen = indonesian > 0 && spellings.count > 1 ? spellings[1] : spellings[0]
        return chosen.first.map { $0.uppercased() + chosen.dropFirst() } ?? chosen
    }

    /// The built-in scale every answer belongs to (three levels used at least), or nil.
    static func matching(_ answers: [String]) -> LikertScale? {
        let distinct = Set(answers.map { $0.lowercased().trimmingWhitespace() }.filter { !$0.isEmpty })
        guard distinct.count >= 3, !SurveyColumnDetector.isRowNumber(answers) else { return nil }
        return builtIn.first { scale in
            let levels = distinct.map(scale.level(of:))
            return levels.allSatisfy { $0 != nil } && Set(levels).count >= 3
        }
    }
}
