import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Stages the files in a temporary folder in the project and moves them into place, then appends the memos;
    /// returns the paths written, sorted. A journal lists the files while they move (see `RefiImportJournal`); a
    /// file already there with the same text, or a memo already in its file, is not written again.
    private func write(into root: URL) throws -> [String] {
        let fm = FileManager.default
        TemporaryFiles.sweep(root)
        let staging = TemporaryFiles.name(for: root.appendingPathComponent("coda-import"))
        defer { try? fm.removeItem(at: staging) }
        let fresh = files.filter { !Self.holds(root, $0) }
        let journal = try RefiImportJournal.begin(root, files: fresh)
        defer { RefiImportJournal.end(journal) }
        var written: [String] = []
        for file in fresh {
            try AtomicFile.write(file.text, to: staging.appendingPathComponent(file.path))
            written.append(file.path)
        }
        for path in written {
            let target = root.appendingPathComponent(path)
            try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(staging.appendingPathComponent(path).path, target.path) != 0 {
                throw FileWriteError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
        let store = MemoStore(root: root)
        for memo in memos where !store.holds(memo.text, on: memo.target, author: memo.author, date: memo.date) {
            let path = try store.append(memo.text, to: memo.target, author: memo.author, date: memo.date)
            if !written.contains(path) { written.append(path) }
        }
        return written.sorted()
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
