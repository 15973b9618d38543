/// The tool that exported a survey, recognised from the file's shape rather than its name, so each export is
/// read the way that tool writes it (header rows, metadata columns, multiple-choice cells).
public enum SurveyDialect: String, Sendable, CaseIterable {
    /// One header row of questions, one row per respondent, comma-separated.
    case plain
    /// Google Forms: a `Timestamp` first column; checkbox answers as `A, B` in one cell.
    case googleForms
    /// Qualtrics: three header rows (column ids, question text, `{"ImportId":…}`), metadata columns first.
    case qualtrics
    /// KoboToolbox or ODK: `_uuid`, `_submission_time` and other `_` columns; `group/question` names; a
    /// select-multiple question followed by one 0/1 column per option (`media/video`).
    case koboToolbox
    /// LimeSurvey: `submitdate`, `lastpage`, `startlanguage`; multiple choice as `Q3[SQ001]` columns of `Y`.
    case limeSurvey
    /// A spreadsheet saved by Excel: `;` or tab separated CSV (decimal commas), or an `.xlsx` workbook.
    case excel

    /// The name researchers know the tool by.
    public var displayName: String {
        switch self {
        case .plain: return "CSV"
        case .googleForms: return "Google Forms"
        case .qualtrics: return "Qualtrics"
        case .koboToolbox: return "KoboToolbox/ODK"
        case .limeSurvey: return "LimeSurvey"
        case .excel: return "Excel"
        }
    }

    static let timestampHeaders: Set<String> = [
        "timestamp", "tanda waktu", "cap waktu", "marca temporal", "horodateur",
        "zeitstempel", "carimbo de data/hora", "informazioni cronologiche",
    ]
    static let limeSurveyHeaders: Set<String> = [
        "submitdate", "lastpage", "startlanguage", "date submitted", "last page",
        "start language",
    ]
    static let koboHeaders: Set<String> = [
        "_uuid", "_submission_time", "_index", "formhub/uuid", "meta/instanceid",
        "_validation_status", "__version__", "meta-instanceid",
    ]

    /// Recognises the tool from the header and the first rows; `separator` is the CSV's (`;` or tab means Excel).
    static func detect(_ table: SurveyTable, separator: UInt8) -> SurveyDialect {
        let names = table.header.map { $0.lowercased().trimmingWhitespace() }
        if table.records.count >= 2, isQualtricsImportRow(table.records[1].fields) { return .qualtrics }
        if names.filter(limeSurveyHeaders.contains).count >= 2 { return .limeSurvey }
        if names.contains(where: koboHeaders.contains) || names.contains("submissiondate") && names.contains("key") {
            return .koboToolbox
        }
        if let first = names.first, timestampHeaders.contains(first) { return .googleForms }
        return separator == UInt8(ascii: ",") ? .plain : .excel
    }

    /// Qualtrics' third header row: every filled cell is `{"ImportId":"QID1"}` or similar.
    static func isQualtricsImportRow(_ fields: [String]) -> Bool {
        let filled = fields.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{\"importId\"") }
    }

    /// Form tools head each column with the question asked, so a few-answer column is a question, not an
    /// attribute, even without a `?`.
    var headersAreQuestions: Bool { self == .googleForms || self == .qualtrics || self == .limeSurvey }

    /// How a cell of a multiple-choice question separates its answers in this tool's export.
    var choiceSeparator: String {
        switch self {
        case .qualtrics: return ","
        case .koboToolbox, .limeSurvey: return SurveyOptionColumns.joiner
        case .plain, .googleForms, .excel: return ", "
        }
    }
}
