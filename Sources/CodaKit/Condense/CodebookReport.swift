/// `coda codebook`: the code tree with each code's guidance, and `coda codebook lint`.
public enum CodebookReport {
    public static func report(_ codebook: Codebook) -> Report {
        var table = Table(columns: [Table.Column("Code", key: "code"), Table.Column("Definition", key: "definition"),
                                    Table.Column("Keywords", key: "keywords")])
        for code in codebook.codes {
            let indent = String(repeating: "  ", count: code.depth - 1)
            table.append([Cell(indent + code.name, value: .string(code.path)), Cell(code.definition),
                          Cell(code.keywords.joined(separator: ", "))])
        }
        var report = Report(title: codebook.titles.isEmpty ? "Codebook" : codebook.titles.joined(separator: "; "))
        report.add(.paragraph("\(codebook.codes.count) code\(plural(codebook.codes.count)), \(codebook.topLevel.count) top-level, from \(codebook.files.joined(separator: ", "))."))
        report.add(.table(table))
        report.json = json(codebook)
        report.machineTable = flatTable(codebook)
        return report
    }

    /// Every field of every code, one row per code, for spreadsheets and the appendix.
    static func flatTable(_ codebook: Codebook) -> Table {
        var table = Table(columns: ["path", "name", "parent", "level", "definition", "include", "exclude", "examples",
                                    "keywords", "color", "speakers", "survey", "opposes", "memo"].map { Table.Column($0) })
        for c in codebook.codes {
            table.append([Cell(c.path), Cell(c.name), Cell(c.parentPath ?? ""), .int(c.depth), Cell(c.definition), Cell(c.include),
                          Cell(c.exclude), Cell(c.examples.joined(separator: " | ")), Cell(c.keywords.joined(separator: ", ")),
                          Cell(c.color ?? ""), Cell(c.speakers.joined(separator: ", ")), Cell(c.survey ?? ""),
                          Cell(c.opposes.joined(separator: ", ")), Cell(c.memo)])
        }
        return table
    }

    static func json(_ codebook: Codebook) -> JSONValue {
        func node(_ code: Code) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("name", .string(code.name)), ("path", .string(code.path))]
            pairs += [("definition", .string(code.definition)), ("include", .string(code.include)), ("exclude", .string(code.exclude)),
                      ("examples", .array(code.examples.map(JSONValue.string))), ("keywords", .array(code.keywords.map(JSONValue.string))),
                      ("color", .optional(code.color)), ("speakers", .array(code.speakers.map(JSONValue.string))),
                      ("survey", .optional(code.survey)), ("opposes", .array(code.opposes.map(JSONValue.string))),
                      ("memo", .string(code.memo)), ("file", .string(code.location.file)), ("line", .int(code.location.line ?? 0)),
                      ("children", .array(codebook.children(of: code).map(node)))]
            return .object(pairs)
        }
        return .object([("titles", .array(codebook.titles.map(JSONValue.string))), ("codes", .array(codebook.topLevel.map(node)))])
    }

    /// The codebook's problems: those found while reading it and by the lint checks.
    public static func lintDiagnostics(_ project: Project) -> [Diagnostic] {
        project.diagnostics.filter { d in
            guard let file = d.location?.file else { return false }
            return project.codebook.files.contains(file)
        }
    }

    public static func lintReport(_ project: Project) -> Report {
        var report = Report(title: "Codebook check")
        let codes = project.codebook.codes.count
        report.addProblems(lintDiagnostics(project), none: "No problems in \(codes) codes.", counted: " in \(codes) codes")
        return report
    }
}
