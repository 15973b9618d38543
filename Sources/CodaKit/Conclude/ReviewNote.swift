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

    /// What `Memos/notes.md` holds: the notes, and what could not be read as a note, kept to be written back.
    struct Contents {
        var preamble: String?
        var notes: [ReviewNote] = []
        var kept: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Why the file could not be read at all; a change is then refused rather than writing over it.
        var unreadable: Diagnostic?
    }

    func load() -> [ReviewNote] { read().notes }

    func read() -> Contents {
        do {
            let url = root.appendingPathComponent(NoteStore.path)
            guard let text = try ProjectLoader.textIfPresent(of: url, path: NoteStore.path) else { return Contents() }
            return NoteStore.parse(text)
        } catch {
            return Contents(diagnostics: [error.diagnostic], unreadable: error.diagnostic)
        }
    }

    /// Each section is `## ID · open|resolved · TARGET`, a `By AUTHOR, DATE[; resolved by …]` line, then the text.
    /// A section that does not have this shape is kept as it stands and reported.
    static func parse(_ text: String) -> Contents {
        let (preamble, sections) = PlainTextSections.split(text)
        var contents = Contents()
        let standard = header.trimmingWhitespace()
        if let before = PlainTextSections.content(of: preamble), before != standard { contents.preamble = before }
        for section in sections {
            let parts = section.heading.components(separatedBy: " · ")
            let byIndex = section.body.firstIndex { !$0.trimmingWhitespace().isEmpty }
            guard parts.count >= 3, ["open", "resolved"].contains(where: { parts[1].hasPrefix($0) }),
                  let byIndex, section.body[byIndex].hasPrefix("By ") else {
                contents.kept.append(section.raw.trimmingWhitespace())
                contents.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: section.line),
                                                       "this section is not a review note Coda can read; it is kept as it is",
                                                       hint: "a note starts `## N1 · open · code CODE`, then `By AUTHOR, DATE`"))
                continue
            }
            let fields = section.body[byIndex].dropFirst(3).components(separatedBy: "; resolved by ")
            let byDate = fields[0].components(separatedBy: ", ")
            var note = ReviewNote(id: parts[0].trimmingWhitespace(), target: parts[2...].joined(separator: " · "),
                                  author: byDate[0], date: byDate.count > 1 ? byDate[1] : "", text: "",
                                  resolved: parts[1].hasPrefix("resolved") ? (fields.count > 1 ? fields[1] : "") : nil)
            var rest = section
            rest.body = Array(section.body[(byIndex + 1)...])
            note.text = rest.text
            contents.notes.append(note)
        }
        return contents
    }

    static func render(_ contents: Contents) -> String {
        var out = contents.preamble.map { $0 + "\n" } ?? header
        for n in contents.notes {
            let target = PlainTextSections.oneLine(n.target)
            out += "\n## \(PlainTextSections.oneLine(n.id)) · \(n.isOpen ? "open" : "resolved") · \(target)\n"
            let resolved = n.resolved.map { "; resolved by \(PlainTextSections.oneLine($0))" } ?? ""
            out += "By \(PlainTextSections.oneLine(n.author)), \(PlainTextSections.oneLine(n.date))" + resolved + "\n\n"
            out += PlainTextSections.escape(n.text.trimmingWhitespace()) + "\n"
        }
        for section in contents.kept { out += "\n" + section + "\n" }
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
            var contents = read()
            if let problem = contents.unreadable { throw ProjectLoader.UnreadableFile(diagnostic: problem) }
            let result = try body(&contents.notes)
            try AtomicFile.write(NoteStore.render(contents), to: root.appendingPathComponent(NoteStore.path))
            return result
        }
    }
}
