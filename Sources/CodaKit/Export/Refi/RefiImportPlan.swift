import Foundation

/// Everything a REFI-QDA import will write, gathered first so that nothing is written until every target has
/// been checked: new files must not exist yet, and memos are added to the memo files (new or existing).
struct RefiImportPlan {
    struct PlannedMemo {
        var target: Memo.Target
        var author: String
        var date: String
        var text: String
    }

    var files: [(path: String, text: String)] = []
    var memos: [PlannedMemo] = []

    /// Paths that already exist in the project, or are planned twice (in any letter case).
    func conflicts(in root: URL) -> [String] {
        var seen = Set<String>()
        var conflicts: [String] = []
        for file in files {
            if !seen.insert(file.path.lowercased()).inserted || FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path) {
                conflicts.append(file.path)
            }
        }
        return conflicts
    }

    /// Stops with the conflicts when a target exists, else writes everything; checked again under the project lock,
    /// so two imports at once cannot both pass the check. Returns the paths written, sorted.
    func commit(into root: URL, file: String) throws -> [String] {
        func check() throws {
            let conflicts = conflicts(in: root)
            if !conflicts.isEmpty { throw RefiImportError.conflicts(file: file, paths: conflicts) }
        }
        try check()
        return try FileLock.withLock(CodingStore(root: root).lockURL) {
            try check()
            return try write(into: root)
        }
    }

    /// Writes the files, then the memos; returns the paths written, sorted.
    private func write(into root: URL) throws -> [String] {
        var written: [String] = []
        for file in files {
            try AtomicFile.write(file.text, to: root.appendingPathComponent(file.path))
            written.append(file.path)
        }
        let store = MemoStore(root: root)
        for memo in memos {
            let path = try store.append(memo.text, to: memo.target, author: memo.author, date: memo.date)
            if !written.contains(path) { written.append(path) }
        }
        return written.sorted()
    }
}

/// Problems that stop a REFI-QDA import before anything is written.
enum RefiImportError: CodaError {
    case conflicts(file: String, paths: [String])
    case codesExist(file: String, paths: [String])
    case documentsExist(file: String, ids: [String])
    case noProjectFile(file: String, entries: [String])

    var diagnostic: Diagnostic {
        switch self {
        case let .conflicts(file, paths):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "the import would write \(paths.count) file\(plural(paths.count)) that already exist\(paths.count == 1 ? "s" : ""): "
                                + paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", …" : "") + "; nothing was imported",
                              hint: "import into an empty folder with `--project DIR`, or move those files away first")
        case let .codesExist(file, paths):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "the project's codebook already has \(paths.count) of the imported code\(plural(paths.count)): "
                                + paths.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (paths.count > 5 ? ", …" : "") + "; nothing was imported",
                              hint: "import into an empty folder with `--project DIR` and compare the codebooks there")
        case let .documentsExist(file, ids):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "the project already has document\(plural(ids.count)) " + ids.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
                                + (ids.count > 5 ? ", …" : "") + "; nothing was imported",
                              hint: "import into an empty folder with `--project DIR`, or rename the documents in the other tool")
        case let .noProjectFile(file, entries):
            return Diagnostic(.error, at: SourceLocation(file: file), "the archive holds no project.qde",
                              hint: entries.isEmpty ? "the archive is empty; export the project again"
                                : "a .qdpx holds project.qde and sources/; this one holds " + entries.prefix(5).joined(separator: ", "))
        }
    }
}
