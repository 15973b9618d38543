/// Problems reading an Excel workbook (`.xlsx`) as a survey.
public enum XlsxError: CodaError {
    case notAWorkbook(file: String, reason: String)
    case noSuchSheet(file: String, sheet: String, available: [String])
    case emptySheet(file: String, sheet: String)
    case sheetOfCSV(file: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .notAWorkbook(let file, let reason):
            return Diagnostic(
                .error, at: SourceLocation(file: file), "this is not a readable Excel workbook: \(reason)",
                hint: "open it in Excel or LibreOffice and save it again as .xlsx, or as CSV (UTF-8)")
        case .noSuchSheet(let file, let sheet, let available):
            return Diagnostic(
                .error, at: SourceLocation(file: file), "the workbook has no sheet `\(sheet)`",
                hint: "its sheets are: " + available.map { "`\($0)`" }.joined(separator: ", "))
        case .sheetOfCSV(let file):
            return Diagnostic(
                .error, at: SourceLocation(file: file), "this survey is a CSV file, which has no sheets",
                hint: "use `--sheet` only with an .xlsx workbook")
        case .emptySheet(let file, let sheet):
            return Diagnostic(
                .error, at: SourceLocation(file: file), "sheet `\(sheet)` has no header row",
                hint: "put the survey on the first sheet, or name its sheet in the .columns file (`sheet = NAME`)")
        }
    }
}
