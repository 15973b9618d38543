import Foundation

/// Reads REFI-QDA codebooks (.qdc) and projects (.qdpx) into a Coda project. Lenient about the ways real tools
/// depart from the standard (each one is reported in `ImportOutcome.adjustments`), and all-or-nothing: every
/// target is checked before the first file is written, and no existing file is overwritten.
enum RefiImport {
    static func codebook(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        try RefiImportJournal.rollBack(root)
        let name = file.lastPathComponent
        let bytes = try readFile(file)
        let tree = try RefiXMLTree.parse(bytes, file: name)
        var reader = RefiReader(file: name)
        try reader.checkRoot(tree, expected: "CodeBook", kind: "codebook")
        let nodes = reader.codes(in: tree)
        reader.noteSets(in: tree, of: "codes")
        reader.finish()
        guard !nodes.isEmpty else {
            throw ImportError.invalid(file: name, reason: "the codebook has no codes", hint: "export the codebook again from the other tool")
        }
        let title = file.deletingPathExtension().lastPathComponent
        let codebookPath = "\(Project.codebooksFolder)/\(RefiTranscriptFile.fileStem(title)).md"
        let mapper = RefiCodeMapper(nodes: nodes, file: codebookPath)
        try checkCodes(mapper.codes, against: Project.load(root), file: name)
        var plan = RefiImportPlan()
        let origin = tree.attribute("origin").map { " (made by \($0))" } ?? ""
        plan.files.append((codebookPath, CodebookWriter.render(title: title, intro: "Imported from `\(name)`\(origin).", codes: mapper.codes)))

        var outcome = ImportOutcome()
        outcome.summary.append(codeSummary(mapper.codes))
        outcome.adjustments = reader.adjustments + mapper.adjustments
        outcome.written = try plan.commit(into: root, file: name)
        return outcome
    }

    static func project(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        try RefiImportJournal.rollBack(root)
        var importer = try RefiProjectImport(file: file, root: root, options: options)
        return try importer.run()
    }

    static func readFile(_ file: URL) throws(ImportError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(file: file.path, reason: "it cannot be opened")
        }
        return [UInt8](data)
    }

    /// Imported codes may not repeat codes the project already has: Coda would not know which one a coding means.
    static func checkCodes(_ codes: [Code], against project: Project, file: String) throws {
        let clashes = codes.filter { project.codebook.code(path: $0.path) != nil }.map(\.path)
        if !clashes.isEmpty { throw RefiImportError.codesExist(file: file, paths: clashes) }
    }

    static func codeSummary(_ codes: [Code]) -> String {
        let top = codes.filter { $0.depth == 1 }.count
        let depth = codes.map(\.depth).max() ?? 0
        return "\(codes.count) code\(plural(codes.count)) (\(top) top-level, \(depth) level\(plural(depth)) deep)"
    }
}
