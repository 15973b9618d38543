import Foundation

/// A supervisor's comment on a code, a coding, a matrix cell or the project, open until resolved.
/// Kept in `Memos/notes.md` as plain text:
///
///     ## N3 · open · code Problems/Queues
///     By amir, 2026-11-25 13:02
///
///     Queues and Order taking overlap in S01; agree a rule.
public struct ReviewNote: Sendable, Hashable {
    public var id: String
    public var target: String
    public var author: String
    public var date: String
    public var text: String
    public var resolved: String?

    public var isOpen: Bool { resolved == nil }
}

struct NoteStore {
    static let path = "\(MemoStore.folder)/\(MemoStore.notesFileName)"
    static let header = "# Review notes\n\nOpen notes are listed by `coda notes`; close one with `coda note --resolve ID`.\n"

    var root: URL

    func load() -> [ReviewNote] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(NoteStore.path).path) else { return [] }
        return NoteStore.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> [ReviewNote] {
        var notes: [ReviewNote] = []
        var current: ReviewNote?
        var body: [String] = []
        func flush() {
            guard var note = current else { return }
            note.text = body.joined(separator: "\n").trimmingWhitespace()
            notes.append(note)
            current = nil
            body = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                flush()
                let parts = line.dropFirst(3).components(separatedBy: " · ")
                guard parts.count >= 3 else { continue }
                current = ReviewNote(id: parts[0].trimmingWhitespace(), target: parts[2...].joined(separator: " · "), author: "", date: "", text: "",
                                     resolved: parts[1].hasPrefix("resolved") ? "" : nil)
            } else if current != nil, line.hasPrefix("By "), current?.author.isEmpty == true {
                let fields = line.dropFirst(3).components(separatedBy: "; resolved by ")
                let byDate = fields[0].components(separatedBy: ", ")
                current?.author = byDate[0]
                current?.date = byDate.count > 1 ? byDate[1] : ""
                if fields.count > 1 { current?.resolved = fields[1] }
            } else if current != nil {
                body.append(String(line))
            }
        }
        flush()
        return notes
    }

    static func render(_ notes: [ReviewNote]) -> String {
        var out = header
        for n in notes {
            out += "\n## \(n.id) · \(n.isOpen ? "open" : "resolved") · \(n.target)\n"
            out += "By \(n.author), \(n.date)" + (n.resolved.map { "; resolved by \($0)" } ?? "") + "\n\n\(n.text.trimmingWhitespace())\n"
        }
        return out
    }

    /// Adds a note and returns its id.
    func add(target: String, text: String, author: String, date: String) throws -> String {
        try change { notes in
            let next = (notes.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
            notes.append(ReviewNote(id: "N\(next)", target: target, author: author, date: date, text: text, resolved: nil))
            return "N\(next)"
        }
    }

    func resolve(_ id: String, by author: String, date: String) throws -> ReviewNote {
        try change { notes in
            guard let i = notes.firstIndex(where: { $0.id.lowercased() == id.lowercased() && $0.isOpen }) else {
                throw ConcludeError.unknownNote(id, open: notes.filter(\.isOpen).map(\.id))
            }
            notes[i].resolved = "\(author), \(date)"
            return notes[i]
        }
    }

    private func change<T>(_ body: (inout [ReviewNote]) throws -> T) throws -> T {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            var notes = load()
            let result = try body(&notes)
            try AtomicFile.write(NoteStore.render(notes), to: root.appendingPathComponent(NoteStore.path))
            return result
        }
    }
}
