import Foundation

/// Splits a multiple-choice cell into the options chosen, and recognises columns answered that way.
enum SurveyChoices {
    static func split(_ value: String, separator: String) -> [String] {
        value.components(separatedBy: separator).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// True when cells hold several answers joined by `separator` from a small set of options that recur
    /// across respondents, as checkbox questions do; free text with commas has parts that rarely recur.
    static func looksMultiple(_ answers: [String], separator: String, closedLimit: Int) -> Bool {
        guard answers.contains(where: { $0.contains(separator) }) else { return false }
        var counts: [String: Int] = [:]
        for answer in answers { for part in split(answer, separator: separator) { counts[part, default: 0] += 1 } }
        guard counts.count <= closedLimit, counts.count < Set(answers).count || answers.count <= 2 else { return false }
        let words = counts.keys.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        guard Double(words) / Double(counts.count) < 6 else { return false }
        let recurring = counts.values.filter { $0 >= 2 }.count
        return Double(recurring) >= 0.6 * Double(counts.count)
    }
}
