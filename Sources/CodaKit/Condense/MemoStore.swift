import Foundation

/// Memos as Markdown under `Memos/`: one file per target, headed `# Memos on code Queues`, each memo a
/// `## 2026-11-25 13:02 · alice` section. New memos are appended under the lock, written atomically.
public struct MemoStore: Sendable {
    public static let folder = "Memos"
    /// The supervisor's review notes, kept apart from memos.
    static let notesFileName = "notes.md"
    /// The framework-matrix summaries, kept apart from memos.
    static let frameworkFileName = "framework.md"
    public let root: URL

    public init(root: URL) { self.root = root }

    func load() -> (memos: [Memo], diagnostics: [Diagnostic]) {
        var memos: [Memo] = []
        var diagnostics: [Diagnostic] = []
        let base = root.appendingPathComponent(MemoStore.folder)
        for sub in ["", "codes", "documents"] {
            let folder = sub.isEmpty ? base : base.appendingPathComponent(sub)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".")
                && (!sub.isEmpty || (name != MemoStore.notesFileName && name != MemoStore.frameworkFileName)) {
                let path = "\(MemoStore.folder)/\(sub.isEmpty ? "" : sub + "/")\(name)"
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                do {
                    let text = try TextDecoder.decodeUTF8([UInt8](data), file: path)
                    let (found, problems) = MemoStore.parse(text, path: path)
                    memos += found
                    diagnostics += problems
                } catch {
                    diagnostics.append(error.diagnostic)
                }
            }
        }
        return (memos, diagnostics)
    }

    static func parse(_ text: String, path: String) -> ([Memo], [Diagnostic]) {
        var memos: [Memo] = []
        var target: Memo.Target?
        var current: (author: String, date: String, line: Int)?
        var body: [String] = []
        func flush() {
            guard let c = current, let target else { return }
            memos.append(Memo(target: target, author: c.author, date: c.date, text: body.joined(separator: "\n").trimmingWhitespace(),
                              location: SourceLocation(file: path, line: c.line)))
            body = []
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("# ") && target == nil {
                target = parseTarget(String(line.dropFirst(2)))
                if target == nil {
                    return ([], [Diagnostic(.error, at: SourceLocation(file: path, line: index + 1),
                                            "the first line must say what the memos are on, e.g. `# Memos on code Queues`")])
                }
                continue
            }
            if line.hasPrefix("## ") {
                flush()
                let heading = line.dropFirst(3)
                let parts = heading.components(separatedBy: " · ")
                current = (parts.count > 1 ? parts[1].trimmingWhitespace() : "", parts[0].trimmingWhitespace(), index + 1)
                continue
            }
            if current != nil { body.append(String(line)) }
        }
        flush()
        return (memos, [])
    }

    static func parseTarget(_ heading: String) -> Memo.Target? {
        let text = heading.trimmingWhitespace()
        guard text.lowercased().hasPrefix("memos on ") else { return nil }
        let rest = text.dropFirst("memos on ".count)
        if rest.lowercased() == "the project" || rest.lowercased() == "project" { return .project }
        if rest.lowercased().hasPrefix("code ") { return .code(String(rest.dropFirst(5)).trimmingWhitespace()) }
        if rest.lowercased().hasPrefix("document ") { return .document(String(rest.dropFirst(9)).trimmingWhitespace()) }
        return nil
    }

    static func heading(for target: Memo.Target) -> String {
        switch target {
        case .project: return "# Memos on the project"
        case .code(let path): return "# Memos on code \(path)"
        case .document(let id): return "# Memos on document \(id)"
        }
    }

    /// Appends a memo to its target's file.
    func append(_ text: String, to target: Memo.Target, author: String, date: String) throws -> String {
        let path = target.path
        let url = root.appendingPathComponent(path)
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            var existing = ""
            if let data = FileManager.default.contents(atPath: url.path) {
                existing = try TextDecoder.decodeUTF8([UInt8](data), file: path)
            }
            if existing.isEmpty { existing = MemoStore.heading(for: target) + "\n" }
            if !existing.hasSuffix("\n") { existing += "\n" }
            existing += "\n## \(date) · \(author)\n\n\(text.trimmingWhitespace())\n"
            try AtomicFile.write(existing, to: url)
        }
        return path
    }
}
