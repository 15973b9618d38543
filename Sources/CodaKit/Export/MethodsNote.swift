/// The short methods note of the appendix: what was analysed, by whom, and how, with the counts.
enum MethodsNote {
    static func report(_ project: Project, coder: String?) throws -> Report {
        let filter = try CodingFilter(project: project, coder: coder, conditions: [])
        var table = Table(columns: [Table.Column("What"), .number("Count")])
        let human = project.humanCodings
        let (interviews, notes) = project.interviewsAndNotes
        var rows: [(String, Int)] = [("Interview transcripts", interviews.count)]
        if !notes.isEmpty { rows.append(("Field notes and other documents without speakers", notes.count)) }
        rows += [
            ("Segments in the transcripts", project.transcripts.reduce(0) { $0 + $1.segments.count }),
            ("Words in the transcripts", project.transcripts.reduce(0) { $0 + $1.wordCount }),
            ("Surveys", project.surveys.count),
            ("Survey respondents", project.surveys.reduce(0) { $0 + $1.respondents.count }),
            ("Codable documents (transcripts and open survey questions)", project.documentIDs.count),
            ("Cases", project.cases.count),
            ("Codes", project.codebook.codes.count),
            ("Codings", human.count),
            ("Coders", project.coders.count),
        ]
        for (what, n) in rows { table.append([Cell(what), .int(n)]) }
        var perCoder = Table(columns: [Table.Column("Coder"), .number("Codings"), .number("Documents")])
        for c in project.coders {
            let mine = human.filter { $0.coder == c }
            perCoder.append([Cell(c), .int(mine.count), .int(Set(mine.map(\.document)).count)])
        }
        var blocks: [Block] = [
            .paragraph("The interviews and the open survey answers were coded with a codebook of \(project.codebook.codes.count) codes, following Miles, Huberman and Saldaña's cycle of data condensation, display, and conclusion drawing and verification. Codings were made with Coda \(codaVersion); each coding records the coder, the time and the exact words coded."),
            .table(table), .table(perCoder),
            .paragraph("The matrices and the themes use \(filter.description). Counts are codings; percentages have one decimal."),
        ]
        if project.diagnostics.errorCount > 0 {
            blocks.append(.paragraph("The project check reported \(project.diagnostics.errorCount) error(s) when this appendix was made; see `coda check`."))
        }
        return Report(title: "Methods note", blocks: blocks)
    }
}
