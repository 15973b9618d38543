import Foundation

/// A pending record that cannot be read (a disk fault, a power cut): it is kept, never dropped, because the change
/// it records may be in Codings/ and missing from the log. Every command that runs recovery says so on stderr, and
/// `coda check` lists it with its other problems.
extension ChangeLog {
    /// What an unreadable pending record means.
    static let unreadablePendingMeaning = "the record of a change that was stopped cannot be read: that change to "
        + "Codings/ may be missing from the change log, and `coda undo` would skip it"
    /// How to settle it: look first, then move the record aside (never delete it first).
    static let unreadablePendingHint = "compare Codings/ with `git diff` and the end of `coda log`; once checked, "
        + "move this file out of Changes/ and Coda stops reporting it"

    /// The entry a pending record's text holds (its first line that is not a comment: coder, tab, log line), or nil
    /// when the record cannot be read.
    static func pendingEntry(_ text: String) -> Entry? {
        let line = text.split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""
        let coder = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard coder.count == 2 else { return nil }
        return entry(coder[1], coder: CodingFile.unescape(coder[0]))
    }

    /// Says on stderr that the pending record at `path` cannot be read, so its change may be missing from the log.
    static func reportUnreadable(_ path: String) {
        let warning = unreadablePending(path, severity: .warning)
        FileHandle.standardError.write(Data((warning.description + "\n").utf8))
    }

    /// The pending records in `Changes/` that cannot be read, one error each for `coda check`. A record that
    /// vanishes while it is read is another process's change finishing, not a problem. Run after recovery, so a
    /// readable record left here belongs to a change still running.
    func unreadablePendingProblems() -> [Diagnostic] {
        stalePending().compactMap { path in
            if let bytes = read(path), Self.pendingEntry(String(decoding: bytes, as: UTF8.self)) != nil { return nil }
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else { return nil }
            return Self.unreadablePending(path, severity: .error)
        }
    }

    /// The problem of the unreadable pending record at `path`: a warning on every command, an error in `coda check`.
    static func unreadablePending(_ path: String, severity: Diagnostic.Severity) -> Diagnostic {
        Diagnostic(severity, at: SourceLocation(file: path), unreadablePendingMeaning, hint: unreadablePendingHint)
    }
}
