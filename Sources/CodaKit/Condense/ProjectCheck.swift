/// `coda check`: every problem in the project in one list: files that cannot be read, codebook lint,
/// survey problems, codings on unknown codes or documents, and codings whose words moved or vanished.
public enum ProjectCheck {
    public static func report(_ project: Project) -> Report {
        var report = Report(title: "Check")
        let human = project.humanCodings.count
        report.add(.paragraph("\(project.documentIDs.count) document\(plural(project.documentIDs.count)), \(project.codebook.codes.count) code\(plural(project.codebook.codes.count)), \(human) coding\(plural(human)) by \(project.coders.count) coder\(plural(project.coders.count)), \(project.suggestions.count) suggestion\(plural(project.suggestions.count)) waiting."))
        report.addProblems((project.diagnostics + project.interviewerCodingWarnings()).sortedForDisplay(), none: "No problems found.")
        return report
    }

    /// Saves the new positions of codings that followed their words; returns how many were saved.
    public static func fix(_ project: Project) throws -> Int {
        let store = CodingStore(root: project.root)
        for (coder, moved) in Dictionary(grouping: project.movedCodings, by: \.coder).sorted(by: { $0.key < $1.key }) {
            for id in Set(moved.map(\.document)).sorted() {
                let document = try project.document(id)
                // Placing happens inside `update`; writing the placed codings back saves the positions.
                try store.update(coder: coder, document: document, rejected: false) { _ in }
                if coder == CodingStore.suggestionCoder {
                    try store.update(coder: coder, document: document, rejected: true) { _ in }
                }
            }
        }
        return project.movedCodings.count
    }
}

extension Report {
    /// Problems found: "N errors, M warnings" and `counted` (or `none` when there are none), each problem
    /// on its own line, and all of them as a table and JSON for other programs.
    mutating func addProblems(_ problems: [Diagnostic], none: String, counted: String = "") {
        let errors = problems.errorCount, warnings = problems.warningCount
        add(.paragraph(problems.isEmpty ? none : "\(errors) error\(plural(errors)), \(warnings) warning\(plural(warnings))\(counted)."))
        if !problems.isEmpty { add(.list(problems.map(\.description))) }
        var table = Table(columns: [Table.Column("severity"), Table.Column("file"), .number("line"), Table.Column("message"), Table.Column("hint")])
        for d in problems {
            table.append([Cell(d.severity.rawValue), Cell(d.location?.file ?? ""), d.location?.line.map { Cell.int($0) } ?? .empty,
                          Cell(d.message), Cell(d.hint ?? "")])
        }
        machineTable = table
        json = .object([("errors", .int(errors)), ("warnings", .int(warnings)), ("problems", .array(problems.map(diagnosticJSON)))])
    }
}
