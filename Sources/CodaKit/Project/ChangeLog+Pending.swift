import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A change being made, recorded before it starts (`Changes/.pending-PID.tsv`: its entry and the files as they
/// were), so that a process killed between changing the files and writing its log line loses neither: the next
/// command finds the record of a dead process and logs the change, with its undo copy, if a file did change.
extension ChangeLog {
    static let pendingPrefix = ".pending-"

    func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    /// Writes the record of a change about to run; returns its path. Callers hold the project lock.
    func beginPending(_ entry: Entry, before: [String: [UInt8]?]) throws -> String {
        let path = "\(Self.folder)/\(Self.pendingPrefix)\(getpid()).tsv"
        let text = "# A change in progress; the next command logs it if its process stopped: entry, then files\n"
            + CodingFile.escape(entry.coder) + "\t" + Self.line(entry) + "\n" + Self.undoText(entry.id, before, [:])
        try AtomicFile.write(text, to: root.appendingPathComponent(path))
        return path
    }

    /// Logs `entry` if a file changed since `before`, removing the pending record in the same transaction.
    func finishPending(_ pending: String, entry: Entry, before: [String: [UInt8]?]) throws {
        var changed: [String: [UInt8]?] = [:]
        var after: [String: [UInt8]?] = [:]
        for (path, old) in before {
            let now = read(path)
            guard now != old else { continue }
            changed.updateValue(old, forKey: path)
            after.updateValue(now, forKey: path)
        }
        let remove = ProjectTransaction.Change(path: pending, bytes: nil)
        let record = changed.isEmpty ? [] : changes(appending: entry, before: changed, after: after)
        try ProjectTransaction(root: root).commit(record + [remove])
    }

    /// The pending records of processes that are gone.
    func stalePending() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []
        return names.sorted().filter { name in
            guard name.hasPrefix(Self.pendingPrefix), name.hasSuffix(".tsv"),
                  let pid = Int32(name.dropFirst(Self.pendingPrefix.count).dropLast(4)) else { return false }
            return pid != getpid() && !TemporaryFiles.isRunning(pid)
        }.map { "\(Self.folder)/\($0)" }
    }

    /// Logs the changes of killed processes from their pending records. Callers hold the project lock.
    func recoverPending() throws {
        for path in stalePending() {
            let text = read(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
            let fields = (lines.first ?? "").split(separator: "\t", omittingEmptySubsequences: false)
                .map { CodingFile.unescape($0) }
            guard fields.count >= 7 else {
                try ProjectTransaction(root: root).commit([.init(path: path, bytes: nil)])
                continue
            }
            var before: [String: [UInt8]?] = [:]
            for file in Self.undoLines(text) { before.updateValue(file.before, forKey: file.path) }
            let entry = Entry(time: fields[1], id: fields[2], coder: fields[0], action: fields[3],
                              codes: ChangeLog.list(fields[4]), documents: ChangeLog.list(fields[5]),
                              summary: "\(fields[3]) stopped before it finished; logged by the next command")
            try finishPending(path, entry: entry, before: before)
        }
    }
}
