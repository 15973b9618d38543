/// `coda status`: the project at a glance.
public enum ProjectStatus {
    public static func report(_ project: Project) -> Report {
        var report = Report(title: "Project \(project.root.lastPathComponent)")
        let transcripts = project.transcripts
        let words = transcripts.reduce(0) { $0 + $1.wordCount }
        let segments = transcripts.reduce(0) { $0 + $1.segments.count }
        let speakers = Set(transcripts.flatMap(\.speakers))
        report.add(.heading("Transcripts", level: 1))
        report.add(.paragraph("\(transcripts.count) transcript\(plural(transcripts.count)): \(segments) segments, \(words) words, \(speakers.count) speaker\(plural(speakers.count))."))
        if !transcripts.isEmpty { report.add(.table(TranscriptList.table(project))) }

        let cases = project.cases
        let withTranscripts = cases.filter { !$0.transcriptIDs.isEmpty }.count
        let inSurveys = cases.filter { !$0.surveyIDs.isEmpty }.count
        let both = cases.filter { !$0.transcriptIDs.isEmpty && !$0.surveyIDs.isEmpty }.count
        report.add(.heading("Cases", level: 1))
        report.add(.paragraph("\(cases.count) case\(plural(cases.count)): \(withTranscripts) with transcripts, \(inSurveys) survey respondents, \(both) in both."))
        var attributes = Table(columns: [Table.Column("Attribute"), .number("Cases"), Table.Column("Values")])
        for name in project.attributeNames where name != "month" || cases.contains(where: { $0.attribute("month") != nil }) {
            var counts: [String: Int] = [:]
            for c in cases { if let v = c.attribute(name) { counts[v, default: 0] += 1 } }
            let values = counts.sorted { $0.value != $1.value ? $0.value > $1.value : naturalOrder($0.key, $1.key) }
            let shown = values.prefix(6).map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + (values.count > 6 ? ", …" : "")
            attributes.append([Cell(name), .int(counts.values.reduce(0, +)), Cell(shown)])
        }
        if !attributes.rows.isEmpty { report.add(.table(attributes)) }

        report.add(.heading("Surveys", level: 1))
        if project.surveys.isEmpty {
            report.add(.paragraph("No surveys (CSV files in Transcripts/)."))
        } else {
            var table = Table(columns: [Table.Column("Survey"), .number("Respondents"), .number("Closed"),
                                        .number("Open"), .number("Attributes"), .number("Multiple"), .number("Numbers"),
                                        Table.Column("File"), Table.Column("Read as")])
            for s in project.surveys {
                let count = { (k: SurveyColumn.Kind) in s.columns.filter { $0.kind == k }.count }
                table.append([Cell(s.id), .int(s.respondents.count), .int(count(.closed)), .int(count(.open)),
                              .int(count(.attribute)), .int(count(.multiple)), .int(count(.number)), Cell(s.path),
                              Cell(s.dialect.displayName)])
            }
            report.add(.table(table))
        }

        if !project.figures.isEmpty {
            report.add(.heading("Figures", level: 1))
            report.add(.table(FigureReport.list(project)))
        }

        report.add(.heading("Codebooks", level: 1))
        let codebook = project.codebook
        if codebook.files.isEmpty {
            report.add(.paragraph("No codebook (Markdown files in Codebooks/)."))
        } else {
            var table = Table(columns: [Table.Column("File"), Table.Column("Title"), .number("Codes"), .number("Top-level")])
            for file in codebook.files {
                let codes = codebook.codes.filter { $0.location.file == file }
                let title = codebook.titles.indices.contains(codebook.files.firstIndex(of: file)!) ? codebook.titles[codebook.files.firstIndex(of: file)!] : ""
                table.append([Cell(file), Cell(title), .int(codes.count), .int(codes.filter { $0.depth == 1 }.count)])
            }
            report.add(.table(table))
        }

        report.add(.heading("Problems", level: 1))
        report.add(problemsBlock(project.diagnostics))
        report.json = json(project, words: words, segments: segments, speakers: speakers.count)
        return report
    }

    static func problemsBlock(_ diagnostics: [Diagnostic]) -> Block {
        guard !diagnostics.isEmpty else { return .paragraph("No problems found.") }
        return .list(diagnostics.map(\.description))
    }

    static func json(_ project: Project, words: Int, segments: Int, speakers: Int) -> JSONValue {
        .object([
            ("project", .string(project.root.lastPathComponent)),
            ("transcripts", .object([("count", .int(project.transcripts.count)), ("segments", .int(segments)),
                                     ("words", .int(words)), ("speakers", .int(speakers))])),
            ("cases", .int(project.cases.count)),
            ("surveys", .array(project.surveys.map { s in
                .object([("id", .string(s.id)), ("respondents", .int(s.respondents.count)),
                         ("columns", .array(s.columns.map { .object([("key", .string($0.key)), ("header", .string($0.header)), ("kind", .string($0.kind.rawValue))]) }))])
            })),
            ("codes", .int(project.codebook.codes.count)),
            ("problems", .array(project.diagnostics.map(diagnosticJSON))),
        ])
    }
}

func diagnosticJSON(_ d: Diagnostic) -> JSONValue {
    .object([("severity", .string(d.severity.rawValue)), ("file", .optional(d.location?.file)),
             ("line", d.location?.line.map(JSONValue.int) ?? .null), ("message", .string(d.message)), ("hint", .optional(d.hint))])
}

func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
