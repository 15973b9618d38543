extension SurveyParser {
    /// A survey on a workbook's sheet: the one named by `sheet`, else by the `.columns` file's
    /// `sheet = NAME`, else the first. The first non-empty row is the header; row numbers serve as lines.
    func parse(
        xlsx bytes: [UInt8], columnsFile: (path: String, text: String)?,
        sheet: String? = nil
    ) throws -> (Survey, [Diagnostic]) {
        let wanted = sheet ?? columnsFile.flatMap { SurveyParser.sheetName(in: $0.text) }
        let workbook = try XlsxWorkbook(bytes: bytes, path: path)
        let (name, rows) = try workbook.rows(sheet: wanted)
        let filled = rows.filter { $0.cells.contains { !$0.trimmingWhitespace().isEmpty } }
        guard let first = filled.first else { throw XlsxError.emptySheet(file: path, sheet: name) }
        let width = (first.cells.lastIndex { !$0.trimmingWhitespace().isEmpty } ?? 0) + 1
        let header = first.cells.prefix(width).map { $0.trimmingWhitespace() }
        var records: [CSVReader.Record] = []
        for row in filled.dropFirst() {
            var cells = row.cells
            if cells.count > width {
                guard cells[width...].allSatisfy({ $0.trimmingWhitespace().isEmpty }) else {
                    let used = (cells.lastIndex { !$0.trimmingWhitespace().isEmpty } ?? 0) + 1
                    throw CSVError.raggedRow(file: path, line: row.line, fields: used, expected: width)
                }
                cells = Array(cells.prefix(width))
            }
            cells += Array(repeating: "", count: width - cells.count)
            records.append(CSVReader.Record(fields: cells, line: row.line))
        }
        var table = SurveyTable(header: header, records: records)
        table.applyDialect(separator: 9)
        return try parse(table, columnsFile: columnsFile)
    }
}
