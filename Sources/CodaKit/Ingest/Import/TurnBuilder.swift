/// Forms speaker turns from the pieces a reader found (cues, voice spans, service-export turns):
/// - consecutive pieces of the same speaker merge into one turn, texts joined with a space, timestamped
///   with the first piece's start;
/// - a piece without a speaker continues the current speaker's turn;
/// - before any speaker, unlabelled pieces become plain paragraphs, one per cue (group), without a timestamp,
///   since Coda keeps timestamps on speaker turns only.
struct TurnBuilder {
    private(set) var turns: [ImportedTurn] = []
    private(set) var names = SpeakerNames()
    /// Cues (groups) written as plain paragraphs because no speaker was known yet; their timestamps are not kept.
    private(set) var unlabelledGroups = 0
    private var lastGroup: Int?

    mutating func add(_ piece: TurnPiece) {
        let text = piece.text.collapsingWhitespace()
        defer { lastGroup = piece.group }
        if let raw = piece.speaker {
            let speaker = names.name(for: raw)
            if let last = turns.last, last.speaker == speaker {
                append(text)
            } else {
                turns.append(ImportedTurn(speaker: speaker, start: piece.start, text: text))
            }
            return
        }
        guard !text.isEmpty else { return }
        if let last = turns.last, last.speaker != nil || lastGroup == piece.group {
            append(text)
        } else {
            turns.append(ImportedTurn(speaker: nil, start: nil, text: text))
            if piece.start != nil { unlabelledGroups += 1 }
        }
    }

    private mutating func append(_ text: String) {
        guard !text.isEmpty, let index = turns.indices.last else { return }
        turns[index].text = turns[index].text.isEmpty ? text : turns[index].text + " " + text
    }

    /// The turns, without speaker turns left empty (a voice tag around nothing), same-speaker neighbours merged
    /// again. A paragraph that starts with the label of one of the speakers (`Interviewer: …` in a title block)
    /// becomes that speaker's turn, since Coda's parser will read it so.
    var finishedTurns: [ImportedTurn] {
        var known: [String: String] = [:]
        for case let name? in turns.map(\.speaker) { known[name.lowercased()] = known[name.lowercased()] ?? name }
        var result: [ImportedTurn] = []
        for var turn in turns where !turn.text.isEmpty {
            if turn.speaker == nil, let label = SpeakerLabel.read(Substring(turn.text)), let name = known[label.name.lowercased()] {
                turn = ImportedTurn(speaker: name, start: label.timestamp?.seconds, text: label.content(of: turn.text))
                if turn.text.isEmpty { continue }
            }
            if let last = result.indices.last, turn.speaker != nil, result[last].speaker == turn.speaker {
                result[last].text += " " + turn.text
            } else {
                result.append(turn)
            }
        }
        return result
    }

    /// What was adjusted: renamed speakers and paragraphs that lost their timestamp.
    var adjustments: [String] {
        var lines = names.adjustments
        if unlabelledGroups > 0 {
            lines.append("\(unlabelledGroups) \(unlabelledGroups == 1 ? "cue has" : "cues have") no speaker and no speaker before "
                         + "\(unlabelledGroups == 1 ? "it" : "them"): written as plain paragraphs without timestamps")
        }
        return lines
    }
}
