/// The framework matrix in long form (case, code, summary), which fits a printed page at any size.
enum FrameworkList {
    static func blocks(_ project: Project, coder: String?) -> [Block] {
        var options = MatrixOptions(kind: .framework)
        options.coder = coder
        options.dropEmpty = true
        guard let matrix = try? MatrixBuilder.build(project, options) else { return [] }
        let report = MatrixReport.report(matrix, cell: .summary, project: project)
        guard let wide = report.tables.first else { return [] }
        var table = Table(columns: [Table.Column("Case"), Table.Column("Code"), Table.Column("Summary or most typical quote")])
        for row in wide.rows {
            for (i, cell) in row.cells.enumerated().dropFirst() where !cell.text.isEmpty {
                table.append([row.cells[0], Cell(wide.columns[i].header), Cell(cell.text)])
            }
        }
        table.notes = ["Summaries come from Memos/framework.md (`coda summarize`); where there is none, the most typical quote of the cell."]
        return [.table(table)]
    }
}
