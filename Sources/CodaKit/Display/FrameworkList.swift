/// The framework matrix in long form (case, code, summary), which fits a printed page at any size.
enum FrameworkList {
    /// `matrix`: cases × codes (the framework or the case-code matrix: their cells are the same).
    static func blocks(_ matrix: Matrix, project: Project) -> [Block] {
        let thresholds = MatrixOptions(kind: .framework).thresholds
        let (summaries, _) = FrameworkSummaries.load(project)
        var table = Table(columns: [Table.Column("Case"), Table.Column("Code"), Table.Column("Summary or most typical quote")])
        // Only the cells with codings: a large project's framework matrix is mostly empty.
        for r in matrix.rows.labels.indices {
            for c in matrix.columns.labels.indices where !matrix.cells[r][c].isEmpty {
                let cell = MatrixReport.render(matrix, r, c, kind: .summary, thresholds: thresholds, maximum: 1,
                                               summaries: summaries, project: project, quotesInCells: false)
                table.append([Cell(matrix.rows.labels[r]), Cell(matrix.columns.labels[c]), Cell(cell.text)])
            }
        }
        table.notes = ["Summaries come from Memos/framework.md (`coda summarize`); where there is none, the most typical quote of the cell."]
        return [.table(table)]
    }
}
