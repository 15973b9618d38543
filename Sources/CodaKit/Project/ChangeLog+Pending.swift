import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A change being made, recorded before it starts (`Changes/.pending-PID-RANDOM.tsv`: its entry and the files as
/// they were, each with a fingerprint of its raw bytes), so that a process killed between changing the files and
/// writing its log line loses neither: the next command logs the change, with its undo copy, if a file changed.
/// Records exist only while their process holds the project lock, so under the lock every record this process
/// did not open is stale, whatever its pid (in containers pids repeat, and `coda` may always be pid 1).
extension ChangeLog {
    static let pendingPrefix = ".pending-"

    func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    /// Writes the record of a change about to run; returns its path. Callers hold the project lock.
    func beginPending(_ entry: Entry, before: [String: [UInt8]?]) throws -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let path = "\(Self.folder)/\(Self.pendingPrefix)\(getpid())-\(random).tsv"
        // The "after" column holds the raw bytes' fingerprint: the content column is text, lossy for non-UTF-8.
        let raw = before.mapValues { $0.map(TextLines.fingerprint) ?? "-" }
        let text = "# A change in progress; the next command logs it if its process stopped: entry, then files\n"
            + CodingFile.escape(entry.coder) + "\t" + Self.line(entry) + "\n" + Self.undoText(entry.id, before, fingerprints: raw)
        let name = (path as NSString).lastPathComponent
        OpenPendingRecords.shared.insert(name)
        do {
            // Flushed before any codings file changes: it is the write-ahead record of the change.
            try AtomicFile.write(text, to: root.appendingPathComponent(path))
        } catch {
            OpenPendingRecords.shared.remove(name)
            throw error
        }
        return path
    }

    /// Logs `entry` if a file changed (`unchanged` says which did not), then removes the pending record (nil when
    /// none was written). A small change (tag, untag, memo) is recorded by writes in one order, without a journal:
    /// pending record → codings files (each atomic: temp file and rename) → undo copy → log line (the coder's log
    /// rewritten atomically) → pending record removed. What a kill leaves at each point, seen by the next command
    /// under the project lock (`recoverPending`):
    /// - before the pending record is renamed into place: nothing changed (a stray temporary at most);
    /// - after it, before a codings file is renamed: the files are as their fingerprints say, so the record is
    ///   dropped and nothing is logged;
    /// - after the codings files, before the log line (undo copy written or not): the files differ from the
    ///   record, so the change is logged from it, undo copy (rewritten, same id and content) and line;
    /// - after the log line, before the record is removed: the log already holds the record's id, so the record
    ///   is only removed; the change is logged once.
    /// Every file is whole at every point, no coding is lost, and `coda undo` right after finds the line and copy.
    /// A power cut is met by four flushes to disk, each before the write that depends on it: the pending record's
    /// (before a codings file changes, so a change on disk always has its record), the codings file's
    /// (`CodingStore`), the undo copy's (before the line that names it, so a logged change's copy is whole) and
    /// the log's (the project's history). A change that writes nothing flushes nothing. So after a power cut the
    /// files are as at one of the points above (a journaling file system keeps the renames in order; the folder
    /// is not flushed, so the last renames may be lost, which is an earlier point). A record that cannot be read
    /// (a disk fault) is kept and reported on every command, never dropped: its change may be unlogged; and an
    /// undo copy cut short is refused by `coda undo` (`undoFiles`).
    func finishPending(_ pending: String?, entry: Entry, before: [String: [UInt8]?],
                       unchanged: (String, [UInt8]?) -> Bool) throws {
        var changed: [String: [UInt8]?] = [:]
        var after: [String: [UInt8]?] = [:]
        for (path, old) in before {
            let now = read(path)
            guard !unchanged(path, now) else { continue }
            changed.updateValue(old, forKey: path)
            after.updateValue(now, forKey: path)
        }
        // Once this returns, a record left behind (a failed write) is stale: the next recovery logs it.
        defer { if let pending { OpenPendingRecords.shared.remove((pending as NSString).lastPathComponent) } }
        assert(pending != nil || changed.isEmpty, "a file changed without a pending record (PendingRecordGate)")
        if !changed.isEmpty {
            // The undo copy first, then the line: a line never names a copy that is not there, or not whole.
            let writes = changes(appending: entry, before: changed, after: after)
            let undo = undoPath(id: entry.id)
            for path in [undo, "\(Self.folder)/\(fileURL(coder: entry.coder).lastPathComponent)"] {
                guard let bytes = writes.first(where: { $0.path == path })?.bytes else { continue }
                try AtomicFile.write(bytes, to: root.appendingPathComponent(path))
            }
        }
        if let pending { unlink(root.appendingPathComponent(pending).path) }
    }

    /// True when the coder's log already holds change `id`: a process killed after its log line but before it
    /// removed its pending record.
    func logHolds(_ id: String, coder: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: fileURL(coder: coder).path) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { line in
            !line.hasPrefix("#") && Self.entry(line, coder: coder)?.id == id
        }
    }

    /// The pending records this process did not open: under the project lock, those of stopped processes. One
    /// readdir of `Changes/` (a few names: one log per coder), run once per recorded change.
    func stalePending() -> [String] {
        DirectoryWalker.names(in: folderURL.path).sorted().filter { name in
            name.hasPrefix(Self.pendingPrefix) && name.hasSuffix(".tsv")
                && !OpenPendingRecords.shared.contains(name)
        }.map { "\(Self.folder)/\($0)" }
    }

    /// Logs the changes of killed processes from their pending records. Callers hold the project lock.
    func recoverPending() throws {
        for path in stalePending() {
            let text = read(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard var entry = Self.pendingEntry(text) else {
                // Kept, not dropped: the change it records may be in the codings and missing from the log.
                Self.reportUnreadable(path)
                continue
            }
            guard !logHolds(entry.id, coder: entry.coder) else {
                unlink(root.appendingPathComponent(path).path)
                continue
            }
            var before: [String: [UInt8]?] = [:]
            var raw: [String: String] = [:]
            for file in Self.undoLines(text) {
                before.updateValue(file.before, forKey: file.path)
                raw[file.path] = file.after
            }
            // The codes are known only when the change finishes.
            entry.summary = "\(entry.action) stopped before it finished (codes unknown); logged by the next command"
            try finishPending(path, entry: entry, before: before) { path, now in
                raw[path] == now.map(TextLines.fingerprint) ?? "-"
            }
        }
    }
}


/// The pending records this process has open (file names, unique by their random part), so a nested load under the same lock never
/// takes them for a killed process's.
final class OpenPendingRecords: @unchecked Sendable {
    static let shared = OpenPendingRecords()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
