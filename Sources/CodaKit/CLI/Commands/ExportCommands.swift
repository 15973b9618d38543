extension CommandSpec {
    static let exportAppendix = CommandSpec(
        name: "export appendix", summary: "write the whole analysis as a thesis appendix (Markdown, HTML, LaTeX or text)",
        discussion: "One run writes an index, a methods note with the counts, the codebook, each transcript with numbered segments and "
            + "the codes beside them, survey frequency tables and cross-tabs, the matrices, the conclusion drafts and agreement. "
            + "The same project gives byte-identical files. Coda overwrites only the files it wrote in the folder before. "
            + "LaTeX: \\input{DIR/preamble} in the thesis's preamble, \\input{DIR/appendix} where the appendix goes; "
            + "for other scripts than Latin and emoji, --engine xelatex (or lualatex): the preamble picks fonts. "
            + "The title is the one in Project.md. `--sections` chooses the parts and their order; the default is "
            + AppendixSection.standard.map(\.rawValue).joined(separator: ",") + " (also: figures, review-notes).",
        arguments: [ArgumentSpec(name: "DIR", help: "the folder (default: Appendix/ in the project)", optional: true)],
        options: [OptionSpec(name: "format", valueName: "FORMAT", help: "md (default), html, tex or txt; each format keeps its own files", choices: Appendix.Format.allCases.map(\.rawValue)),
                  OptionSpec(name: "coder", valueName: "NAME", help: "whose codings (default: the main coder; `all` for everyone)"),
                  OptionSpec(name: "engine", valueName: "ENGINE",
                             help: "with --format tex: pdflatex (default; Latin text), xelatex or lualatex (any script, emoji)",
                             choices: TeXEngine.allCases.map(\.rawValue)),
                  OptionSpec(name: "single-file", valueName: nil,
                             help: "one HTML page, appendix.html, with a table of contents and print styles"),
                  OptionSpec(name: "sections", valueName: "LIST",
                             help: "the parts, in order, separated by commas: "
                                + AppendixSection.allCases.map(\.rawValue).joined(separator: ", "))],
        examples: ["coda export appendix", "coda export appendix thesis/appendix --format tex", "coda export appendix --format html", "coda export appendix --format html --single-file",
                   "coda export appendix --sections methods,codebook,matrices,memos"],
        group: .export
    ) { invocation in
        let project = try invocation.project()
        let format = invocation.option("format").flatMap(Appendix.Format.init(rawValue:)) ?? .md
        let name = invocation.argument("DIR") ?? "Appendix"
        invocation.warnAboutUnreadableFiles()
        let folder = invocation.argument("DIR").map { resolvePath($0, from: invocation.console.currentDirectory) }
            ?? project.root.appendingPathComponent("Appendix")
        let sections = try invocation.option("sections").map(AppendixSection.parse) ?? AppendixSection.standard
        var appendix = Appendix(project: project, coder: invocation.option("coder"), sections: sections)
        if let engine = invocation.option("engine").flatMap(TeXEngine.init(rawValue:)) {
            guard format == .tex else { throw UsageError.conflicting("--engine", "--format \(format.rawValue)") }
            appendix.engine = engine
        }
        if invocation.flag("single-file") {
            guard format == .html || invocation.option("format") == nil else { throw UsageError.conflicting("--single-file", "--format \(format.rawValue)") }
            let files = try appendix.writeSingleHTML(to: folder, displayName: name) { invocation.console.progress("appendix: \($0)") }
            invocation.console.line("wrote \(name)/\(files[0]): the whole appendix in one page, to email or print")
            return .success
        }
        var warned = false
        let written = try appendix.write(to: folder, format: format, displayName: name,
                                         progress: { invocation.console.progress("appendix: \($0)") },
                                         warn: { invocation.console.errorLine("warning: " + $0); warned = true })
        invocation.console.line(written.summary(folder: name, format: format))
        return warned ? .problemsFound : .success
    }
}
