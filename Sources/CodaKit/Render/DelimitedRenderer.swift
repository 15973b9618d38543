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
            // A code tree shown by indenting the first column becomes a level column: spreadsheets and scripts
            // would keep the spaces as part of the name.
            let indented = table.rows.contains { $0.cells.first?.text.hasPrefix(" ") == true }
            var headers = table.columns.map(\.header)
            if indented && !headers.isEmpty { headers.insert("Level", at: 1) }
            out.append(line(headers))
            for row in table.rows {
                var cells = row.cells.map(\.text)
                if indented, let first = cells.first {
                    let spaces = first.prefix { $0 == " " }.count
                    cells[0] = String(first.dropFirst(spaces))
                    cells.insert(row.isSummary ? "" : String(spaces / 2 + 1), at: 1)
                }
                out.append(line(cells))
            }
        }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    private func field(_ text: String) -> String { Escape.delimitedField(text, separator: separator) }

    private func line(_ cells: [String]) -> String { cells.map(field).joined(separator: String(separator)) }
}
