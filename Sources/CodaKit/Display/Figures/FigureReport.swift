/// The project's figures: listed in `coda status` and `coda chart`, and shown with their sources in the appendix.
enum FigureReport {
    static func list(_ project: Project) -> Table {
        var table = Table(columns: [
            Table.Column("Figures"), Table.Column("Title"), Table.Column("Unit"), .number("Rows"),
            Table.Column("Source"),
        ])
        for f in project.figures {
            table.append([
                Cell(f.id), Cell(f.title), Cell(f.unit), .int(f.rows.count),
                Cell(f.source.isEmpty ? "(none)" : f.source),
            ])
        }
        return table
    }

    /// The before/after displays, then every figure as its table and its chart, for the appendix.
    static func appendix(_ project: Project) throws -> Report {
        var report = Report(title: "Figures")
        for display in BeforeAfterReport.displays(in: project.root) {
            report.blocks += try BeforeAfterReport.report(project, name: display.id).blocks
        }
        report.add(.paragraph("Numbers collected beside the interviews, each with its source (files in Figures/)."))
        for figure in project.figures {
            report.blocks += ChartReport.report(Chart(figure: figure)).blocks
        }
        return report
    }
}
