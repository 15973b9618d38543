/// `coda check`: every problem in the project in one list: files that cannot be read, codebook lint,
/// survey problems, codings on unknown codes or documents, and codings whose words moved or vanished.
public enum ProjectCheck {
    public static func report(_ project: Project) -> Report {
        let problems = project.diagnostics
        let errors = problems.errorCount, warnings = problems.warningCount
        var report = Report(title: "Check")
        let human = project.humanCodings.count
        report.add(.paragraph("\(project.documentIDs.count) document\(plural(project.documentIDs.count)), \(project.codebook.codes.count) code\(plural(project.codebook.codes.count)), \(human) coding\(plural(human)) by \(project.coders.count) coder\(plural(project.coders.count)), \(project.suggestions.count) suggestion\(plural(project.suggestions.count)) waiting."))
        report.add(.paragraph(problems.isEmpty ? "No problems found." : "\(errors) error\(plural(errors)), \(warnings) warning\(plural(warnings))."))
        if !problems.isEmpty { report.add(.list(problems.map(\.description))) }
        var table = Table(columns: [Table.Column("severity"), Table.Column("file"), .number("line"), Table.Column("message"), Table.Column("hint")])
        for d in problems {
            table.append([Cell(d.severity.rawValue), Cell(d.location?.file ?? ""), d.location?.line.map { Cell.int($0) } ?? .empty,
                          Cell(d.message), Cell(d.hint ?? "")])
        }
        report.machineTable = table
        report.json = .object([("errors", .int(errors)), ("warnings", .int(warnings)), ("problems", .array(problems.map(diagnosticJSON)))])
        return report
    }

    /// Saves the new positions of codings that followed their words; returns how many were saved.
    public static func fix(_ project: Project) throws -> Int {
        let store = CodingStore(root: project.root)
        var pairs = Set<[String]>()
        for c in project.movedCodings { pairs.insert([c.coder, c.document]) }
        for pair in pairs.sorted(by: { $0.joined() < $1.joined() }) {
            let document = try project.document(pair[1])
            // Placing happens inside `update`; writing the placed codings back saves the positions.
            try store.update(coder: pair[0], document: document, rejected: false) { _ in }
            if pair[0] == CodingStore.suggestionCoder {
                try store.update(coder: pair[0], document: document, rejected: true) { _ in }
            }
        }
        return project.movedCodings.count
    }
}
