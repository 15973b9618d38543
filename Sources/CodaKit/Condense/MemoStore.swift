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
                if let problem = ReaderLimits.sizeProblem(of: folder.appendingPathComponent(name), file: path) {
                    diagnostics.append(problem)
                    continue
                }
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

    /// The memos of one file. A file whose first heading names no target is an error; text before the first
    /// memo heading belongs to no memo and is reported (the file keeps it, since memos are only ever appended).
    static func parse(_ text: String, path: String) -> ([Memo], [Diagnostic]) {
        let (preamble, sections) = PlainTextSections.split(text)
        var rest = preamble.drop { $0.trimmingWhitespace().isEmpty }
        guard let first = rest.first, first.hasPrefix("# "), let target = parseTarget(String(first.dropFirst(2))) else {
            let line = preamble.count - rest.count + 1
            return ([], [Diagnostic(.error, at: SourceLocation(file: path, line: line),
                                    "the first line must say what the memos are on, e.g. `# Memos on code Queues`")])
        }
        rest = rest.dropFirst()
        var diagnostics: [Diagnostic] = []
        if PlainTextSections.content(of: Array(rest)) != nil {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: preamble.count - rest.count + 1),
                                          "this text stands before the first memo heading, so it belongs to no memo",
                                          hint: "give it a heading line `## DATE · AUTHOR`, or move it into a memo"))
        }
        let memos = sections.map { section in
            let parts = section.heading.components(separatedBy: " · ")
            return Memo(target: target, author: parts.count > 1 ? parts[1].trimmingWhitespace() : "",
                        date: parts[0].trimmingWhitespace(), text: section.text,
                        location: SourceLocation(file: path, line: section.line))
        }
        return (memos, diagnostics)
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

    /// True when the target's file already holds this memo (same date, author and text).
    func holds(_ text: String, on target: Memo.Target, author: String, date: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(target.path).path) else { return false }
        let (memos, _) = MemoStore.parse(String(decoding: data, as: UTF8.self), path: target.path)
        let wanted = text.trimmingWhitespace()
        return memos.contains {
            $0.text == wanted && $0.author == PlainTextSections.oneLine(author) && $0.date == PlainTextSections.oneLine(date)
        }
    }

    /// Appends a memo to its target's file.
    func append(_ text: String, to target: Memo.Target, author: String, date: String) throws -> String {
        let path = target.path
        let url = root.appendingPathComponent(path)
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            let existing = try ProjectLoader.textIfPresent(of: url, path: path) ?? ""
            let appended = MemoStore.appending(text, to: existing, on: target, author: author, date: date)
            try AtomicFile.write(appended, to: url)
        }
        return path
    }

    /// A memo file's text (`existing`, empty for a new file) with the memo added at its end.
    static func appending(_ text: String, to existing: String, on target: Memo.Target, author: String,
                          date: String) -> String {
        var result = existing.isEmpty ? MemoStore.heading(for: target) + "\n" : existing
        if !result.hasSuffix("\n") { result += "\n" }
        let heading = "\(PlainTextSections.oneLine(date)) · \(PlainTextSections.oneLine(author))"
        return result + "\n## \(heading)\n\n\(PlainTextSections.escape(text.trimmingWhitespace()))\n"
    }
}
