/// Whether an imported source's text really is a conversation of speaker turns. REFI-QDA has no turns, and most
/// tools' sources are plain text: lines such as video titles (`Cooking rice: the easy way`) look like labels to
/// the transcript parser. A text has turns when most of its speakers speak more than once and labelled turns
/// make up at least half of its segments; otherwise it is imported as paragraphs.
enum RefiTurnStructure {
    static func hasTurns(_ transcript: Transcript) -> Bool {
        guard !transcript.speakers.isEmpty else { return false }
        var turns: [String: Int] = [:]
        for segment in transcript.segments { if let speaker = segment.speaker { turns[speaker, default: 0] += 1 } }
        let labelled = turns.values.reduce(0, +)
        let once = turns.values.filter { $0 == 1 }.count
        return once * 2 <= turns.count && labelled * 2 >= transcript.segments.count
    }

    /// The header lines that make the parser read a text as paragraphs: an empty `speakers:` list, explained.
    static let paragraphsHeader = "# No speaker turns: the text is read as paragraphs. "
        + "List its speakers here to read turns.\nspeakers:\n"
}
