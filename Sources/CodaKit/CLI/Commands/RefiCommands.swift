import Foundation

extension CommandSpec {
    static let exportQDC = CommandSpec(
        name: "export qdc", summary: "write the codebook as a REFI-QDA codebook (.qdc) for other QDA tools",
        discussion: "Codes keep their hierarchy, names and colours; definition, include/exclude, examples, keywords and the memo go "
            + "into each code's description as `Field: value` lines. GUIDs are derived from the code paths, so the same codebook "
            + "always gives the same file. An existing file of that name is replaced.",
        arguments: [ArgumentSpec(name: "FILE", help: "the file to write, ending in .qdc")],
        examples: ["coda export qdc codebook.qdc"], group: .export
    ) { invocation in
        let (url, path) = try exportTarget(invocation, ext: "qdc")
        let project = try invocation.project()
        let text = try RefiCodebookExport.qdc(project.codebook, identities: RefiIdentities(root: project.root))
        try AtomicFile.write(text, to: url)
        let count = RefiCodebookExport.uniqueCodes(project.codebook).count
        invocation.console.line("wrote \(path): \(count) code\(plural(count))")
        return .success
    }

    static let exportQDPX = CommandSpec(
        name: "export qdpx", summary: "write the project as a REFI-QDA project (.qdpx) for other QDA tools",
        discussion: "The archive holds project.qde and one UTF-8 text file per document (transcripts and survey open questions), "
            + "exactly the text Coda codes, so every coding becomes a selection at the same code-point offsets. Coders become users, "
            + "case attributes become text variables, memos become notes. Each survey respondent is a case with "
            + "its answers as variables and a set describes the survey, so `coda import` rebuilds the same survey. "
            + "The same project always gives the same bytes. "
            + "Autocoding suggestions are not exported. An existing file of that name is replaced.",
        arguments: [ArgumentSpec(name: "FILE", help: "the file to write, ending in .qdpx")],
        examples: ["coda export qdpx study.qdpx"], group: .export
    ) { invocation in
        let (url, path) = try exportTarget(invocation, ext: "qdpx")
        let project = try invocation.project()
        let export = RefiProjectExport(project: project)
        try AtomicFile.write(try export.archive(fileName: path), to: url)
        let documents = project.documentsInOrder.count
        invocation.console.line("wrote \(path): \(RefiCodebookExport.uniqueCodes(project.codebook).count) codes, "
                                + "\(documents) document\(plural(documents)), \(export.codings.count) coding\(plural(export.codings.count)), "
                                + "\(export.users.names.count) user\(plural(export.users.names.count))")
        for note in export.notes { invocation.console.line("  note: " + note) }
        return .success
    }

    private static func exportTarget(_ invocation: Invocation, ext: String) throws -> (URL, String) {
        let path = invocation.argument("FILE") ?? ""
        guard path.lowercased().hasSuffix("." + ext) else { throw RefiExportError.badExtension(path: path, expected: ext) }
        return (resolvePath(path, from: invocation.console.currentDirectory), path)
    }
}
