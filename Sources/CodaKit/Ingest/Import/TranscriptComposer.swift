/// Writes an imported source in Coda's transcript format, a `---` header then the turns, and proves it by reading
/// the result back with `TranscriptParser`: every segment must come back with the speaker, timestamp and text that
/// was meant, or nothing is written. For turns the expected segments are the turns themselves; for text kept as it
/// is (DOCX paragraphs, a Coda .txt) they are what the parser finds in the body before `speakers:` is added.
enum TranscriptComposer {
    struct Expected: Equatable {
        var speaker: String?
        var timestamp: String?
        var text: String
    }

    /// `header` holds every attribute but `speakers` and `duration`, which are added here. `keptSpeakers` is the
    /// `speakers:` value of a source that had its own header.
    static func compose(_ source: ImportedSource, header: [(key: String, value: String)], keptSpeakers: String?,
                        path: String, id: String, file: String) throws(ImportError) -> (text: String, transcript: Transcript) {
        let body: String
        let expected: [Expected]
        var speakers: String?
        switch source.body {
        case let .turns(turns):
            body = turns.map(line).joined(separator: "\n\n") + "\n"
            expected = turns.map { Expected(speaker: $0.speaker, timestamp: $0.timestamp?.text, text: $0.text) }
            var names: [String] = []
            for case let name? in turns.map(\.speaker) where !names.contains(name) { names.append(name) }
            speakers = names.joined(separator: ", ")
        case let .text(text):
            body = text.hasSuffix("\n") ? text : text + "\n"
            let plain = try parse(headerText(header, keptSpeakers.map { [("speakers", $0)] } ?? []) + body, path: path, id: id, file: file)
            expected = plain.segments.map { Expected(speaker: $0.speaker, timestamp: $0.timestamp?.text, text: String($0.text)) }
            speakers = keptSpeakers ?? (plain.speakers.isEmpty ? nil : plain.speakers.joined(separator: ", "))
        }
        var extra: [(key: String, value: String)] = []
        if let speakers { extra.append(("speakers", speakers)) }
        if let duration = source.duration { extra.append(("duration", Timestamp(seconds: duration.rounded(.up)).text)) }
        let text = headerText(header, extra) + body
        let transcript = try parse(text, path: path, id: id, file: file)
        let found = transcript.segments.map { Expected(speaker: $0.speaker, timestamp: $0.timestamp?.text, text: String($0.text)) }
        if found != expected {
            let index = zip(found, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(found.count, expected.count)
            throw .invalid(file: file, reason: "Coda could not write the transcript so that it reads back as imported "
                               + "(segment \(index + 1) of \(expected.count) would differ); nothing was written",
                           hint: "please report this with the file")
        }
        return (text, transcript)
    }

    /// `[00:01:02] Name: text`, `Name: text` without a time, or the bare text without a speaker.
    static func line(_ turn: ImportedTurn) -> String {
        guard let speaker = turn.speaker else { return turn.text }
        let stamp = turn.timestamp.map { "[\($0.text)] " } ?? ""
        return turn.text.isEmpty ? "\(stamp)\(speaker):" : "\(stamp)\(speaker): \(turn.text)"
    }

    static func headerText(_ header: [(key: String, value: String)], _ extra: [(key: String, value: String)]) -> String {
        var text = "---\n"
        for (key, value) in header + extra {
            let value = value.collapsingWhitespace()
            text += value.isEmpty ? "\(key):\n" : "\(key): \(value)\n"
        }
        return text + "---\n"
    }

    private static func parse(_ text: String, path: String, id: String, file: String) throws(ImportError) -> Transcript {
        do {
            return try TranscriptParser(path: path, defaultID: id).parse(text).0
        } catch {
            throw .invalid(file: file, reason: "Coda could not write a readable transcript: \(error.diagnostic.message); nothing was written",
                           hint: error.diagnostic.hint)
        }
    }
}
