import Foundation

/// `coda review [DIR]`: one page for the supervisor, as self-contained HTML plus Markdown: the codebook,
/// the main matrices with each cell's quotes one click away, agreement, the check's findings and the
/// open notes.
public enum ReviewPack {
    public static func report(_ project: Project) -> Report {
        var blocks: [Block] = []
        var sections: [String] = []
        func section(_ title: String, _ content: [Block]) {
            sections.append(title)
            blocks.append(.heading(title, level: 1))
            blocks += content
        }
        let human = project.humanCodings
        var counts = ["\(project.transcripts.count) interview\(plural(project.transcripts.count))"]
        counts += project.surveys.map { "\($0.respondents.count) survey respondent\(plural($0.respondents.count))" }
        counts += ["\(project.codebook.codes.count) code\(plural(project.codebook.codes.count))",
                   "\(human.count) coding\(plural(human.count))" + (project.coders.isEmpty ? "" : " by " + project.coders.joined(separator: " and "))]
        let summary = counts.joined(separator: ", ") + ". "
            + "Click a count to see the quotes behind it; every cell also opens with `coda retrieve`."

        section("Codebook", [.table(codebookTable(project.codebook))])

        for matrix in StandardMatrix.all(for: project) where matrix != .cooccurrence {
            var options = matrix.options
            if matrix == .checklist { options.dropEmpty = true }
            guard let built = try? MatrixBuilder.build(project, options) else { continue }
            let report = MatrixReport.report(built, cell: .count, project: project, thresholds: options.thresholds)
            let title = matrix == .caseCode ? "Codes by case" : matrix == .codeCoder ? "Who coded what" : matrix.title
            section(title, report.blocks.filter { if case .chart = $0 { return false } else { return true } })
        }

        section("Agreement", AgreementReport.pairs(Agreement.everyPair(project), project: project, level: 2, none: "Only one coder: no agreement to compute."))

        let memos = MemoList.report(project, code: nil, document: nil)
        section("Memos", memos.blocks)

        let problems = (project.diagnostics + project.interviewerCodingWarnings()).sortedForDisplay()
        section("Check", [problems.isEmpty ? .paragraph("No problems found.") : .list(problems.map(\.description))])
        let notes = NoteStore(root: project.root).load()
        section("Open notes", ReviewNotesReport.report(notes, all: false).blocks)

        return Report(title: project.settings.title.map { "Review: \($0)" } ?? "Review pack", blocks: [.paragraph(summary), .contents(sections)] + blocks)
    }

    static func codebookTable(_ codebook: Codebook) -> Table {
        var table = Table(columns: [Table.Column("Code"), Table.Column("Definition"), Table.Column("Include / exclude"), Table.Column("Keywords")])
        for code in codebook.codes {
            var rules = code.include.isEmpty ? "" : "Include: " + code.include
            if !code.exclude.isEmpty { rules += (rules.isEmpty ? "" : "\n") + "Exclude: " + code.exclude }
            table.append([Cell(String(repeating: "  ", count: code.depth - 1) + code.name, value: .string(code.path)), Cell(code.definition),
                          Cell(rules), Cell(code.keywords.joined(separator: ", "))])
        }
        return table
    }

    /// Writes `review.html` and `review.md` into `folder`.
    public static func write(_ project: Project, to folder: URL, displayName: String) throws -> [String] {
        let report = report(project)
        let files: [(String, [UInt8])] = [
            ("review.html", Array(HTMLRenderer().render(report).utf8)),
            ("review.md", Array(MarkdownRenderer().render(report).utf8)),
        ]
        try OutputFolder.building(folder) { target in
            try OutputFolder(url: target).write(files.map { (path: $0.0, contents: $0.1) }, displayName: displayName)
        }
        return files.map(\.0)
    }
}
