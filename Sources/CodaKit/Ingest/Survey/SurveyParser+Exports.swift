extension SurveyParser {
    /// The `.columns` line that picks a workbook's sheet: `sheet = Responses`.
    static let sheetKey = "sheet"

    /// Excel may start a CSV with `sep=;` to name its separator: the line is blanked (so line numbers stay
    /// those of the file) and the separator returned.
    static func droppingExcelSeparatorLine(_ text: String) -> (String, UInt8?) {
        guard text.lowercased().hasPrefix("sep="), let end = text.firstIndex(of: "\n") else { return (text, nil) }
        let declared = text[text.index(text.startIndex, offsetBy: 4)..<end].utf8.first
        let separator = declared.flatMap { [UInt8(ascii: ","), UInt8(ascii: ";"), 9].contains($0) ? $0 : nil }
        return (String(text[end...]), separator)
    }

    /// The `sheet = NAME` line of a `.columns` file, if any.
    static func sheetName(in columnsText: String) -> String? {
        for raw in columnsText.split(separator: "\n") {
            let line = raw.trimmingWhitespace()
            guard let eq = line.firstIndex(of: "="), line[..<eq].trimmingWhitespace().lowercased() == sheetKey else {
                continue
            }
            return line[line.index(after: eq)...].trimmingWhitespace()
        }
        return nil
    }

    /// Each `crosstab:` line names a question of this survey; its attribute may be a case attribute, checked
    /// when the table is made.
    func checkCrosstabs(_ survey: Survey, file: String) throws {
        for choice in survey.crosstabs where survey.findColumn(choice.question) == nil {
            throw SurveyError.unknownCrosstabColumn(
                file: file, line: choice.line, name: choice.question,
                suggestion: EditDistance.suggestion(for: choice.question, in: survey.columns.map(\.key)))
        }
    }
}
