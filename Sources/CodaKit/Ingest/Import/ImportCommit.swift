import Foundation

/// The last step of every import: its files and, when the import is recorded (`ImportOptions.record`), its
/// change-log line go into the project as one `ProjectTransaction`, so a kill leaves all of them or none.
enum ImportCommit {
    /// One imported file's share of a commit: what it writes and how the change log records it.
    struct Part {
        var changes: [ProjectTransaction.Change]
        var record: ChangeLog.ImportRecord?
        var summary: [String]
    }

    /// Writes `changes` and the log line; returns the paths of `changes`, sorted. Callers hold the project lock.
    static func run(_ changes: [ProjectTransaction.Change], into root: URL, record: ChangeLog.ImportRecord?,
                    summary: [String]) throws -> [String] {
        try run([Part(changes: changes, record: record, summary: summary)], into: root)[0]
    }

    /// Writes every part's files and one log line per recorded part in a single transaction (many transcripts
    /// imported by one command); returns each part's paths, sorted. Callers hold the project lock.
    static func run(_ parts: [Part], into root: URL) throws -> [[String]] {
        let written = parts.map { $0.changes.map(\.path).sorted() }
        let all = parts.flatMap(\.changes)
        guard !all.isEmpty else { return written }
        // Killed changes are logged before this import's lines are added to a log they may share.
        try ProjectTransaction.recoverLocked(root: root)
        let log = ChangeLog(root: root)
        var ids = Set<String>()
        var entries: [ChangeLog.Entry] = []
        for (part, paths) in zip(parts, written) where !part.changes.isEmpty {
            guard let record = part.record else { continue }
            var entry = log.entry(recording: record, written: paths, summary: part.summary)
            // Many imports in one second: each line keeps an id of its own.
            while !ids.insert(entry.id).inserted { entry.id = ChangeLog.newID(time: record.time) }
            entries.append(entry)
        }
        try ProjectTransaction(root: root).commit(all + (entries.isEmpty ? [] : log.changes(appending: entries)))
        return written
    }
}
