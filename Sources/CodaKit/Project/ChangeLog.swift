import Foundation

/// The project's record of coding changes, in `Changes/`: one append-only file per coder (`Changes/nurul.tsv`), so
/// two coders never edit the same file and git merges them cleanly. Each line is one change: when, its id, what
/// kind, the codes and documents it touched, and what it did. Beside it, `Changes/undo/ID.tsv` keeps the files as
/// they were before the change, so `coda undo` can put them back.
public struct ChangeLog: Sendable {
    public static let folder = "Changes"
    static let undoFolder = "undo"
    static let header = "# Coda change log, one change per line, tab-separated: time, id, action, codes, documents, "
        + "what changed, undoes. Append-only; `coda log` shows it, `coda undo` reverts your last change."

    /// One recorded change.
    public struct Entry: Sendable, Equatable {
        public var time: String
        public var id: String
        public var coder: String
        /// tag, untag, accept, reject, rename, merge, move, delete, check --fix, import, memo, undo.
        public var action: String
        public var codes: [String]
        public var documents: [String]
        public var summary: String
        /// For an undo, the id of the change it reverted.
        public var undoes: String = ""
    }

    let root: URL

    init(root: URL) { self.root = root }

    var folderURL: URL { root.appendingPathComponent(Self.folder) }

    func fileURL(coder: String) -> URL { folderURL.appendingPathComponent(coder.fileSafe() + ".tsv") }

    func undoPath(id: String) -> String { "\(Self.folder)/\(Self.undoFolder)/\(id).tsv" }

    /// Every entry of every coder, oldest first.
    func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []
        var all: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".tsv") && !name.hasPrefix(".") {
            let coder = String(name.dropLast(4))
            guard let data = FileManager.default.contents(atPath: folderURL.appendingPathComponent(name).path) else {
                continue
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                if let entry = Self.entry(line, coder: coder) { all.append(entry) }
            }
        }
        // By time; changes in the same second keep the order of their coder's file, which only ever grows.
        return all.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// An entry from its line in the log (`line(_:)`), or nil when the line is not one.
    static func entry(_ line: Substring, coder: String) -> Entry? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { CodingFile.unescape($0) }
        guard fields.count >= 6 else { return nil }
        return Entry(time: fields[0], id: fields[1], coder: coder, action: fields[2],
                     codes: ChangeLog.list(fields[3]), documents: ChangeLog.list(fields[4]),
                     summary: fields[5], undoes: fields.count > 6 ? fields[6] : "")
    }

    static func list(_ field: String) -> [String] {
        field.isEmpty ? [] : field.components(separatedBy: "; ")
    }

    /// The files that record `entry`: its coder's log with one more line, and the undo file when files changed.
    func changes(appending entry: Entry, before: [String: [UInt8]?],
                 after: [String: [UInt8]?]) -> [ProjectTransaction.Change] {
        var changes: [ProjectTransaction.Change] = []
        if !before.isEmpty {
            let undo = Self.undoText(entry.id, before, after)
            changes.append(.init(path: undoPath(id: entry.id), bytes: Array(undo.utf8)))
        }
        return changes + self.changes(appending: [entry])
    }

    /// The log files with `entries` added, in order, each coder's file read once (entries that keep no undo
    /// copy, such as a batch of imports). Callers hold the project lock.
    func changes(appending entries: [Entry]) -> [ProjectTransaction.Change] {
        var texts: [String: String] = [:]
        var order: [String] = []
        for entry in entries {
            let url = fileURL(coder: entry.coder)
            let path = "\(Self.folder)/\(url.lastPathComponent)"
            var text = texts[path] ?? {
                order.append(path)
                let data = FileManager.default.contents(atPath: url.path)
                var text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
                if text.isEmpty { text = Self.header + "\n" }
                if !text.hasSuffix("\n") { text += "\n" }
                return text
            }()
            text += Self.line(entry) + "\n"
            texts[path] = text
        }
        return order.map { .init(path: $0, bytes: Array(texts[$0, default: ""].utf8)) }
    }

    /// An entry as its line in the log (without the coder, whose file it is in).
    static func line(_ entry: Entry) -> String {
        let fields = [entry.time, entry.id, entry.action, entry.codes.joined(separator: "; "),
                      entry.documents.joined(separator: "; "), entry.summary, entry.undoes]
        return fields.map(CodingFile.escape).joined(separator: "\t")
    }

    /// The files as they were before change `id` (path → bytes, nil: absent) with fingerprints of them after.
    static func undoText(_ id: String, _ before: [String: [UInt8]?], _ after: [String: [UInt8]?]) -> String {
        undoText(id, before, fingerprints: before.keys.reduce(into: [:]) { $0[$1] = fingerprint(after[$1] ?? nil) })
    }

    /// The files as they were before change `id`, with the given fingerprints (path → fingerprint).
    static func undoText(_ id: String, _ before: [String: [UInt8]?], fingerprints: [String: String]) -> String {
        var undo = "# Files as they were before change \(id): path, state, fingerprint after the change, content\n"
        for path in before.keys.sorted() {
            let old = before[path] ?? nil
            let content = old.map { CodingFile.escape(String(decoding: $0, as: UTF8.self)) } ?? ""
            let state = old == nil ? "absent" : "present"
            undo += [CodingFile.escape(path), state, fingerprints[path] ?? "-", content]
                .joined(separator: "\t") + "\n"
        }
        return undo
    }

    /// The files `undoText` lists: path, bytes before (nil: absent), fingerprint after.
    static func undoLines(_ text: String) -> [(path: String, before: [UInt8]?, after: String)] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else { return nil }
            let content = fields[1] == "absent" ? nil : Array(CodingFile.unescape(fields[3]).utf8)
            return (CodingFile.unescape(fields[0]), content, String(fields[2]))
        }
    }

    /// A short hash of a file's bytes, or `-` for a file that does not exist.
    static func fingerprint(_ bytes: [UInt8]?) -> String {
        bytes.map { CodaKit.fingerprint(String(decoding: $0, as: UTF8.self)) + String($0.count) } ?? "-"
    }

    /// A new change id: the time, then a few random hex digits so two changes in one second differ.
    static func newID(time: String) -> String {
        let digits = time.filter(\.isNumber)
        return "\(digits)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    /// A new change id whose undo file does not exist yet, so two changes in one second never share one.
    /// Callers hold the project lock.
    func unusedID(time: String) -> String {
        var id = Self.newID(time: time)
        while FileManager.default.fileExists(atPath: root.appendingPathComponent(undoPath(id: id)).path) {
            id = Self.newID(time: time)
        }
        return id
    }

    /// The files a change saved for undo: path → (bytes before or nil, fingerprint expected now).
    func undoFiles(id: String) throws -> [(path: String, before: [UInt8]?, after: String)] {
        let path = undoPath(id: id)
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try ProjectLoader.text(of: url, path: path)
        let files = Self.undoLines(text)
        // Each line ends in a newline and a copy lists at least one file: a copy cut short (a disk fault) fails
        // one or the other unless it was cut exactly at a line's end, which only drops a whole file from it.
        guard text.hasSuffix("\n"), !files.isEmpty else { throw ChangeLogError.undoCopyCutShort(path: path) }
        return files
    }
}

extension ChangeLog {
    /// Runs `body`, which changes the project files at `paths` (relative to the root), and records the change
    /// when a file changed. `body` returns its result, and the entry's codes and summary. The files are read before
    /// and after `body` and the entry appended all under the project lock (`body`'s own locking nests in it), so
    /// another process's change can never be recorded, or undone, as this one's.
    static func record<T>(root: URL, coder: String, time: String, action: String, paths: [String], documents: [String],
                          _ body: () throws -> (value: T, codes: [String], summary: String)) throws -> T {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            try recordLocked(root: root, coder: coder, time: time, action: action, paths: paths,
                             documents: documents, body)
        }
    }

    private static func recordLocked<T>(root: URL, coder: String, time: String, action: String, paths: [String],
                                        documents: [String],
                                        _ body: () throws -> (value: T, codes: [String], summary: String)) throws -> T {
        // A killed change is logged before this one reads its files, so the two are never taken for one.
        try ProjectTransaction.recoverLocked(root: root)
        let log = ChangeLog(root: root)
        var before: [String: [UInt8]?] = [:]
        for path in paths { before.updateValue(log.read(path), forKey: path) }
        var entry = Entry(time: time, id: log.unusedID(time: time), coder: coder.fileSafe(), action: action,
                          codes: [], documents: documents, summary: "")
        // Should the process be killed between the change and its line, the next command logs it from its pending
        // record, written only once the body is about to write a file: a change that writes nothing leaves no trace.
        let planned = entry
        let gate = PendingRecordGate { try log.beginPending(planned, before: before) }
        let result = Result { try PendingRecordGate.$current.withValue(gate) { try body() } }
        if case let .success((_, codes, summary)) = result {
            entry.codes = codes
            entry.summary = summary
        } else {
            entry.summary = "\(action) stopped by an error after changing files"
        }
        do {
            try log.finishPending(gate.path, entry: entry, before: before) { path, now in before[path] == now }
        } catch {
            // The body's own failure says more than the failure to record it.
            if case let .failure(bodyError) = result { throw bodyError }
            throw error
        }
        return try result.get().value
    }

    /// A codings file's path relative to the project, in the coder's own folder (`CodingStore.coderFolder`).
    static func codingsPath(coder: String, document: String, rejected: Bool = false, root: URL,
                            coderFolder known: String? = nil) -> String {
        let folder = rejected ? "/" + CodingStore.rejectedFolder : ""
        let coderFolder = known ?? CodingStore(root: root).coderFolder(coder, document: document)
        return "\(CodingStore.folder)/\(coderFolder)\(folder)/\(document.fileSafe()).tsv"
    }
}

extension ChangeLog {
    /// Who imported which file and when: with it, an import writes its change-log line in the same
    /// `ProjectTransaction` as its files, so a kill leaves both or neither.
    struct ImportRecord: Sendable {
        /// The file as the researcher named it.
        var file: String
        var coder: String
        var time: String
    }

    /// The change-log entry of an import which wrote `written` (relative paths), one per imported file. An import
    /// may replace files it cannot know beforehand, so it keeps no copy for `coda undo`: the entry says what was
    /// written, and git holds the rest.
    func entry(recording record: ImportRecord, written: [String], summary: [String]) -> Entry {
        var seen = Set<String>()
        // A survey's `.csv` and `.columns` are one document.
        let documents = written.filter { $0.hasPrefix(Project.transcriptsFolder + "/") }
            .map { ($0 as NSString).lastPathComponent }.map { ($0 as NSString).deletingPathExtension }
            .filter { seen.insert($0).inserted }
        return Entry(time: record.time, id: ChangeLog.newID(time: record.time), coder: record.coder.fileSafe(),
                     action: "import", codes: [], documents: documents,
                     summary: "imported \((record.file as NSString).lastPathComponent): "
                        + summary.joined(separator: "; "))
    }
}
