import Foundation

/// What a REFI-QDA import is about to write, recorded before the first file moves into the project
/// (`.coda-import.PID.journal`, one line per file: fingerprint, size, path) and removed when it is done.
/// A journal whose process is gone belongs to a killed import: the next import rolls it back, removing the files
/// it lists that still hold exactly what the import wrote (a file edited since is left alone), so the rerun
/// starts from the old state and simply works.
enum RefiImportJournal {
    static let prefix = ".coda-import."
    static let suffix = ".journal"

    static func begin(_ root: URL, files: [(path: String, text: String)]) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)\(getpid())\(suffix)")
        let lines = files.map { "\(fingerprint($0.text))\t\($0.text.utf8.count)\t\($0.path)" }
        try AtomicFile.write("# coda import in progress\n" + lines.joined(separator: "\n") + "\n", to: url)
        return url
    }

    static func end(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Rolls back the imports that were killed, under the project lock; returns the paths removed.
    @discardableResult
    static func rollBack(_ root: URL) throws -> [String] {
        let fm = FileManager.default
        let journals = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
        guard !journals.isEmpty else { return [] }
        return try FileLock.withLock(CodingStore(root: root).lockURL) { rollBack(root, journals: journals) }
    }

    private static func rollBack(_ root: URL, journals: [String]) -> [String] {
        let fm = FileManager.default
        var removed: [String] = []
        for name in journals {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(suffix.count)),
                  pid != getpid(), !TemporaryFiles.isRunning(pid) else { continue }
            let journal = root.appendingPathComponent(name)
            let text = fm.contents(atPath: journal.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
                guard fields.count == 3, !fields[2].contains(".."), !fields[2].hasPrefix("/") else { continue }
                let url = root.appendingPathComponent(fields[2])
                guard let data = fm.contents(atPath: url.path), String(data.count) == fields[1],
                      fingerprint(String(decoding: data, as: UTF8.self)) == fields[0] else { continue }
                if (try? fm.removeItem(at: url)) != nil { removed.append(fields[2]) }
            }
            try? fm.removeItem(at: journal)
        }
        return removed
    }
}
