import Foundation

/// Reads REFI-QDA codebooks (.qdc) and projects (.qdpx) into a Coda project. Lenient about the ways real tools
/// depart from the standard (each one is reported in `ImportOutcome.adjustments`), and all-or-nothing: every
/// target is checked before the first file is written, and no existing file is overwritten.
enum RefiImport {
    static func codebook(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
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
        let project = Project.load(root)
        if !options.newCodebook, let main = project.codebook.files.first {
            let mapper = RefiCodeMapper(nodes: nodes, file: main)
            return try merge(mapper, nodes: nodes, from: name, reader: reader, into: root, record: options.record)
        }
        var codebookPath = "\(Project.codebooksFolder)/\(RefiTranscriptFile.fileStem(title)).md"
        if options.newCodebook { codebookPath = unusedPath(codebookPath, in: root) }
        let mapper = RefiCodeMapper(nodes: nodes, file: codebookPath)
        try checkCodes(mapper.codes, against: project, file: name)
        var plan = RefiImportPlan()
        let origin = tree.attribute("origin").map { " (made by \($0))" } ?? ""
        let codebookText = CodebookWriter.render(title: title, intro: "Imported from `\(name)`\(origin).",
                                                 codes: mapper.codes)
        plan.files.append((codebookPath, codebookText))
        let parsed = CodebookParser(path: codebookPath).parse(codebookText).codes
        let identities = RefiProjectImport.codeIdentities(nodes, mapper: mapper, parsed: parsed)
        if !identities.isEmpty {
            let stem = (codebookPath as NSString).lastPathComponent.dropLast(3)
            plan.files.append(("\(RefiIdentities.folder)/\(stem)-refi-qda.tsv", RefiIdentities.render(identities)))
        }

        var outcome = ImportOutcome()
        outcome.summary.append(codeSummary(mapper.codes))
        outcome.adjustments = reader.adjustments + mapper.adjustments
        outcome.written = try plan.commit(into: root, file: name, record: options.record, summary: outcome.summary)
        return outcome
    }

    /// Merges the codes into the project's codebook files by name (see `RefiCodebookMerge`), under the project lock.
    /// The added codes' REFI-QDA identities go to `Exchange/`, as in a plain import.
    private static func merge(_ mapper: RefiCodeMapper, nodes: [RefiCodeNode], from name: String, reader: RefiReader,
                              into root: URL, record: ChangeLog.ImportRecord?) throws -> ImportOutcome {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            let merge = try RefiCodebookMerge(mapper.codes, into: Project.load(root).codebook, root: root)
            var changes = merge.edits.map { ProjectTransaction.Change(path: $0.path, bytes: Array($0.text.utf8)) }
            let addedPaths = Set(merge.added.map { $0.path.lowercased() })
            let parsed = merge.edits.flatMap { CodebookParser(path: $0.path).parse($0.text).codes }
                .filter { addedPaths.contains($0.path.lowercased()) }
            let identities = RefiProjectImport.codeIdentities(nodes, mapper: mapper, parsed: parsed)
            var written = merge.edits.map(\.path)
            if !identities.isEmpty {
                let stem = RefiTranscriptFile.fileStem((name as NSString).deletingPathExtension)
                let path = unusedPath("\(RefiIdentities.folder)/\(stem)-refi-qda.tsv", in: root)
                let text = RefiIdentities.render(identities)
                changes.append(ProjectTransaction.Change(path: path, bytes: Array(text.utf8)))
                written.append(path)
            }
            var outcome = ImportOutcome()
            outcome.summary.append(codeSummary(mapper.codes))
            let files = merge.edits.map(\.path).joined(separator: ", ")
            let added = merge.added.count
            outcome.summary.append("merged by code name: \(added) new code\(plural(added)) added"
                                   + (files.isEmpty ? "" : " to \(files)")
                                   + ", \(merge.kept.count) already in the project kept as \(merge.kept.count == 1 ? "it is" : "they are"), with every coding")
            outcome.adjustments = reader.adjustments + mapper.adjustments
            outcome.leftOut = merge.conflicts
            _ = try ImportCommit.run(changes, into: root, record: record, summary: outcome.summary)
            outcome.written = written
            return outcome
        }
    }

    /// `path`, or the same name with `-2`, `-3`, … before the extension when a file is there.
    static func unusedPath(_ path: String, in root: URL) -> String {
        let stem = (path as NSString).deletingPathExtension, ext = (path as NSString).pathExtension
        var candidate = path
        var counter = 1
        while FileManager.default.fileExists(atPath: root.appendingPathComponent(candidate).path) {
            counter += 1
            candidate = "\(stem)-\(counter).\(ext)"
        }
        return candidate
    }

    static func project(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        var importer = try RefiProjectImport(file: file, root: root, options: options)
        return try importer.run()
    }

    static func readFile(_ file: URL) throws -> [UInt8] {
        try ReaderLimits.checkSize(of: file, limit: ReaderLimits.exchangeFileBytes, file: file.path,
                                   what: "REFI-QDA files")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ImportError.unreadable(file: file.path, reason: "it cannot be opened")
        }
        return [UInt8](data)
    }

    /// Imported codes may not repeat codes the project already has: Coda would not know which one a coding means.
    /// Refuses codes the project's codebook has (in any file but `replacing`, which the import replaces).
    static func checkCodes(_ codes: [Code], against project: Project, file: String, replacing: String? = nil) throws {
        let clashes = codes.filter { code in
            project.codebook.code(path: code.path).map { $0.location.file != replacing } ?? false
        }.map(\.path)
        if !clashes.isEmpty { throw RefiImportError.codesExist(file: file, paths: clashes) }
    }

    static func codeSummary(_ codes: [Code]) -> String {
        let top = codes.filter { $0.depth == 1 }.count
        let depth = codes.map(\.depth).max() ?? 0
        return "\(codes.count) code\(plural(codes.count)) (\(top) top-level, \(depth) level\(plural(depth)) deep)"
    }
}
