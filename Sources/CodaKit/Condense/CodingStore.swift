import Foundation

/// The `Codings/` folder: one file per coder per document (`Codings/alice/P01.tsv`), so two coders never
/// edit the same file. Autocoding suggestions live under the coder `auto`, rejected ones under `auto/rejected/`.
/// Every change is a read-change-write of one file under a project-wide lock, written atomically.
public struct CodingStore: Sendable {
    public let root: URL

    public static let folder = "Codings"
    public static let suggestionCoder = "auto"
    static let rejectedFolder = "rejected"

    public init(root: URL) { self.root = root }

    var folderURL: URL { root.appendingPathComponent(CodingStore.folder) }
    /// The project-wide lock, held for every change to codings, memos, review notes and framework summaries.
    var lockURL: URL { folderURL.appendingPathComponent(".lock") }

    /// The codings file of one coder and document, in the coder's own folder (see `coderFolder`; `folder` when
    /// already known).
    func fileURL(coder: String, document: String, rejected: Bool = false, folder: String? = nil) -> URL {
        var url = folderURL.appendingPathComponent(folder ?? coderFolder(coder, document: document))
        if rejected { url = url.appendingPathComponent(CodingStore.rejectedFolder) }
        return url.appendingPathComponent(document.fileSafe() + ".tsv")
    }

    struct Loaded {
        var codings: [Coding] = []
        var rejected: [Coding] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Reads every codings file (in parallel; the files are independent).
    func loadAll(relativeTo project: URL, onlyDocument: String? = nil) -> Loaded {
        var loaded = Loaded()
        let files = listFiles(onlyDocument: onlyDocument)
        let parsed = files.parallelMap { CodingStore.read($0) }
        loaded.codings.reserveCapacity(parsed.reduce(0) { $0 + ($1?.codings.count ?? 0) })
        for (file, contents) in zip(files, parsed) {
            guard let contents else { continue }
            loaded.diagnostics += contents.diagnostics
            if file.rejected { loaded.rejected += contents.codings } else { loaded.codings += contents.codings }
        }
        return loaded
    }

    /// One codings file found by `listFiles`: where it is, its path in the project, and whether it holds
    /// rejected suggestions.
    struct ListedFile: Sendable {
        var url: URL
        var path: String
        var rejected: Bool
    }

    /// Every codings file (or only those of one document, by file name), coder by coder, sorted by name.
    func listFiles(onlyDocument: String? = nil) -> [ListedFile] {
        let onlyName = onlyDocument.map { $0.fileSafe().lowercased() + ".tsv" }
        let fm = FileManager.default
        guard let coderFolders = try? fm.contentsOfDirectory(atPath: folderURL.path) else { return [] }
        var files: [ListedFile] = []
        for coderFolder in coderFolders.sorted() where !coderFolder.hasPrefix(".") {
            let coderURL = folderURL.appendingPathComponent(coderFolder)
            var places: [(URL, Bool)] = [(coderURL, false)]
            if coderFolder == CodingStore.suggestionCoder {
                places.append((coderURL.appendingPathComponent(CodingStore.rejectedFolder), true))
            }
            for (folder, rejected) in places {
                // One document's files are tried by name: a coder's folder may hold ten thousand.
                guard let names = onlyDocument.map({ Self.probeFiles(of: $0, in: folder) })
                        ?? (try? fm.contentsOfDirectory(atPath: folder.path)) else { continue }
                let wanted = names.filter { name in
                    name.hasSuffix(".tsv") && !name.hasPrefix(".") && (onlyName == nil || name.lowercased() == onlyName)
                }
                for name in wanted.sorted() {
                    let subfolder = rejected ? CodingStore.rejectedFolder + "/" : ""
                    let path = "\(CodingStore.folder)/\(coderFolder)/\(subfolder)\(name)"
                    files.append(ListedFile(url: folder.appendingPathComponent(name), path: path, rejected: rejected))
                }
            }
        }
        return files
    }

    /// The codings in one file, or why it cannot be read; nil when it is gone. Safe on several threads at once.
    static func read(_ file: ListedFile) -> CodingFile.Contents? {
        if let problem = ReaderLimits.sizeProblem(of: file.url, file: file.path) {
            return CodingFile.Contents(codings: [], unreadable: [], diagnostics: [problem])
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else { return nil }
        return contents(of: [UInt8](data), path: file.path)
    }

    /// The codings in a file's bytes, or why they cannot be decoded.
    static func contents(of bytes: [UInt8], path: String) -> CodingFile.Contents {
        switch Result(catching: { () throws(TextEncodingError) in try TextDecoder.decodeUTF8(bytes, file: path) }) {
        case .success(let text): return CodingFile.parse(text, path: path)
        case .failure(let error):
            return CodingFile.Contents(codings: [], unreadable: [], diagnostics: [error.diagnostic])
        }
    }

    /// Changes the codings of one coder in one document: under the lock, reads the file as it is now
    /// (another process may have written it), places its codings on the current text, applies `change`
    /// and writes the result atomically. Returns what `change` returns.
    @discardableResult
    func update<T>(coder: String, document: Transcript, rejected: Bool = false,
                   _ change: (inout [Coding]) throws -> T) throws -> T {
        try FileLock.withLock(lockURL) {
            var staged = try stage(coder: coder, document: document, rejected: rejected, change)
            if staged.write.action.writes { try PendingRecordGate.current?.open() }
            try staged.write.commit()
            return staged.result
        }
    }

    /// One coder's codings in one document, for `updateMany`.
    struct FileChange: Sendable {
        var coder: String
        var document: Transcript
    }

    /// Changes several coders' codings in several documents under one hold of the lock. Every change is
    /// worked out before anything is written, so an error in any of them (thrown by `change`) writes nothing; the
    /// files are then changed through a `ProjectTransaction`, so a kill leaves all of them old or all new.
    func updateMany<T>(_ files: [FileChange], _ change: (FileChange, inout [Coding]) throws -> T) throws -> [T] {
        try FileLock.withLock(lockURL) {
            var staged: [(result: T, write: PendingWrite)] = []
            var found: [String: String] = [:]
            for file in files {
                let folder = coderFolder(file.coder, document: file.document.id, found: &found)
                staged.append(try stage(coder: file.coder, document: file.document, folder: folder) {
                    try change(file, &$0)
                })
            }
            let rootPath = root.standardizedFileURL.path
            let changes = staged.compactMap { $0.write.change(relativeTo: rootPath) }
            if !changes.isEmpty { try PendingRecordGate.current?.open() }
            if changes.count > 1 {
                try ProjectTransaction(root: root.standardizedFileURL).commit(changes)
            } else {
                for var item in staged { try item.write.commit() }
            }
            return staged.map(\.result)
        }
    }

    /// What a change will do to one codings file once every change is known.
    struct PendingWrite {
        var url: URL
        /// The new text, nil to remove the file, or no change at all.
        var action: Action

        enum Action {
            case none, write(String), remove

            /// False when there is nothing to do.
            var writes: Bool {
                if case .none = self { return false }
                return true
            }
        }

        /// The change as a step of a `ProjectTransaction`; nil when there is nothing to do.
        func change(relativeTo rootPath: String) -> ProjectTransaction.Change? {
            let path = ProjectLoader.relative(url, to: rootPath)
            switch action {
            case .none: return nil
            case .write(let text): return ProjectTransaction.Change(path: path, bytes: Array(text.utf8))
            case .remove: return ProjectTransaction.Change(path: path, bytes: nil)
            }
        }

        mutating func commit() throws {
            switch action {
            case .none: break
            case .write(let text): try AtomicFile.write(text, to: url)
            case .remove:
                try? FileManager.default.removeItem(at: url)
                // Leave no empty coder folder behind.
                let folder = url.deletingLastPathComponent()
                if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                    try? FileManager.default.removeItem(at: folder)
                }
            }
            action = .none
        }
    }

    /// Reads one codings file as it is now, places its codings on the document's current text and applies
    /// `change`, returning the result and the write it needs. Call with the lock held.
    private func stage<T>(coder: String, document: Transcript, rejected: Bool = false, folder: String? = nil,
                          _ change: (inout [Coding]) throws -> T) throws -> (result: T, write: PendingWrite) {
        // Stale temporaries are left to `coda check`, which sweeps the whole project: sweeping here would list a
        // folder that may hold ten thousand files on every change.
        let url = fileURL(coder: coder, document: document.id, rejected: rejected, folder: folder)
        var contents = CodingFile.Contents(codings: [], unreadable: [], diagnostics: [])
        if let data = FileManager.default.contents(atPath: url.path) {
            let text = try TextDecoder.decodeUTF8([UInt8](data), file: url.path)
            contents = CodingFile.parse(text, path: url.path)
        }
        // This coder's codings of this document are placed on its current text; others (a file name shared
        // by two ids, or a hand-moved file) stay as they are.
        var mine: [Coding] = []
        var others: [Coding] = []
        for coding in contents.codings {
            let isMine = coding.document == document.id && Self.sameCoder(coding.coder, coder)
            if isMine { mine.append(coding) } else { others.append(coding) }
        }
        let raw = mine
        mine = mine.map { CodingAnchor.place($0, in: document).coding }
        let result = try change(&mine)
        var write = PendingWrite(url: url, action: .none)
        // An absent file reads as no codings: only a real change writes it.
        if mine != raw || !contents.unreadable.isEmpty {
            if mine.isEmpty && others.isEmpty && contents.unreadable.isEmpty {
                write.action = .remove
            } else {
                write.action = .write(CodingFile.render(others + mine, unreadable: contents.unreadable))
            }
        }
        return (result, write)
    }
}
