/// Reads a subtitle file (WebVTT or SRT) into speaker turns: the reader finds the cues, `CueSpeakers` who
/// speaks in each, `TurnBuilder` merges consecutive cues of one speaker. The duration is the last cue's end.
enum SubtitleImport {
    enum Kind: String {
        case webVTT = "WebVTT"
        case srt = "SRT"
    }

    static func read(_ text: String, kind: Kind, file: String) throws(ImportError) -> ImportedSource {
        let (cues, readerNotes): ([Cue], [String])
        switch kind {
        case .webVTT: (cues, readerNotes) = try WebVTTReader(file: file).read(text)
        case .srt: (cues, readerNotes) = try SRTReader(file: file).read(text)
        }
        guard !cues.isEmpty else {
            throw .invalid(file: file, reason: "the \(kind.rawValue) file has no cues, so there is nothing to import",
                           hint: "check that it is the transcript you meant, exported with its text")
        }
        let speakers = CueSpeakers(cues: cues, srt: kind == .srt)
        var builder = TurnBuilder()
        for piece in speakers.pieces { builder.add(piece) }
        let turns = builder.finishedTurns
        guard !turns.isEmpty else {
            throw .invalid(file: file, reason: "the \(kind.rawValue) file's \(cues.count) cues hold no text", hint: nil)
        }
        var source = ImportedSource(format: "\(kind.rawValue), \(cues.count) cue\(cues.count == 1 ? "" : "s")", body: .turns(turns))
        source.duration = cues.map(\.end).max()
        source.adjustments = readerNotes + speakers.adjustments + builder.adjustments
        return source
    }
}
