import Foundation

/// A cross-tabulation the researcher chose in the `.columns` file: `crosstab: Q1 by age_group`.
public struct SurveyCrosstabChoice: Sendable, Hashable {
    /// The question (key or header) whose answers form the rows.
    public var question: String
    /// The attribute (a survey column or a case attribute) whose values form the columns.
    public var attribute: String
    public var line: Int

    static let prefix = "crosstab:"

    /// Every `crosstab: QUESTION by ATTRIBUTE` line; a line without ` by ` is an error naming it.
    static func read(_ file: (path: String, text: String)) throws -> [SurveyCrosstabChoice] {
        var choices: [SurveyCrosstabChoice] = []
        for (n, raw) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            guard line.lowercased().hasPrefix(prefix) else { continue }
            let rest = line.dropFirst(prefix.count).trimmingWhitespace()
            guard let by = rest.range(of: " by ", options: .caseInsensitive) else {
                throw SurveyError.badCrosstab(file: file.path, line: n + 1, text: line)
            }
            let question = rest[..<by.lowerBound].trimmingWhitespace()
            let attribute = rest[by.upperBound...].trimmingWhitespace()
            guard !question.isEmpty, !attribute.isEmpty else {
                throw SurveyError.badCrosstab(file: file.path, line: n + 1, text: line)
            }
            choices.append(SurveyCrosstabChoice(question: question, attribute: attribute, line: n + 1))
        }
        return choices
    }
}
