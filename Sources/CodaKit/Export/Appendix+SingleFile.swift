import Foundation

extension Appendix {
    /// The single-file HTML appendix's name in its folder.
    static let singleFileName = "appendix.html"

    /// Print styles of the single file: each part on a new page, tables kept whole where they fit.
    static let singleFilePrintStyle = """
    nav ul{columns:2;font-size:.92rem}body>h2{margin-top:3rem;border-top:1px solid #ddd;padding-top:1rem}
    @media print{body{max-width:none;margin:0}body>h2{break-before:page;border-top:none}nav{break-after:page}
    tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
    @media (max-width:40rem){nav ul{columns:1}}
    """ + "\n" + phoneStyle

    /// Every HTML page of the appendix on a phone: a table wider than the screen scrolls in its own box
    /// instead of widening the page.
    static let phoneStyle = """
    @media (max-width:40rem){body{margin:1rem auto}
    table{font-size:.8rem;display:block;overflow-x:auto;max-width:100%}td:first-child{white-space:normal}}
    """

    /// An HTML page with `style` added at the end of its stylesheet.
    static func adding(_ style: String, to html: String) -> String {
        html.replacingOccurrences(of: "</style>", with: style + "\n</style>")
    }

    /// Every part of the appendix in one HTML page with a table of contents, for emailing to a supervisor:
    /// the styles are inline and nothing is loaded from outside. Returns the file written.
    public func writeSingleHTML(to folder: URL, displayName: String,
                                progress: (String) -> Void = { _ in }) throws -> [String] {
        var appendix = self
        appendix.quotesInCells = true
        let (before, transcripts, after) = try appendix.parts()
        var sections: [(title: String, report: () throws -> Report)] = before.map { part in (part.title, part.build) }
        let grouped = try codingsByDocument()
        let project = self.project
        for item in transcripts {
            sections.append((item.document.appendixTitle, {
                CodedTranscript.report(project, document: item.document,
                                       codings: grouped.byDocument[item.document.id] ?? [], coder: grouped.coder)
            }))
        }
        sections += after.map { part in (part.title, part.build) }
        var page = Report(title: title, blocks: [.paragraph(methodsSentence()), .contents(sections.map(\.title))])
        for section in sections {
            progress(section.title)
            let report = try section.report()
            page.blocks.append(.heading(section.title, level: 1))
            page.blocks += report.blocks.map { block in
                if case let .heading(text, level) = block { return .heading(text, level: level + 1) }
                return block
            }
        }
        let html = Appendix.adding(Appendix.singleFilePrintStyle, to: HTMLRenderer().render(page))
        // Like `write`: a new folder is built as a temporary beside it and renamed into place.
        return try OutputFolder.building(folder) { target in
            let output = OutputFolder(url: target, kind: "html-single")
            let paths = [Appendix.singleFileName]
            let previous = try output.prepare(paths, displayName: displayName)
            try AtomicFile.write(html, to: target.appendingPathComponent(Appendix.singleFileName))
            try output.finish(paths, previous: previous)
            return paths
        }
    }

    /// The chosen coder's codings by document (all coders' when `--coder all`), grouped once for every transcript.
    func codingsByDocument() throws -> (byDocument: [String: [Coding]], coder: String?) {
        let filter = try CodingFilter(project: project, coder: coder, conditions: [])
        let chosen = project.humanCodings.filter { c in
            filter.coder.map { c.coder.lowercased() == $0.lowercased() } ?? true
        }
        return (Dictionary(grouping: chosen, by: \.document), filter.coder)
    }
}
