/// What the words of `coda memo` ask for: a memo on the project, a code or a document, or a memo on
/// one's codings of a code in some segments (kept with the codings).
enum MemoRequest {
    case memo(Memo.Target, text: String)
    case coding(document: Transcript, selection: SegmentSelection, code: Code, spans: [Range<Int>], text: String)

    /// The document a memo on a document or a coding is about, so only that document needs reading.
    static func document(in words: [String]) -> String? {
        guard words.count >= 2, ["document", "doc", "coding"].contains(words[0].lowercased()) else { return nil }
        return words[1]
    }

    static func parse(_ words: [String], project: Project) throws -> MemoRequest {
        var words = words
        let full = words.joined(separator: " ")
        guard let kind = words.first?.lowercased() else { throw CondenseError.badMemoTarget("") }
        words.removeFirst()
        switch kind {
        case "project" where words.count == 1:
            return .memo(.project, text: words[0])
        case "code" where words.count == 2:
            return .memo(.code(try project.codebook.resolve(words[0]).path), text: words[1])
        case "document" where words.count == 2, "doc" where words.count == 2:
            return .memo(.document(try project.document(words[0]).id), text: words[1])
        case "coding" where words.count == 4:
            let document = try project.document(words[0])
            let selection = try SegmentSelection(parsing: words[1])
            let code = try project.codebook.resolve(words[2])
            let spans = try Tagger.spans(in: document, selection: selection, phrase: nil)
            return .coding(document: document, selection: selection, code: code, spans: spans, text: words[3])
        case "project" where words.isEmpty, "code" where words.count == 1, "document" where words.count == 1,
             "doc" where words.count == 1, "coding" where words.count == 3:
            throw UsageError.missingArgument(name: "the memo's text after `\(full)`", command: "memo")
        default:
            throw CondenseError.badMemoTarget(full)
        }
    }
}
