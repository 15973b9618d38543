/// CSV (RFC 4180 quoting, LF line ends) or TSV for spreadsheets and scripts: the report's tables only, with a title line
/// before each when there are several.
struct DelimitedRenderer: Renderer {
    var separator: Character

    func render(_ report: Report) -> String {
        let tables = report.machineTable.map { [$0] } ?? report.tables
        var out: [String] = []
        for (index, table) in tables.enumerated() {
            if index > 0 { out.append("") }
            if tables.count > 1 { out.append(field(table.title ?? "Table \(index + 1)")) }
            out.append(line(table.columns.map(\.header)))
            for row in table.rows { out.append(line(row.cells.map(\.text))) }
        }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    private func field(_ text: String) -> String { Escape.delimitedField(text, separator: separator) }

    private func line(_ cells: [String]) -> String { cells.map(field).joined(separator: String(separator)) }
}
