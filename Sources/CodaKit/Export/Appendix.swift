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
    /// The CSV files of the case-by-case matrices, for projects with more cases than print.
    static let caseCodeCSV = "06-case-code.csv", checklistCSV = "06-checklist.csv", frameworkCSV = "06-framework.csv"

    public var project: Project
    public var coder: String?

    public init(project: Project, coder: String?) {
        self.project = project
        self.coder = coder
    }

    /// Whether matrix cells carry their quotes (only HTML can fold them away).
    var quotesInCells = false

    /// The parts of the appendix in the order of the index; transcripts are listed separately so they can be
    /// built on every core.
    func parts() throws -> (before: [Part], transcripts: [(name: String, document: Transcript)], after: [Part]) {
        let project = self.project
        let coder = self.coder
        var before: [Part] = [Part(name: "01-methods", title: "Methods note") { try MethodsNote.report(project, coder: coder) }]
        before.append(Part(name: "02-codebook", title: "Codebook") {
            var codebook = CodebookReport.report(project.codebook)
            codebook.blocks = [codebook.blocks[0], .table(ReviewPack.codebookTable(project.codebook))] + codebookDetails()
            codebook.title = "Codebook"
            return codebook
        })
        var names = Set<String>()
        var transcripts: [(name: String, document: Transcript)] = []
        for document in project.documentsInOrder {
            var name = "03-transcripts/" + document.id.fileSafe()
            var n = 2
            while !names.insert(name.lowercased()).inserted { name = "03-transcripts/" + document.id.fileSafe() + "-\(n)"; n += 1 }
            transcripts.append((name, document))
        }
        // What several parts draw on, worked out once, when the first part that needs it is built.
        var gatheredItems: [CodingFilter.Item]?
        func items() throws -> [CodingFilter.Item] {
            if let gatheredItems { return gatheredItems }
            let items = try CodingFilter(project: project, coder: coder, conditions: []).items()
            gatheredItems = items
            return items
        }
        var computedAgreements: [Agreement]?
        func agreements() -> [Agreement] {
            if let computedAgreements { return computedAgreements }
            let agreements = Agreement.everyPair(project)
            computedAgreements = agreements
            return agreements
        }
        var after: [Part] = []
        if !project.surveys.isEmpty {
            after.append(Part(name: "04-survey", title: "Survey frequency tables") {
                var survey = try SurveyReport.report(project, question: nil, by: nil)
                survey.title = "Survey frequency tables"
                return survey
            })
            let hasCrossTabs = project.surveys.contains { s in s.columns.contains { $0.kind == .closed } && s.columns.contains { $0.kind == .attribute } }
            if hasCrossTabs {
                after.append(Part(name: "05-survey-crosstabs", title: "Survey cross-tabulations") {
                    var crossTabs = Report(title: "Survey cross-tabulations")
                    for s in project.surveys {
                        let attributes = s.columns.filter { $0.kind == .attribute }
                        for q in s.columns where q.kind == .closed {
                            for a in attributes {
                                crossTabs.blocks += try SurveyReport.report(project, question: "\(s.id):\(q.key)", by: a.key).blocks
                            }
                        }
                    }
                    return crossTabs
                })
            }
        }
        var matricesPart = Part(name: "06-matrices", title: "Display matrices") { try matrices(items: items()) }
        if tooManyCases {
            matricesPart.extraFiles = [Appendix.caseCodeCSV, Appendix.checklistCSV, Appendix.frameworkCSV]
            matricesPart.buildExtras = { try caseMatricesAsCSV(items: items()) }
        }
        after.append(matricesPart)
        after.append(Part(name: "07-conclusions", title: "Conclusion drafts") {
            try ConclusionDraft.report(project, themes: [], by: [], coder: coder, items: items(), agreements: agreements())
        })
        after.append(Part(name: "08-agreement", title: "Inter-coder agreement") {
            Report(title: "Inter-coder agreement", blocks: AgreementReport.pairs(
                agreements(), project: project, level: 1, none: "Only one coder has coded documents in common with another: no agreement to report."))
        })
        return (before, transcripts, after)
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

    /// The matrices, oriented so that codes are rows (narrow enough for a printed page), from the codings
    /// of the chosen coder.
    func matrices(items: [CodingFilter.Item]) throws -> Report {
        var report = Report(title: "Display matrices")
        var caseCode: Matrix?
        for standard in StandardMatrix.all(for: project) {
            if tooManyCases && (standard == .caseCode || standard == .checklist) {
                if standard == .caseCode {
                    report.add(.paragraph("With \(Set(project.transcripts.map(\.caseID)).count) cases, the case-by-case matrices are too wide to print: they are in \(Appendix.caseCodeCSV), \(Appendix.checklistCSV) and \(Appendix.frameworkCSV) beside this file."))
                }
                continue
            }
            var options = standard.options
            options.coder = coder
            let matrix = try MatrixBuilder.build(project, options, items: options.kind == .codeCoder ? nil : items)
            if standard == .caseCode { caseCode = matrix }
            var blocks = MatrixReport.report(matrix, cell: .count, project: project, thresholds: options.thresholds,
                                             quotesInCells: quotesInCells, json: false).blocks
            blocks.removeAll { if case .chart = $0 { return true } else { return false } }
            report.blocks += [.heading(standard.title, level: 1)] + blocks
        }
        // The framework matrix has the cells of the case-code one (cases × codes); only how they are shown differs.
        if let caseCode { report.blocks += [.heading("Framework", level: 1)] + FrameworkList.blocks(caseCode.transposed(), project: project) }
        return report
    }

    /// The case-by-case matrices as CSV, for projects with too many cases to print them.
    func caseMatricesAsCSV(items: [CodingFilter.Item]) throws -> [(name: String, text: String)] {
        var options = MatrixOptions(kind: .caseCode)
        options.coder = coder
        let caseCode = try MatrixBuilder.build(project, options, items: items)
        // The checklist is the case-code matrix turned (codes × cases), the framework the same cells with summaries.
        let framework = Report(title: "Framework", blocks: FrameworkList.blocks(caseCode, project: project))
        let marks = { (n: Int) -> String in
            n >= options.thresholds[2] ? "+++" : n >= options.thresholds[1] ? "++" : n >= options.thresholds[0] ? "+" : ""
        }
        return [
            (Appendix.caseCodeCSV, countsCSV(caseCode) { String($0) }),
            (Appendix.checklistCSV, countsCSV(caseCode.transposed(), marks)),
            (Appendix.frameworkCSV, DelimitedRenderer(separator: ",").render(framework)),
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

    /// Writes the appendix into `folder` in one format, part by part; returns the files written.
    public func write(to folder: URL, format: Format, displayName: String, progress: (String) -> Void = { _ in }) throws -> [String] {
        try OutputFolder.building(folder) { target in
            try writeParts(to: target, format: format, displayName: displayName, progress: progress)
        }
    }

    private func writeParts(to folder: URL, format: Format, displayName: String, progress: (String) -> Void) throws -> [String] {
        var appendix = self
        appendix.quotesInCells = format == .html
        let (before, transcripts, after) = try appendix.parts()
        let ext = format.rawValue
        let renderer = format.output.renderer(width: 100)
        let indexName = format == .tex ? "appendix.tex" : "index." + ext
        let paths = [indexName] + (before.map(\.name) + transcripts.map(\.name) + after.map(\.name)).map { $0 + "." + ext }
            + after.flatMap(\.extraFiles)
        let output = OutputFolder(url: folder, kind: format.rawValue)
        let previous = try output.prepare(paths, displayName: displayName)
        // LaTeX: one file that holds everything, so `\input{path/appendix}` works from any folder; the parts stay too.
        var whole = "% Appendix generated by coda: \\input{appendix} from your thesis, with \\usepackage{booktabs,longtable}.\n"
        var first = true
        func write(_ name: String, _ text: String) throws {
            try AtomicFile.write(text, to: folder.appendingPathComponent(name + "." + ext), durable: false)
            if format == .tex { whole += (first ? "" : "\n\\clearpage\n") + text }
            first = false
        }
        for part in before {
            progress(part.title.lowercased())
            try write(part.name, renderer.render(try part.build()))
        }
        // Transcripts: grouped codings once, then rendered on every core, a chunk at a time.
        let filter = try CodingFilter(project: project, coder: coder, conditions: [])
        let chosen = project.humanCodings.filter { c in filter.coder.map { c.coder.lowercased() == $0.lowercased() } ?? true }
        let byDocument = Dictionary(grouping: chosen, by: \.document)
        let project = self.project
        let chosenCoder = filter.coder
        for start in stride(from: 0, to: transcripts.count, by: 200) {
            let chunk = Array(transcripts[start..<min(transcripts.count, start + 200)])
            progress("transcripts \(start + 1)-\(start + chunk.count) of \(transcripts.count)")
            let texts = chunk.map { $0.document }.parallelMap { document in
                renderer.render(CodedTranscript.report(project, document: document, codings: byDocument[document.id] ?? [], coder: chosenCoder))
            }
            for (item, text) in zip(chunk, texts) { try write(item.name, text) }
        }
        for part in after {
            progress(part.title.lowercased())
            try write(part.name, renderer.render(try part.build()))
            for extra in try part.buildExtras() { try AtomicFile.write(extra.text, to: folder.appendingPathComponent(extra.name), durable: false) }
        }
        let titles = before.map { ($0.name, $0.title) }
            + transcripts.map { ($0.name, ($0.document.id.contains(":") ? "Survey answers " : "Transcript ") + $0.document.id) }
            + after.map { ($0.name, $0.title) }
        try AtomicFile.write(format == .tex ? whole : index(titles, format: format), to: folder.appendingPathComponent(indexName))
        try output.finish(paths, previous: previous)
        return paths
    }

    func index(_ parts: [(name: String, title: String)], format: Format) -> String {
        switch format {
        case .tex:
            return ""
        case .html:
            let items = parts.map { "<li><a href=\"\(Escape.html($0.name)).html\">\(Escape.html($0.title))</a></li>" }.joined(separator: "\n")
            return HTMLRenderer().render(Report(title: "Appendix", blocks: [.paragraph(methodsSentence())])).replacingOccurrences(
                of: "</body>", with: "<ul>\n\(items)\n</ul>\n</body>")
        case .md:
            return "# Appendix\n\n\(Escape.markdown(methodsSentence()))\n\n" + parts.map { "- [\(Escape.markdown($0.title))](\($0.name).md)" }.joined(separator: "\n") + "\n"
        case .txt:
            return "Appendix\n========\n\n\(methodsSentence())\n\n" + parts.map { "\($0.name).txt  \($0.title)" }.joined(separator: "\n") + "\n"
        }
    }

    func methodsSentence() -> String {
        "Generated by coda \(codaVersion) from the project \(project.root.lastPathComponent): \(project.documentIDs.count) documents, \(project.cases.count) cases, \(project.codebook.codes.count) codes, \(project.humanCodings.count) codings by \(project.coders.count) coder\(plural(project.coders.count))."
    }
}
