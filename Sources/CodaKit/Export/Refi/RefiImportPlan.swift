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
    /// Files the import may replace while they still hold exactly this text (the untouched example codebook).
    var replaceable: [String: String] = [:]

    /// Paths that already exist in the project, or are planned twice (in any letter case).
    func conflicts(in root: URL) -> [String] {
        var seen = Set<String>()
        var conflicts: [String] = []
        for file in files {
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path)
            let replaceable = replaceable[file.path].map { Self.holds(root, (file.path, $0)) } ?? false
            if !seen.insert(file.path.lowercased()).inserted || (exists && !Self.holds(root, file) && !replaceable) {
                conflicts.append(file.path)
            }
        }
        return conflicts
    }

    /// Stops with the conflicts when a target exists, else writes everything; checked again under the project lock,
    /// so two imports at once cannot both pass the check. Returns the paths written, sorted.
    func commit(into root: URL, file: String, record: ChangeLog.ImportRecord?, summary: [String]) throws -> [String] {
        func check() throws {
            let conflicts = conflicts(in: root)
            if !conflicts.isEmpty { throw RefiImportError.conflicts(file: file, paths: conflicts) }
        }
        try check()
        return try FileLock.withLock(CodingStore(root: root).lockURL) {
            try check()
            TemporaryFiles.sweep(root)
            return try ImportCommit.run(try changes(in: root), into: root, record: record, summary: summary)
        }
    }

    /// The files to write, with the memos added to their files: a file already there with the same text, or a
    /// memo already in its file, is not written again.
    private func changes(in root: URL) throws -> [ProjectTransaction.Change] {
        let planned = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        let store = MemoStore(root: root)
        var memoFiles: [String: String] = [:]
        for memo in memos where !store.holds(memo.text, on: memo.target, author: memo.author, date: memo.date) {
            let path = memo.target.path
            let existing = try memoFiles[path] ?? planned[path]
                ?? ProjectLoader.textIfPresent(of: root.appendingPathComponent(path), path: path) ?? ""
            memoFiles[path] = MemoStore.appending(memo.text, to: existing, on: memo.target, author: memo.author,
                                                  date: memo.date)
        }
        // A file that gets memos is written once, with them.
        let changes = files.filter { memoFiles[$0.path] == nil && !Self.holds(root, $0) }
            .map { ProjectTransaction.Change(path: $0.path, bytes: Array($0.text.utf8)) }
        return changes + memoFiles.sorted { $0.key < $1.key }
            .map { ProjectTransaction.Change(path: $0.key, bytes: Array($0.value.utf8)) }
    }

    /// True when the project already has `file` with exactly this text.
    static func holds(_ root: URL, _ file: (path: String, text: String)) -> Bool {
        FileManager.default.contents(atPath: root.appendingPathComponent(file.path).path) == Data(file.text.utf8)
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
