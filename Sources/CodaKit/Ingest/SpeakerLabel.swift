/// The start of a speaker turn in a transcript line: `Name: text`, optionally after a timestamp
/// (`[00:12:31] Name: text`), and in Markdown also `**Name:** text`.
struct SpeakerLabel: Equatable {
    var name: String
    var timestamp: Timestamp?
    /// Where the spoken text starts in the line, in Unicode scalars.
    var contentOffset: Int

    static let maxNameLength = 40
    static let maxNameWords = 5

    /// Reads a label at the start of `line`, or nil when the line does not start with one.
    static func read(_ line: Substring) -> SpeakerLabel? {
        // Fast rejection: a label needs a colon near the start of the line.
        guard line.utf8.prefix(90).contains(UInt8(ascii: ":")) else { return nil }
        let s = Array(line.unicodeScalars.prefix(96))
        var i = 0
        func skipSpaces() { while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 } }
        skipSpaces()
        var timestamp: Timestamp?
        if i < s.count, s[i] == "[" || s[i] == "(" {
            let close: Unicode.Scalar = s[i] == "[" ? "]" : ")"
            guard let end = s[i...].prefix(18).firstIndex(of: close),
                  let t = Timestamp(String(String.UnicodeScalarView(s[(i + 1)..<end])).trimmingWhitespace()) else { return nil }
            timestamp = t
            i = end + 1
            skipSpaces()
        } else if i < s.count, ("0"..."9").contains(s[i]) {
            var j = i
            while j < s.count, s[j] != " ", s[j] != "\t" { j += 1 }
            guard j < s.count, let t = Timestamp(String(String.UnicodeScalarView(s[i..<j]))) else { return nil }
            timestamp = t
            i = j
            skipSpaces()
            if i < s.count, s[i] == "-" || s[i] == "\u{2013}" { i += 1; skipSpaces() }
        }
        var bold = false
        if i + 1 < s.count, s[i] == "*", s[i + 1] == "*" { bold = true; i += 2 }
        let nameStart = i
        while i < s.count, s[i] != ":" {
            if bold && s[i] == "*" { break }
            i += 1
        }
        guard i < s.count else { return nil }
        let nameEnd = i
        if bold {
            // **Name:** or **Name**:
            if s[i] == ":" {
                guard s[(i + 1)...].starts(with: ["*", "*"]) else { return nil }
                i += 3
            } else {
                guard s[i...].starts(with: ["*", "*", ":"]) else { return nil }
                i += 3
            }
        } else {
            i += 1
        }
        guard i == s.count || s[i] == " " || s[i] == "\t" else { return nil }
        let name = String(String.UnicodeScalarView(s[nameStart..<nameEnd]))
        guard isPlausibleName(name) else { return nil }
        skipSpaces()
        return SpeakerLabel(name: name, timestamp: timestamp, contentOffset: i)
    }

    /// A short name: letters of any script, digits, spaces, dots, hyphens and apostrophes, with a letter in it.
    static func isPlausibleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              first != " ", last != " ", name.unicodeScalars.count <= maxNameLength else { return false }
        var hasLetter = false
        var words = 1
        var previousSpace = false
        for scalar in name.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic {
                hasLetter = true
            } else if scalar == " " {
                if previousSpace { return false }
                words += 1
            } else if !(p.generalCategory == .decimalNumber || p.generalCategory == .nonspacingMark
                        || p.generalCategory == .spacingMark || ".-'’_".unicodeScalars.contains(scalar)) {
                return false
            }
            previousSpace = scalar == " "
        }
        return hasLetter && words <= maxNameWords
    }
}
