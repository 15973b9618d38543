import Foundation

/// A change to several project files that happens whole or not at all, even when the process is killed:
/// every new content is first staged in `.coda-journal/` with the old content beside it, then a manifest is
/// written (the commit point), then the staged files are renamed into place one by one and the journal removed.
/// A run that finds a manifest finishes the swap; a journal without a manifest is an unfinished staging and is
/// dropped, leaving the old files untouched. Callers hold the project lock.
struct ProjectTransaction {
    /// One file's change: its path relative to the project, and its new bytes (nil removes the file).
    struct Change: Equatable {
        var path: String
        var bytes: [UInt8]?
    }

    static let folder = ".coda-journal"
    static let manifestName = "manifest"

    let root: URL
    var journalURL: URL { root.appendingPathComponent(Self.folder) }

    /// Applies `changes` all-or-nothing, and returns each path's content before (nil when it did not exist).
    @discardableResult
    func commit(_ changes: [Change]) throws -> [String: [UInt8]?] {
        // Pending records too: a change killed before its codings file was renamed must be settled before this
        // writes that file, or the next recovery would log it, with an undo that reverts this commit.
        try Self.recoverLocked(root: root)
        var before: [String: [UInt8]?] = [:]
        guard !changes.isEmpty else { return before }
        let fm = FileManager.default
        try? fm.removeItem(at: journalURL)
        var manifest = ""
        var folders = CreatedFolders()
        do {
            for (index, change) in changes.enumerated() {
                let current = fm.contents(atPath: root.appendingPathComponent(change.path).path).map { [UInt8]($0) }
                before.updateValue(current, forKey: change.path)
                if let bytes = change.bytes {
                    do {
                        try AtomicFile.write(bytes, to: journalURL.appendingPathComponent("\(index).new"))
                    } catch {
                        // The researcher's file is named, not its staged copy.
                        guard case let .cannotWrite(_, problem) = error else { throw error }
                        throw FileWriteError.cannotWrite(path: change.path, problem: problem)
                    }
                }
                let action = change.bytes == nil ? "remove" : "replace"
                manifest += "\(index)\t\(action)\t\(CodingFile.escape(change.path))\n"
            }
            try checkWritable(changes.map(\.path), folders: &folders)
            try AtomicFile.write(manifest, to: journalURL.appendingPathComponent(Self.manifestName))
        } catch {
            // Before the commit point nothing has changed: the staging goes, so a full disk gets its space back,
            // and so do the target folders the write check made.
            try? fm.removeItem(at: journalURL)
            folders.removeEmpty()
            throw error
        }
        try finish()
        return before
    }

    /// Refuses before the commit point when a target's folder cannot take a new file (a read-only folder, a file
    /// where the folder must be), so a change is never left half made until the folder is fixed.
    private func checkWritable(_ paths: [String], folders made: inout CreatedFolders) throws {
        var folders: [URL: String] = [:]
        for path in paths.reversed() { folders[root.appendingPathComponent(path).deletingLastPathComponent()] = path }
        for (folder, path) in folders.sorted(by: { $0.value < $1.value }) {
            let probe = TemporaryFiles.name(for: folder.appendingPathComponent("probe"))
            do {
                try made.create(folder)
            } catch {
                throw FileWriteError.cannotWrite(path: path, problem: FileSystemProblem(of: error))
            }
            let fd = open(probe.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw FileWriteError.cannotWrite(path: path, problem: .last)
            }
            close(fd)
            unlink(probe.path)
        }
    }

    /// True when a change passed its commit point but was not finished (a failed rename): `recover` finishes it.
    var isCommitted: Bool {
        FileManager.default.fileExists(atPath: journalURL.appendingPathComponent(Self.manifestName).path)
    }

    /// Completes a committed change left by a killed run, or drops an unfinished staging.
    func recover() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: journalURL.path) else { return }
        if fm.fileExists(atPath: journalURL.appendingPathComponent(Self.manifestName).path) {
            try finish()
        } else {
            try? fm.removeItem(at: journalURL)
        }
    }

    /// Runs `recover` under the project lock when a journal is left over, and logs the changes of killed
    /// processes (`ChangeLog.recoverPending`); cheap when there is nothing to do. `pendingRecords: false` looks
    /// for a journal only, for a one-document command: pending records never alter the files it reads, and a
    /// command of it that changes a file records that change under the lock, logging killed changes there first
    /// (`ChangeLog.record`), so `Changes/` is listed once per command, not twice.
    static func recoverIfNeeded(root: URL, pendingRecords: Bool = true) {
        let transaction = ProjectTransaction(root: root)
        let log = ChangeLog(root: root)
        guard FileManager.default.fileExists(atPath: transaction.journalURL.path)
                || (pendingRecords && !log.stalePending().isEmpty) else {
            return
        }
        try? FileLock.withLock(CodingStore(root: root).lockURL) { try recoverLocked(root: root) }
    }

    /// Finishes or drops a journal left by a killed run, then logs the changes of killed processes from their
    /// pending records, in that order (a record's files are read as the journal leaves them). Every command that
    /// reads or changes project state under the project lock starts with this.
    static func recoverLocked(root: URL) throws {
        try ProjectTransaction(root: root).recover()
        try ChangeLog(root: root).recoverPending()
    }

    /// Moves every staged file into place (those already moved are done), then removes the journal.
    private func finish() throws {
        let fm = FileManager.default
        let manifestURL = journalURL.appendingPathComponent(Self.manifestName)
        let text = String(decoding: try AtomicFile.readBytes(manifestURL), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3 else { continue }
            let target = root.appendingPathComponent(CodingFile.unescape(Substring(fields[2])))
            if fields[1] == "remove" {
                try? fm.removeItem(at: target)
                removeEmptyFolders(from: target.deletingLastPathComponent())
                continue
            }
            let staged = journalURL.appendingPathComponent("\(fields[0]).new")
            guard fm.fileExists(atPath: staged.path) else { continue }
            try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(staged.path, target.path) != 0 {
                throw FileWriteError.cannotWrite(path: target.path, problem: .last)
            }
        }
        // The manifest goes first: once it is gone, what is left of the journal is only leftovers.
        try? fm.removeItem(at: manifestURL)
        try? fm.removeItem(at: journalURL)
    }

    /// Removes folders left empty by removed files, up to the project root.
    private func removeEmptyFolders(from folder: URL) {
        var folder = folder.standardizedFileURL
        let top = root.standardizedFileURL.path
        while folder.path.hasPrefix(top + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
