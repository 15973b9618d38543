import Foundation

/// Splits a multiple-choice cell into the options chosen, and recognises columns answered that way.
enum SurveyChoices {
    /// The chosen options; `compounds` are options that themselves contain the separator (`Ya, pernah`).
    static func split(_ value: String, separator: String, compounds: [String] = []) -> [String] {
        let parts = value.components(separatedBy: separator).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !compounds.isEmpty else { return parts }
        var result: [String] = []
        var i = 0
        while i < parts.count {
            if i + 1 < parts.count, compounds.contains(parts[i] + separator + parts[i + 1]) {
                result.append(parts[i] + separator + parts[i + 1])
                i += 2
            } else {
                result.append(parts[i])
                i += 1
            }
        }
        return result
    }

    /// Options whose text holds the separator, as Google Forms writes an option `Ya, pernah`: two parts that
    /// only ever occur together, one right after the other, in at least two answers.
    static func compoundOptions(_ values: [String], separator: String) -> [String] {
        let cells = values.map { split($0, separator: separator) }.filter { !$0.isEmpty }
        var pairs: [String: (first: String, second: String, count: Int)] = [:]
        var occurrences: [String: Int] = [:]
        for parts in cells {
            for part in parts { occurrences[part, default: 0] += 1 }
            for (a, b) in zip(parts, parts.dropFirst()) {
                pairs[a + separator + b, default: (a, b, 0)].count += 1
            }
        }
        return pairs.filter { _, pair in
            pair.count >= 2 && occurrences[pair.first] == pair.count && occurrences[pair.second] == pair.count
        }.keys.sorted()
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
