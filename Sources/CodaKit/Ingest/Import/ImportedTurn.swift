/// One turn read from a source file, as it will be written: `[hh:mm:ss] Name: text`, or a plain paragraph
/// when the speaker is unknown (Coda's format keeps timestamps on speaker turns only).
struct ImportedTurn: Equatable, Sendable {
    var speaker: String?
    /// Seconds into the recording where the turn starts.
    var start: Double?
    /// One line, whitespace collapsed.
    var text: String

    /// The timestamp as written: whole seconds, `hh:mm:ss`; none without a speaker.
    var timestamp: Timestamp? {
        guard speaker != nil, let start else { return nil }
        return Timestamp(seconds: start)
    }
}

/// A piece of text read from a source before turns are formed: one cue line, one voice span, one service-export turn.
struct TurnPiece: Equatable, Sendable {
    /// The speaker's name as the source spells it.
    var speaker: String?
    var start: Double?
    var text: String
    /// Pieces of one cue (or one paragraph) share a group, so that unlabelled lines of one cue stay one paragraph.
    var group: Int
}

/// What a reader made of a source file, before it is written.
struct ImportedSource: Sendable {
    enum Body: Sendable {
        /// Turns to write one by one (WebVTT, SRT, transcription-service exports).
        case turns([ImportedTurn])
        /// Text already in Coda's format, written as it is and read by `TranscriptParser` (DOCX paragraphs, .txt).
        case text(String)
    }

    /// How the file was read, for the summary: "WebVTT, 48 cues".
    var format: String
    var body: Body
    /// Header attributes the source itself carries (a Coda .txt with a header), in file order.
    var attributes: [(key: String, value: String)] = []
    /// Seconds from the start of the recording to the end of the last cue, when known.
    var duration: Double?
    var adjustments: [String] = []
}
