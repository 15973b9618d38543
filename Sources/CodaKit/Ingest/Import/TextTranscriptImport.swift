/// Reads transcript text (a `.txt` file, or the paragraphs of a Word document): a transcription-service export
/// (see `ServiceTextReader`) is converted to turns; anything else is taken as Coda's own format and kept as it is,
/// so that `TranscriptParser` finds its `Name: text` turns exactly as it does in `Transcripts/`.
enum TextTranscriptImport {
    /// `format` names the source for the summary ("text", "Word document, 12 paragraphs"). With `readsHeader`,
    /// a `---` header at the top (a Coda transcript) is read, and its attributes are kept.
    static func read(_ text: String, format: String, file: String, defaultID: String,
                     readsHeader: Bool) throws(ImportError) -> ImportedSource {
        var body = text
        var attributes: [(key: String, value: String)] = []
        if readsHeader, text.hasPrefix("---") {
            do {
                let (transcript, _) = try TranscriptParser(path: file, defaultID: defaultID).parse(text)
                body = transcript.text
                attributes = transcript.attributes
                if transcript.id != defaultID { attributes.insert(("id", transcript.id), at: 0) }
            } catch {
                let diagnostic = error.diagnostic
                throw .malformed(file: file, line: diagnostic.location?.line ?? 1, reason: diagnostic.message, hint: diagnostic.hint)
            }
        }
        guard !body.allSatisfy(\.isWhitespace) else {
            throw .invalid(file: file, reason: "the file has no text, so there is nothing to import", hint: nil)
        }
        if let (style, pieces) = ServiceTextReader.read(body) {
            var builder = TurnBuilder()
            for piece in pieces { builder.add(piece) }
            var source = ImportedSource(format: "\(format), \(style.rawValue)", body: .turns(builder.finishedTurns))
            source.attributes = attributes
            source.adjustments = builder.adjustments
            return source
        }
        var source = ImportedSource(format: format, body: .text(body))
        source.attributes = attributes
        return source
    }
}
