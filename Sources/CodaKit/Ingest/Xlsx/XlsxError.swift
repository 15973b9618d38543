/// Problems reading an Excel workbook (`.xlsx`) as a survey.
public enum XlsxError: CodaError {
    case notAWorkbook(file: String, reason: String)
    case noSuchSheet(file: String, sheet: String, available: [String])
    case emptySheet(file: String, sheet: String)
    case sheetOfCSV(file: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .notAWorkbook(file, reason):
            return Diagnostic(.error, at: SourceLocation(file: file), "this is not a readable Excel workbook: \(reason)",
                              hint: "open it in Excel or LibreOffice and save it again as .xlsx, or as CSV (UTF-8)")
        case let .noSuchSheet(file, sheet, available):
            return Diagnostic(.error, at: SourceLocation(file: file), "the workbook has no sheet `\(sheet)`",
                              hint: "its sheets are: " + available.map { "`\($0)`" }.joined(separator: ", "))
        case let .sheetOfCSV(file):
            return Diagnostic(.error, at: SourceLocation(file: file), "this survey is a CSV file, which has no sheets",
                              hint: "use `--sheet` only with an .xlsx workbook")
        case let .emptySheet(file, sheet):
            return Diagnostic(.error, at: SourceLocation(file: file), "sheet `\(sheet)` has no header row",
                              hint: "put the survey on the first sheet, or name its sheet in the .columns file (`sheet = NAME`)")
        }
    }
}
