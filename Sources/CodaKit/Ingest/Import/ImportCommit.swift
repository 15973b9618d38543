import Foundation

/// The last step of every import: its files and, when the import is recorded (`ImportOptions.record`), its
/// change-log line go into the project as one `ProjectTransaction`, so a kill leaves all of them or none.
enum ImportCommit {
    /// Writes `changes` and the log line; returns the paths of `changes`, sorted. Callers hold the project lock.
    static func run(_ changes: [ProjectTransaction.Change], into root: URL, record: ChangeLog.ImportRecord?,
                    summary: [String]) throws -> [String] {
        let written = changes.map(\.path).sorted()
        guard !changes.isEmpty else { return written }
        // Killed changes are logged before this import's line is added to a log they may share.
        try ProjectTransaction.recoverLocked(root: root)
        var all = changes
        if let record { all += ChangeLog(root: root).changes(recording: record, written: written, summary: summary) }
        try ProjectTransaction(root: root).commit(all)
        return written
    }
}
