import Foundation

/// `coda undo`: puts back the files of the calling coder's last change that is not undone yet (imports aside),
/// all at once (a rename's codebook and codings together), and records the undo. Refused when a later change
/// touched the same files, so an undo never throws away work done since.
enum ChangeUndo {
    struct Outcome {
        var undone: ChangeLog.Entry
        var files: [String]
    }

    static func undoLast(root: URL, coder: String, time: String) throws -> Outcome {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            // A change killed before its log line is logged first, so it is the one undone.
            try ProjectTransaction.recoverLocked(root: root)
            let transaction = ProjectTransaction(root: root)
            let log = ChangeLog(root: root)
            let entries = log.entries()
            let undone = Set(entries.map(\.undoes).filter { !$0.isEmpty })
            guard let index = entries.lastIndex(where: {
                $0.coder.lowercased() == coder.fileSafe().lowercased() && !["undo", "import"].contains($0.action)
                    && !undone.contains($0.id)
            }) else { throw ChangeLogError.nothingToUndo(coder: coder) }
            let last = entries[index]
            let files = try log.undoFiles(id: last.id)
            guard !files.isEmpty else { throw ChangeLogError.noSavedFiles(entry: last) }
            var changedSince: [String] = []
            var before: [String: [UInt8]?] = [:]
            var after: [String: [UInt8]?] = [:]
            for file in files {
                let url = root.appendingPathComponent(file.path)
                let now = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
                if ChangeLog.fingerprint(now) != file.after { changedSince.append(file.path) }
                before.updateValue(now, forKey: file.path)
                after.updateValue(file.before, forKey: file.path)
            }
            guard changedSince.isEmpty else {
                // Later changes by anyone that touched the same files (same-second changes of others included).
                let later = entries.filter { other in
                    other.id != last.id && other.time >= last.time && !undone.contains(other.id)
                        && other.action != "undo"
                        && ((try? log.undoFiles(id: other.id)) ?? []).contains { changedSince.contains($0.path) }
                }
                throw ChangeLogError.changedSince(entry: last, paths: changedSince, later: later)
            }
            let entry = ChangeLog.Entry(time: time, id: ChangeLog.newID(time: time), coder: last.coder, action: "undo",
                                        codes: last.codes, documents: last.documents,
                                        summary: "undid \(last.action): \(last.summary)", undoes: last.id)
            let restore = files.map { ProjectTransaction.Change(path: $0.path, bytes: $0.before) }
            try transaction.commit(restore + log.changes(appending: entry, before: before, after: after))
            return Outcome(undone: last, files: files.map(\.path))
        }
    }
}

/// Problems with the change log and `coda undo`.
public enum ChangeLogError: CodaError {
    case nothingToUndo(coder: String)
    case noSavedFiles(entry: ChangeLog.Entry)
    case changedSince(entry: ChangeLog.Entry, paths: [String], later: [ChangeLog.Entry])
    case undoCopyCutShort(path: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .nothingToUndo(let coder):
            return Diagnostic(.error, at: nil, "\(coder) has no change left to undo",
                              hint: "`coda log --coder \(coder)` lists your changes")
        case .noSavedFiles(let entry):
            return Diagnostic(.error, at: nil, "change \(entry.id) (\(entry.action): \(entry.summary)) kept no "
                + "copy of its files",
                              hint: entry.action == "import"
                                ? "an import keeps no copy; remove what it wrote, or restore the files from git"
                                : "its file Changes/undo/\(entry.id).tsv is missing; restore it from git to undo")
        case .undoCopyCutShort(let path):
            return Diagnostic(.error, at: nil, "\(path), the saved copy of the files before this change, is cut "
                + "short, so undoing it would lose codings",
                              hint: "restore \(path) from git, or put the files back by hand with `git diff`")
        case let .changedSince(entry, paths, later):
            let others = later.map { "\($0.coder) \($0.action) (\($0.time))" }
            return Diagnostic(.error, at: nil,
                              "cannot undo \(entry.action) (\(entry.summary)): "
                                + paths.prefix(3).joined(separator: ", ")
                                + (paths.count > 3 ? " and \(paths.count - 3) more files" : "") + " changed after it",
                              hint: others.isEmpty ? "the files were edited by hand; compare them with `git diff`"
                                : "later changes: " + others.joined(separator: ", ") + "; undo those first")
        }
    }
}
