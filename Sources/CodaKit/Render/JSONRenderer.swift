/// JSON for programs: the report's own JSON when it has one, otherwise its tables as arrays of objects.
struct JSONRenderer: Renderer {
    func render(_ report: Report) -> String {
        if let json = report.json { return json.serialized() }
        let tables = report.tables.map { table -> JSONValue in
            let rows = table.rows.map { row -> JSONValue in
                .object(zip(table.columns, row.cells).map { ($0.key, $1.value) })
            }
            return .object([("title", .optional(table.title)), ("rows", .array(rows))])
        }
        return JSONValue.object([("title", .string(report.title)), ("tables", .array(tables))]).serialized()
    }
}
