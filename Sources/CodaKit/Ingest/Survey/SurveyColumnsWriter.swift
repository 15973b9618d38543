import Foundation

/// Writes what Coda detected about a survey's columns as a `.columns` file the researcher can correct:
/// one `column: kind` line per column, the question text as a comment where it differs from the key.
enum SurveyColumnsWriter {
    static func text(for survey: Survey, sheet: String? = nil) -> String {
        let file = (survey.path as NSString).lastPathComponent
        var lines = [
            "# Column kinds for \(file) (read as \(survey.dialect.displayName)), as Coda detected them.",
            "# Correct any line: id, attribute, closed, multiple, number, open or ignore.",
        ]
        if let sheet { lines.append("\(SurveyParser.sheetKey) = \(sheet)") }
        for column in survey.columns {
            let keyHidesHeader =
                SurveyColumnDetector.numberingToken(column.header) != nil
                || column.key.lowercased() != SurveyColumnDetector.key(for: column.header).lowercased()
            if keyHidesHeader {
                lines.append("# \(column.header.replacingOccurrences(of: "\n", with: " ").truncated(to: 100))")
            }
            lines.append("\(column.key): \(column.kind.rawValue)")
        }
        for attribute in survey.attributes { lines.append("\(attribute.key) = \(attribute.value)") }
        lines.append("")
        let questions = survey.columns.filter { $0.kind == .closed || $0.kind == .multiple }
        let attributes = survey.columns.filter { $0.kind == .attribute } + survey.columns.filter { $0.kind == .number }
        if survey.crosstabs.isEmpty {
            let example = "\(questions.first?.key ?? "Q1") by \(attributes.first?.key ?? "age_group")"
            lines.append("# Cross-tabulations shown in the appendix, one per line, e.g.: crosstab: \(example)")
        } else {
            lines += survey.crosstabs.map { "crosstab: \($0.question) by \($0.attribute)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `.columns` file beside a survey file.
    static func path(for survey: Survey) -> String {
        (survey.path as NSString).deletingPathExtension + ".columns"
    }

    /// Writes the file unless one is there already (it holds the researcher's corrections); returns what
    /// happened, in a sentence.
    static func write(_ survey: Survey, root: URL, sheet: String? = nil) throws -> String {
        let path = path(for: survey)
        let url = root.appendingPathComponent(path)
        return try FileLock.withLock(CodingStore(root: root).lockURL) {
            if FileManager.default.fileExists(atPath: url.path) {
                return "\(path) exists and is kept (it holds your corrections); the detected kinds are below."
            }
            try AtomicFile.write(text(for: survey, sheet: sheet), to: url)
            return "wrote \(path): correct any line and Coda follows it."
        }
    }
}
