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

        var caseCode = MatrixOptions(kind: .caseCode)
        caseCode.transpose = true
        var matrices: [(String, MatrixOptions, CellKind)] = [("Codes by case", caseCode, .count)]
        var checklist = MatrixOptions(kind: .checklist)
        checklist.dropEmpty = true
        matrices.append(("Checklist", checklist, .count))
        if project.attributeNames.contains("phase") {
            var time = MatrixOptions(kind: .time)
            time.by = "phase"
            matrices.append(("Before and after (time-ordered)", time, .count))
        }
        if project.attributeNames.contains("role") {
            var role = MatrixOptions(kind: .attribute)
            role.by = "role"
            matrices.append(("By role", role, .count))
        }
        if project.coders.count > 1 { matrices.append(("Who coded what", MatrixOptions(kind: .codeCoder), .count)) }
        for (title, options, cell) in matrices {
            guard let matrix = try? MatrixBuilder.build(project, options) else { continue }
            let report = MatrixReport.report(matrix, cell: cell, project: project, thresholds: options.thresholds)
            section(title, report.blocks.filter { if case .chart = $0 { return false } else { return true } })
        }

        var agreementBlocks: [Block] = []
        for (a, b) in coderPairs(project) {
            if let agreement = try? Agreement(project, coderA: a, coderB: b, codes: [], unit: .segment) {
                agreementBlocks += [.heading("\(a) and \(b)", level: 2)] + AgreementReport.report(agreement, project: project, disagreements: false).blocks
            }
        }
        section("Agreement", agreementBlocks.isEmpty ? [.paragraph("Only one coder: no agreement to compute.")] : agreementBlocks)

        let memos = MemoList.report(project, code: nil, document: nil)
        section("Memos", memos.blocks)

        let problems = project.diagnostics
        section("Check", [problems.isEmpty ? .paragraph("No problems found.") : .list(problems.map(\.description))])
        let notes = NoteStore(root: project.root).load()
        section("Open notes", ReviewNotesReport.report(notes, all: false).blocks)

        return Report(title: "Review: \(project.root.lastPathComponent)", blocks: [.paragraph(summary), .contents(sections)] + blocks)
    }

    /// Pairs of coders who coded documents in common, main coder first.
    static func coderPairs(_ project: Project) -> [(String, String)] {
        let coders = project.coders
        let main = CodingFilter.defaultCoder(project)
        var pairs: [(String, String)] = []
        for (i, a) in coders.enumerated() {
            for b in coders[(i + 1)...] { pairs.append(b == main ? (b, a) : (a, b)) }
        }
        return pairs
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
        try OutputFolder(url: folder).write(files.map { (path: $0.0, contents: $0.1) }, displayName: displayName)
        return files.map(\.0)
    }
}
