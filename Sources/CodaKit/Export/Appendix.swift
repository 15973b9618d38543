import Foundation

/// `coda export appendix`: everything a thesis appendix needs, in one run and one format: an index, the
/// codebook, each transcript with numbered segments and their codes, survey tables, the matrices, the
/// conclusion drafts, agreement, and a methods note with the counts. The same project gives
/// byte-identical files.
public struct Appendix {
    public enum Format: String, Sendable, CaseIterable {
        case md, html, tex, txt

        var output: OutputFormat {
            switch self {
            case .md: return .md
            case .html: return .html
            case .tex: return .tex
            case .txt: return .table
            }
        }
    }

    public struct Part {
        /// File name without extension, relative to the appendix folder (may include `transcripts/`).
        public var name: String
        public var report: Report
    }

    public var project: Project
    public var coder: String?

    public init(project: Project, coder: String?) {
        self.project = project
        self.coder = coder
    }

    /// Every part of the appendix, in the order of the index.
    /// Whether matrix cells carry their quotes (only HTML can fold them away).
    var quotesInCells = false

    public func parts(progress: (String) -> Void = { _ in }) throws -> [Part] {
        var parts: [Part] = []
        progress("methods note and codebook")
        parts.append(Part(name: "01-methods", report: try MethodsNote.report(project, coder: coder)))
        var codebook = CodebookReport.report(project.codebook)
        codebook.blocks = [codebook.blocks[0], .table(ReviewPack.codebookTable(project.codebook))] + codebookDetails()
        codebook.title = "Codebook"
        parts.append(Part(name: "02-codebook", report: codebook))

        var names = Set<String>()
        let documents = project.documentsInOrder
        for (i, document) in documents.enumerated() {
            if i % 25 == 0 { progress("transcripts \(i + 1)-\(min(documents.count, i + 25)) of \(documents.count)") }
            var name = "03-transcripts/" + document.id.fileSafe()
            var n = 2
            while !names.insert(name.lowercased()).inserted { name = "03-transcripts/" + document.id.fileSafe() + "-\(n)"; n += 1 }
            parts.append(Part(name: name, report: try CodedTranscript.report(project, document: document, coder: coder)))
        }

        if !project.surveys.isEmpty {
            progress("survey tables")
            var survey = try SurveyReport.report(project, question: nil, by: nil)
            survey.title = "Survey frequency tables"
            parts.append(Part(name: "04-survey", report: survey))
            var crossTabs = Report(title: "Survey cross-tabulations")
            for s in project.surveys {
                let attributes = s.columns.filter { $0.kind == .attribute }
                for q in s.columns where q.kind == .closed {
                    for a in attributes {
                        crossTabs.blocks += try SurveyReport.report(project, question: "\(s.id):\(q.key)", by: a.key).blocks
                    }
                }
            }
            if !crossTabs.blocks.isEmpty { parts.append(Part(name: "05-survey-crosstabs", report: crossTabs)) }
        }

        progress("matrices")
        parts.append(Part(name: "06-matrices", report: try matrices()))
        progress("conclusion drafts")
        parts.append(Part(name: "07-conclusions", report: try ConclusionDraft.report(project, themes: [], by: [], coder: coder)))
        progress("agreement")
        var agreement = Report(title: "Inter-coder agreement")
        for (a, b) in ReviewPack.coderPairs(project) {
            if let result = try? Agreement(project, coderA: a, coderB: b, codes: [], unit: .segment) {
                agreement.blocks += [.heading("\(a) and \(b)", level: 1)] + AgreementReport.report(result, project: project, disagreements: false).blocks
            }
        }
        if agreement.blocks.isEmpty { agreement.add(.paragraph("Only one coder has coded documents in common with another: no agreement to report.")) }
        parts.append(Part(name: "08-agreement", report: agreement))
        return parts
    }

    func codebookDetails() -> [Block] {
        var blocks: [Block] = []
        for code in project.codebook.codes {
            var fields: [Field] = []
            if !code.definition.isEmpty { fields.append(Field("Definition", code.definition)) }
            if !code.include.isEmpty { fields.append(Field("Include", code.include)) }
            if !code.exclude.isEmpty { fields.append(Field("Exclude", code.exclude)) }
            for e in code.examples { fields.append(Field("Example", e)) }
            if !code.keywords.isEmpty { fields.append(Field("Keywords", code.keywords.joined(separator: ", "))) }
            if let s = code.survey { fields.append(Field("Survey", s)) }
            if !code.opposes.isEmpty { fields.append(Field("Opposes", code.opposes.joined(separator: ", "))) }
            if !code.memo.isEmpty { fields.append(Field("Memo", code.memo.collapsingWhitespace())) }
            blocks += [.heading(code.path, level: 2), .fields(fields)]
        }
        return blocks
    }

    /// The matrices, oriented so that codes are rows (narrow enough for a printed page).
    func matrices() throws -> Report {
        var report = Report(title: "Display matrices")
        func add(_ title: String, _ options: MatrixOptions, cell: CellKind = .count) throws {
            var options = options
            options.coder = coder
            let matrix = try MatrixBuilder.build(project, options)
            var blocks = MatrixReport.report(matrix, cell: cell, project: project, thresholds: options.thresholds, quotesInCells: quotesInCells).blocks
            blocks.removeAll { if case .chart = $0 { return true } else { return false } }
            report.blocks += [.heading(title, level: 1)] + blocks
        }
        var caseCode = MatrixOptions(kind: .caseCode)
        caseCode.transpose = true
        try add("Codes by case (case-ordered meta-matrix)", caseCode)
        try add("Checklist", MatrixOptions(kind: .checklist))
        if project.attributeNames.contains("phase") {
            var time = MatrixOptions(kind: .time)
            time.by = "phase"
            try add("Before and after (time-ordered)", time)
        }
        if project.attributeNames.contains("role") {
            var role = MatrixOptions(kind: .attribute)
            role.by = "role"
            try add("By role", role)
        }
        try add("Code co-occurrence", MatrixOptions(kind: .cooccurrence))
        if project.coders.count > 1 { try add("Codes by coder", MatrixOptions(kind: .codeCoder)) }
        report.blocks += [.heading("Framework", level: 1)] + FrameworkList.blocks(project, coder: coder)
        return report
    }

    /// Writes the appendix into `folder` in one format; returns the files written.
    public func write(to folder: URL, format: Format, displayName: String, progress: (String) -> Void = { _ in }) throws -> [String] {
        var appendix = self
        appendix.quotesInCells = format == .html
        let parts = try appendix.parts(progress: progress)
        let ext = format == .txt ? "txt" : format.rawValue
        let renderer = format.output.renderer(width: 100)
        var files: [(path: String, contents: [UInt8])] = parts.map { ($0.name + "." + ext, Array(renderer.render($0.report).utf8)) }
        if format == .tex {
            // One file that holds everything, so `\input{path/appendix}` works from any folder; the parts stay too.
            let whole = "% Appendix generated by coda: \\input{appendix} from your thesis, with \\usepackage{booktabs,longtable}.\n"
                + files.map { String(decoding: $0.contents, as: UTF8.self) }.joined(separator: "\n\\clearpage\n")
            files.insert(("appendix.tex", Array(whole.utf8)), at: 0)
        } else {
            files.insert(("index." + ext, Array(index(parts, format: format, ext: ext).utf8)), at: 0)
        }
        progress("writing \(files.count) files")
        try OutputFolder(url: folder).write(files, displayName: displayName)
        return files.map(\.path)
    }

    func index(_ parts: [Part], format: Format, ext: String) -> String {
        switch format {
        case .tex:
            return ""
        case .html:
            let items = parts.map { "<li><a href=\"\(Escape.html($0.name)).html\">\(Escape.html($0.report.title))</a></li>" }.joined(separator: "\n")
            return HTMLRenderer().render(Report(title: "Appendix", blocks: [.paragraph(methodsSentence())])).replacingOccurrences(
                of: "</body>", with: "<ul>\n\(items)\n</ul>\n</body>")
        case .md:
            return "# Appendix\n\n\(Escape.markdown(methodsSentence()))\n\n" + parts.map { "- [\(Escape.markdown($0.report.title))](\($0.name).md)" }.joined(separator: "\n") + "\n"
        case .txt:
            return "Appendix\n========\n\n\(methodsSentence())\n\n" + parts.map { "\($0.name).txt  \($0.report.title)" }.joined(separator: "\n") + "\n"
        }
    }

    func methodsSentence() -> String {
        "Generated by coda \(codaVersion) from the project \(project.root.lastPathComponent): \(project.documentIDs.count) documents, \(project.cases.count) cases, \(project.codebook.codes.count) codes, \(project.humanCodings.count) codings by \(project.coders.count) coder\(plural(project.coders.count))."
    }
}
