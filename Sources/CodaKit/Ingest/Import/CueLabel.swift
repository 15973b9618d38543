/// A speaker named at the start of a cue line: `Name: text` (as Zoom writes it), `[Name] text`, either after
/// a dialogue dash (`- Name: text`), or a voice tag. Bracketed sound descriptions (`[laughs]`, `[Music]`) are not names.
struct CueLabel: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `<v Name>`: always a speaker.
        case voice
        /// `[Name]`: a speaker when the name is plausible, starts with a capital and is not a sound.
        case bracket
        /// `Name:`: a speaker only when the file uses labels systematically or the name recurs (see `CueSpeakers`).
        case colon
    }

    var name: String
    var kind: Kind
    /// The line without the label (and without the dialogue dash before it).
    var rest: String

    /// Words that describe sounds in brackets, never speakers.
    static let sounds: Set<String> = [
        "applause", "background noise", "chuckles", "coughs", "crosstalk", "inaudible", "indistinct", "laughs",
        "laughter", "music", "noise", "pause", "silence", "sighs", "unclear", "static", "phone rings", "beep",
    ]

    /// The label at the start of `line`, if there is one.
    static func read(_ line: String) -> CueLabel? {
        var body = Substring(line)
        if body.hasPrefix("-"), !body.hasPrefix("--") {
            body = body.dropFirst().drop { $0 == " " || $0 == "\t" }
        }
        if let label = bracketLabel(body) { return label }
        guard let label = SpeakerLabel.read(body) else { return nil }
        return CueLabel(name: label.name, kind: .colon, rest: label.content(of: body).trimmingWhitespace())
    }

    /// `[Name] text` or `[Name]: text`; a timestamp or a sound in brackets is not a name.
    private static func bracketLabel(_ body: Substring) -> CueLabel? {
        guard body.hasPrefix("["), let close = body.firstIndex(of: "]") else { return nil }
        let name = body[body.index(after: body.startIndex)..<close].trimmingWhitespace()
        var rest = body[body.index(after: close)...]
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t",
              SpeakerLabel.isPlausibleName(name), let first = name.first, first.isUppercase,
              !sounds.contains(name.lowercased()) else { return nil }
        return CueLabel(name: name, kind: .bracket, rest: rest.trimmingWhitespace())
    }
}
