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

    /// One file of the appendix, built only when it is written (ten thousand transcripts do not fit in memory
    /// as reports at once).
    struct Part {
        /// File name without extension, relative to the appendix folder (may include `03-transcripts/`).
        var name: String
        var title: String
        var build: () throws -> Report
        /// Files written beside the part, named with their extension (the large matrices as CSV).
        var extraFiles: [String] = []
        var buildExtras: () throws -> [(name: String, text: String)] = { [] }
    }

    /// Above this many cases, the case-by-case matrices go into CSV files beside the appendix rather than
    /// into printed tables, which would be thousands of columns wide.
    static let printableCases = 100
    /// The CSV files of the case-by-case matrices, for projects with more cases than print, after the number
    /// of the matrices part.
    static let caseCodeCSV = "case-code.csv", checklistCSV = "checklist.csv", frameworkCSV = "framework.csv"

    public var project: Project
    public var coder: String?
    /// The sections written, in this order.
    public var sections: [AppendixSection]
    /// The LaTeX engine the thesis uses, for `--format tex`: it decides the preamble written beside the appendix.
    public var engine = TeXEngine.pdflatex

    public init(project: Project, coder: String?, sections: [AppendixSection] = AppendixSection.standard) {
        self.project = project
        self.coder = coder
        self.sections = sections
    }

    /// Whether matrix cells carry their quotes (only HTML can fold them away).
    var quotesInCells = false

    /// The appendix's title: the study's title from `Project.md`, or plain "Appendix".
    var title: String { project.settings.title ?? "Appendix" }

    /// The parts of the appendix in the order of the index; transcripts are listed separately so they can be
    /// built on every core. Files are numbered in the order of the sections chosen.
    func parts() throws -> (before: [Part], transcripts: [(name: String, document: Transcript)], after: [Part]) {
        let project = self.project
        let coder = self.coder
        // What several parts draw on, worked out once, when the first part that needs it is built.
        var gatheredItems: [CodingFilter.Item]?
        func items() throws -> [CodingFilter.Item] {
            if let gatheredItems { return gatheredItems }
            let items = try CodingFilter(project: project, coder: coder, conditions: []).items()
            gatheredItems = items
            return items
        }
        var builtCaseCode: Matrix?
        func caseCode() throws -> Matrix {
            if let builtCaseCode { return builtCaseCode }
            let matrix = try MatrixBuilder.build(project, caseCodeOptions, items: items())
            builtCaseCode = matrix
            return matrix
        }
        var computedAgreements: [Agreement]?
        func agreements() -> [Agreement] {
            if let computedAgreements { return computedAgreements }
            let agreements = Agreement.everyPair(project)
            computedAgreements = agreements
            return agreements
        }
        var before: [Part] = [], after: [Part] = []
        var transcripts: [(name: String, document: Transcript)] = []
        var number = 0, seenTranscripts = false
        func add(_ slug: String, _ title: String, voiced: Bool = true, _ build: @escaping () throws -> Report) {
            number += 1
            let part = Part(name: String(format: "%02d-", number) + slug, title: title) {
                var report = try build()
                report.title = title
                return voiced ? AppendixVoice.thesis(report) : report
            }
            if seenTranscripts { after.append(part) } else { before.append(part) }
        }
        for section in sections {
            switch section {
            case .methods:
                add("methods", section.title) { try MethodsNote.report(project, coder: coder) }
            case .codebook:
                add("codebook", section.title) {
                    var codebook = CodebookReport.report(project.codebook)
                    codebook.blocks = [codebook.blocks[0], .table(ReviewPack.codebookTable(project.codebook))]
                        + codebookDetails()
                    return codebook
                }
            case .transcripts:
                number += 1
                let folder = String(format: "%02d-transcripts/", number)
                var names = Set<String>()
                for document in project.documentsInOrder {
                    var name = folder + document.id.fileSafe()
                    var n = 2
                    while !names.insert(name.lowercased()).inserted {
                        name = folder + document.id.fileSafe() + "-\(n)"
                        n += 1
                    }
                    transcripts.append((name, document))
                }
                seenTranscripts = true
            case .surveys:
                guard !project.surveys.isEmpty else { continue }
                add("survey", section.title) { try SurveyReport.report(project, question: nil, by: nil) }
                // Only the cross-tabulations the researcher chose (`crosstab:` lines), not every question by attribute.
                if project.surveys.contains(where: { !$0.crosstabs.isEmpty }) {
                    add("survey-crosstabs", "Survey cross-tabulations") { try SurveyReport.chosenCrosstabs(project) }
                }
            case .figures:
                add("figures", section.title) { try figures(caseCode: caseCode()) }
            case .matrices:
                let prefix = String(format: "%02d-", number + 1)
                add("matrices", section.title) { try matrices(items: items(), caseCode: caseCode, csvPrefix: prefix) }
                if tooManyCases {
                    var part = seenTranscripts ? after.removeLast() : before.removeLast()
                    part.extraFiles = [Appendix.caseCodeCSV, Appendix.checklistCSV, Appendix.frameworkCSV].map { prefix + $0 }
                    part.buildExtras = { try caseMatricesAsCSV(caseCode: caseCode(), prefix: prefix) }
                    if seenTranscripts { after.append(part) } else { before.append(part) }
                }
            case .memos:
                add("memos", section.title, voiced: false) { AppendixMemos.report(project, coder: coder) }
            case .conclusions:
                add("conclusions", section.title) {
                    var report = try ConclusionDraft.report(project, themes: [], by: [], coder: coder, items: items(),
                                                            agreements: agreements(), draft: false)
                    report.blocks.insert(.paragraph(Appendix.conclusionsIntroduction), at: 0)
                    return report
                }
            case .agreement:
                add("agreement", section.title) {
                    Report(title: section.title, blocks: AgreementReport.pairs(
                        agreements(), project: project, level: 1,
                        none: "No two coders coded the same documents: there is no inter-coder agreement to report."))
                }
            case .reviewNotes:
                add("review-notes", section.title, voiced: false) {
                    let notes = NoteStore(root: project.root).load()
                    return notes.isEmpty ? Report(title: section.title, blocks: [.paragraph("No review notes were written.")])
                        : ReviewNotesReport.report(notes, all: true)
                }
            }
        }
        return (before, transcripts, after)
    }

    static let conclusionsIntroduction = "For each theme (a top-level code of the codebook): how many cases it was "
        + "coded in, how groups of participants differ, exemplar quotes cited by document and segment, negative "
        + "cases, and checks of the evidence. Every number and quote was computed from the codings."

    /// The figures: the researcher's own (before/after displays and the tables in `Figures/`, each with its
    /// source), then the codings per code, from the chosen coder's codings.
    func figures(caseCode: Matrix) throws -> Report {
        var report = project.figures.isEmpty ? Report(title: AppendixSection.figures.title)
            : try FigureReport.appendix(project)
        guard let chart = MatrixReport.chart(caseCode) else { return report }
        let filter = try CodingFilter(project: project, coder: coder, conditions: [])
        report.blocks += [.chart(chart), .paragraph("Figure: codings per code, counted from \(filter.description).")]
        return report
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

    var tooManyCases: Bool { Set(project.transcripts.map(\.caseID)).count > Appendix.printableCases }

    /// The case-code matrix (cases × codes) of the chosen coder, which the figures, the matrices and the
    /// case matrices as CSV all draw on.
    var caseCodeOptions: MatrixOptions {
        var options = MatrixOptions(kind: .caseCode)
        options.coder = coder
        return options
    }

    /// The matrices, oriented so that codes are rows (narrow enough for a printed page), from the codings
    /// of the chosen coder.
    func matrices(items: [CodingFilter.Item], caseCode: () throws -> Matrix, csvPrefix: String) throws -> Report {
        var report = Report(title: "Display matrices")
        var framework: Matrix?
        for standard in StandardMatrix.all(for: project) {
            if tooManyCases && (standard == .caseCode || standard == .checklist) {
                if standard == .caseCode {
                    report.add(.paragraph("With \(Set(project.transcripts.map(\.caseID)).count) cases, the case-by-case matrices are too wide to print: they are in \(csvPrefix + Appendix.caseCodeCSV), \(csvPrefix + Appendix.checklistCSV) and \(csvPrefix + Appendix.frameworkCSV) beside this file."))
                }
                continue
            }
            var options = standard.options
            options.coder = coder
            let matrix: Matrix
            if standard == .caseCode {
                framework = try caseCode()
                matrix = MatrixBuilder.turned(try caseCode(), options: caseCodeOptions)
            } else {
                matrix = try MatrixBuilder.build(project, options, items: options.kind == .codeCoder ? nil : items)
            }
            var blocks = MatrixReport.report(matrix, cell: .count, project: project, thresholds: options.thresholds,
                                             quotesInCells: quotesInCells, json: false).blocks
            blocks.removeAll { if case .chart = $0 { return true } else { return false } }
            report.blocks += [.heading(standard.title, level: 1)] + blocks
        }
        // The framework matrix has the cells of the case-code one (cases × codes); only how they are shown differs.
        if let framework {
            report.blocks += [.heading("Framework", level: 1)] + FrameworkList.blocks(framework, project: project)
        }
        return report
    }

    /// The case-by-case matrices as CSV, for projects with too many cases to print them.
    func caseMatricesAsCSV(caseCode: Matrix, prefix: String) throws -> [(name: String, text: String)] {
        let options = caseCodeOptions
        // The checklist is the case-code matrix turned (codes × cases), the framework the same cells with summaries.
        let framework = Report(title: "Framework", blocks: FrameworkList.blocks(caseCode, project: project))
        let marks = { (n: Int) -> String in
            n >= options.thresholds[2] ? "+++" : n >= options.thresholds[1] ? "++" : n >= options.thresholds[0] ? "+" : ""
        }
        return [
            (prefix + Appendix.caseCodeCSV, countsCSV(caseCode) { String($0) }),
            (prefix + Appendix.checklistCSV, countsCSV(caseCode.transposed(), marks)),
            (prefix + Appendix.frameworkCSV, DelimitedRenderer(separator: ",").render(framework)),
        ]
    }

    /// A matrix's cells straight to CSV, without building a table of millions of cells first.
    func countsCSV(_ matrix: Matrix, _ text: (Int) -> String) -> String {
        func field(_ s: String) -> String { Escape.delimitedField(s, separator: ",") }
        var out = ([matrix.rows.title] + matrix.columns.labels).map(field).joined(separator: ",") + "\n"
        out.reserveCapacity(matrix.rows.labels.count * (matrix.columns.labels.count * 2 + 20))
        for r in matrix.rows.labels.indices {
            out += field(matrix.rows.labels[r])
            for c in matrix.columns.labels.indices {
                out += ","
                out += text(matrix.count(r, c))
            }
            out += "\n"
        }
        return out
    }

    /// Writes the appendix into `folder` in one format, part by part; returns its files and how many of them
    /// already held the same bytes and were left as they were. `warn` hears of what the chosen LaTeX engine
    /// cannot typeset.
    public func write(to folder: URL, format: Format, displayName: String, progress: (String) -> Void = { _ in },
                      warn: (String) -> Void = { _ in }) throws -> Written {
        try OutputFolder.building(folder) { target in
            try writeParts(to: target, format: format, displayName: displayName, progress: progress, warn: warn)
        }
    }

    private func writeParts(to folder: URL, format: Format, displayName: String, progress: (String) -> Void,
                            warn: (String) -> Void) throws -> Written {
        var appendix = self
        appendix.quotesInCells = format == .html
        let (before, transcripts, after) = try appendix.parts()
        let ext = format.rawValue
        let renderer = format.output.renderer(width: 100)
        let indexName = format == .tex ? "appendix.tex" : "index." + ext
        let paths = [indexName] + (before.map(\.name) + transcripts.map(\.name) + after.map(\.name)).map { $0 + "." + ext }
            + (before + after).flatMap(\.extraFiles) + (format == .tex ? [Appendix.preambleFile] : [])
        let output = OutputFolder(url: folder, kind: format.rawValue)
        let previous = try output.prepare(paths, displayName: displayName)
        // LaTeX: one file that holds everything, so `\input{path/appendix}` works from any folder; the parts stay too.
        var whole = "% Appendix generated by coda for \(engine.rawValue): \\input this folder's preamble.tex in the thesis's "
            + "preamble, and this file (appendix.tex) where the appendix goes.\n"
        var first = true
        var unchanged = 0
        func write(_ name: String, _ rendered: String) throws {
            let text = format == .html ? Appendix.adding(Appendix.phoneStyle, to: rendered) : rendered
            let url = folder.appendingPathComponent(name + "." + ext)
            if try !OutputFolder.writeUnlessSame(text, to: url) { unchanged += 1 }
            if format == .tex { whole += (first ? "" : "\n\\clearpage\n") + text }
            first = false
        }
        func write(_ part: Part) throws {
            progress(part.title.lowercased())
            try write(part.name, renderer.render(try part.build()))
            for extra in try part.buildExtras() {
                let url = folder.appendingPathComponent(extra.name)
                if try !OutputFolder.writeUnlessSame(extra.text, to: url) { unchanged += 1 }
            }
        }
        for part in before { try write(part) }
        // Transcripts: grouped codings once, then rendered on every core, a chunk at a time.
        let (byDocument, chosenCoder) = try codingsByDocument()
        let project = self.project
        for start in stride(from: 0, to: transcripts.count, by: 200) {
            let chunk = Array(transcripts[start..<min(transcripts.count, start + 200)])
            progress("transcripts \(start + 1)-\(start + chunk.count) of \(transcripts.count)")
            let texts = chunk.map { $0.document }.parallelMap { document in
                renderer.render(CodedTranscript.report(project, document: document, codings: byDocument[document.id] ?? [], coder: chosenCoder))
            }
            for (item, text) in zip(chunk, texts) { try write(item.name, text) }
        }
        for part in after { try write(part) }
        let titles = before.map { ($0.name, $0.title) }
            + transcripts.map { ($0.name, $0.document.appendixTitle) }
            + after.map { ($0.name, $0.title) }
        let index = format == .tex ? whole : index(titles, format: format)
        try AtomicFile.write(format == .html ? Appendix.adding(Appendix.phoneStyle, to: index) : index,
                             to: folder.appendingPathComponent(indexName))
        if format == .tex {
            let preamble = engine.preamble(scripts: TeXScript.present(in: whole))
            try AtomicFile.write(preamble, to: folder.appendingPathComponent(Appendix.preambleFile))
            let beyond = engine == .pdflatex ? TeXEngine.beyondPDFLaTeX(whole) : []
            if !beyond.isEmpty {
                warn("the appendix holds characters pdflatex cannot typeset (" + beyond.map { String($0) }.joined(separator: " ")
                     + "): export with `--engine xelatex` or `--engine lualatex`")
            }
            if engine != .pdflatex, let warning = engine.uncoveredWarning(whole) { warn(warning) }
        }
        try output.finish(paths, previous: previous)
        return Written(files: paths, unchanged: unchanged)
    }

    /// The preamble lines for the chosen engine, beside `appendix.tex`.
    static let preambleFile = "preamble.tex"

    func index(_ parts: [(name: String, title: String)], format: Format) -> String {
        switch format {
        case .tex:
            return ""
        case .html:
            let items = parts.map { "<li><a href=\"\(Escape.html($0.name)).html\">\(Escape.html($0.title))</a></li>" }.joined(separator: "\n")
            return HTMLRenderer().render(Report(title: title, blocks: [.paragraph(methodsSentence())])).replacingOccurrences(
                of: "</body>", with: "<ul>\n\(items)\n</ul>\n</body>")
        case .md:
            return "# \(Escape.markdown(title))\n\n\(Escape.markdown(methodsSentence()))\n\n" + parts.map { "- [\(Escape.markdown($0.title))](\($0.name).md)" }.joined(separator: "\n") + "\n"
        case .txt:
            return "\(title)\n\(String(repeating: "=", count: title.count))\n\n\(methodsSentence())\n\n"
                + parts.map { "\($0.name).txt  \($0.title)" }.joined(separator: "\n") + "\n"
        }
    }

    /// What the appendix documents, in one sentence: the material, the codebook and who coded.
    func methodsSentence() -> String {
        let coders = project.coders.count
        var material = [project.interviewsPhrase]
        for survey in project.surveys {
            material.append("a survey (\(survey.id)) with \(survey.respondents.count) respondent\(plural(survey.respondents.count))")
        }
        return "This appendix documents the qualitative analysis of \(material.joined(separator: " and ")): "
            + "\(project.cases.count) case\(plural(project.cases.count)), coded with \(project.codebook.codes.count) "
            + "code\(plural(project.codebook.codes.count)) in \(project.humanCodings.count) coding\(plural(project.humanCodings.count)) "
            + "by \(coders) coder\(plural(coders)). The analysis was done with Coda \(codaVersion)."
    }
}
