/// Frequencies of multiple-choice questions and of answers on an ordered scale.
extension SurveyFrequency {
    /// Each option counts the respondents who chose it, so the percentages can sum past 100%.
    var multipleChoiceNote: String {
        let sum = answers.compactMap(\.percent).reduce(0, +)
        return "Respondents could choose more than one answer: each percentage is of the \(answered) who answered, "
            + "so together they sum to \(formatPercent(sum)), not 100%."
    }

    /// Counts regrouped by scale level, lowest first, with levels nobody chose shown as 0; each level is
    /// labelled as most respondents wrote it.
    static func order(_ counts: [String: Int], on scale: LikertScale) -> ([String], [String: Int]) {
        var labels: [String] = []
        var regrouped: [String: Int] = [:]
        for level in scale.levels.indices {
            let written = counts.filter { scale.level(of: $0.key) == level }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let label = written.first?.key ?? scale.spelling(ofLevel: level, like: Array(counts.keys))
            labels.append(label)
            regrouped[label] = written.reduce(0) { $0 + $1.value }
        }
        return (labels, regrouped)
    }
}
