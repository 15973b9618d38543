/// A timed cue of a WebVTT or SRT file, its text still marked up.
struct Cue: Equatable, Sendable {
    var start: Double
    var end: Double
    /// The line of the timing, for messages.
    var line: Int
    var text: String
}

/// Finds who speaks in each cue and turns cues into `TurnPiece`s. Voice tags and `[Name]` labels always name
/// a speaker. A `Name:` prefix does when the file labels its cues that way systematically (at least half of the
/// cue lines start with one, as in Zoom's exports) or when the same name starts two or more lines; otherwise a
/// lone `The point is: …` would become a speaker. A `Name:` prefix that is not taken is kept as text and reported.
struct CueSpeakers {
    private(set) var pieces: [TurnPiece] = []
    private(set) var adjustments: [String] = []

    init(cues: [Cue], srt: Bool) {
        let marked = cues.map { CueMarkup.lines($0.text, srt: srt) }
        // Each line's label, read once: none on a line with a voice tag.
        let labels = marked.map { lines in lines.map { $0.voice == nil ? CueLabel.read($0.text) : nil } }
        var colonCounts: [String: Int] = [:]
        var sureNames = Set<String>()
        var lineCount = 0
        for (lines, lineLabels) in zip(marked, labels) {
            for (line, label) in zip(lines, lineLabels) {
                lineCount += 1
                if let voice = line.voice { sureNames.insert(voice.lowercased()); continue }
                guard let label else { continue }
                if label.kind == .colon {
                    colonCounts[label.name.lowercased(), default: 0] += 1
                } else {
                    sureNames.insert(label.name.lowercased())
                }
            }
        }
        let systematic = colonCounts.values.reduce(0, +) * 2 >= lineCount
        var declined: [String: Int] = [:]
        for (index, cue) in cues.enumerated() {
            for (line, label) in zip(marked[index], labels[index]) {
                var speaker = line.voice
                var text = line.text
                if let label {
                    let key = label.name.lowercased()
                    if label.kind == .bracket || systematic || sureNames.contains(key) || colonCounts[key, default: 0] >= 2 {
                        speaker = label.name
                        text = label.rest
                    } else {
                        declined[label.name, default: 0] += 1
                    }
                }
                pieces.append(TurnPiece(speaker: speaker, start: cue.start, text: text, group: index))
            }
        }
        for name in declined.keys.sorted() {
            adjustments.append("`\(name):` starts only one cue line, so it was kept as text, not taken as a speaker")
        }
    }
}
