/// What the words of `coda note` name, as the notes file writes it: `project`, `code CODE`,
/// `coding DOC SEGMENTS CODE` or `cell KIND ROW COLUMN`, each followed by the note's text.
enum NoteTarget {
    /// The target line and the text; `project` is loaded only for a code or a coding.
    static func parse(_ words: [String], project: () throws -> Project) throws -> (target: String, text: String) {
        var words = words
        let full = words.joined(separator: " ")
        guard words.count >= 2, let text = words.popLast() else { throw ConcludeError.badNoteTarget(full) }
        let kind = words.removeFirst().lowercased()
        switch (kind, words.count) {
        case ("project", 0):
            return ("project", text)
        case ("code", 1):
            return ("code " + (try project().codebook.resolve(words[0]).path), text)
        case ("coding", 3):
            let project = try project()
            let document = try project.document(words[0])
            let selection = try SegmentSelection(parsing: words[1])
            _ = try Tagger.spans(in: document, selection: selection, phrase: nil)
            return ("coding \(document.id) ¶\(selection.compact) " + (try project.codebook.resolve(words[2]).path), text)
        case ("cell", 3):
            guard let matrix = MatrixKind(rawValue: words[0].lowercased()) else {
                throw UsageError.invalidArgument(name: "matrix kind", value: words[0], choices: MatrixKind.allCases.map(\.rawValue))
            }
            return ("cell \(matrix.rawValue) \(words[1]) / \(words[2])", text)
        default:
            throw ConcludeError.badNoteTarget(full)
        }
    }
}
