/// The start of a speaker turn in a transcript line: `Name: text`, optionally after a timestamp
/// (`[00:12:31] Name: text`), and in Markdown also `**Name:** text`.
struct SpeakerLabel: Equatable {
    var name: String
    var timestamp: Timestamp?
    /// Where the spoken text starts in the line, in Unicode scalars.
    var contentOffset: Int

    /// The spoken text of `line` after this label.
    func content(of line: some StringProtocol) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(contentOffset)))
    }

    static let maxNameLength = 40
    static let maxNameWords = 5

    /// Reads a label at the start of `line`, or nil when the line does not start with one.
    /// Works on the UTF-8 bytes: labels are short and mostly ASCII, and every line of a corpus passes here.
    static func read(_ line: Substring) -> SpeakerLabel? {
        // The line's own bytes when the string is contiguous (it is, as read from a file): no copy per line.
        if let label = line.utf8.withContiguousStorageIfAvailable({ read(bytes: .init(rebasing: $0.prefix(120))) }) {
            return label
        }
        return Array(line.utf8.prefix(120)).withUnsafeBufferPointer { read(bytes: $0) }
    }

    private static func read(bytes utf8: UnsafeBufferPointer<UInt8>) -> SpeakerLabel? {
        // Fast rejection: a label needs a colon near the start of the line.
        guard utf8.prefix(90).contains(UInt8(ascii: ":")) else { return nil }
        let n = utf8.count
        var i = 0
        func skipSpaces() { while i < n, utf8[i] == 32 || utf8[i] == 9 { i += 1 } }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        skipSpaces()
        var timestamp: Timestamp?
        if i < n, utf8[i] == UInt8(ascii: "[") || utf8[i] == UInt8(ascii: "(") {
            let close = utf8[i] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
            var end = i + 1
            while end < n, end - i < 18, utf8[end] != close { end += 1 }
            guard end < n, utf8[end] == close else { return nil }
            var inside = utf8[(i + 1)..<end]
            while let b = inside.first, b == 32 || b == 9 { inside.removeFirst() }
            while let b = inside.last, b == 32 || b == 9 { inside.removeLast() }
            guard let t = Timestamp(ArraySlice(inside)) else { return nil }
            timestamp = t
            i = end + 1
            skipSpaces()
        } else if i < n, isDigit(utf8[i]) {
            var j = i
            while j < n, utf8[j] != 32, utf8[j] != 9 { j += 1 }
            guard j < n, let t = Timestamp(ArraySlice(utf8[i..<j])) else { return nil }
            timestamp = t
            i = j
            skipSpaces()
            if i < n, utf8[i] == UInt8(ascii: "-") { i += 1; skipSpaces() } else if utf8[i...].starts(with: [0xE2, 0x80, 0x93]) { i += 3; skipSpaces() }
        }
        var bold = false
        if i + 1 < n, utf8[i] == UInt8(ascii: "*"), utf8[i + 1] == UInt8(ascii: "*") { bold = true; i += 2 }
        let nameStart = i
        while i < n, utf8[i] != UInt8(ascii: ":") {
            if bold && utf8[i] == UInt8(ascii: "*") { break }
            i += 1
        }
        guard i < n else { return nil }
        let nameEnd = i
        if bold {
            if utf8[i] == UInt8(ascii: ":") {
                guard utf8[(i + 1)...].starts(with: [42, 42]) else { return nil }
            } else {
                guard utf8[i...].starts(with: [42, 42, 58]) else { return nil }
            }
            i += 3
        } else {
            i += 1
        }
        guard i == n || utf8[i] == 32 || utf8[i] == 9 else { return nil }
        let name = String(decoding: utf8[nameStart..<nameEnd], as: UTF8.self)
        guard isPlausibleName(name) else { return nil }
        skipSpaces()
        // The content offset counts scalars, not bytes.
        let offset = utf8[0..<i].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return SpeakerLabel(name: name, timestamp: timestamp, contentOffset: offset)
    }

    /// A short name: letters of any script, digits, spaces, dots, hyphens and apostrophes, with a letter in it.
    /// ASCII is checked without Unicode properties: most names, on every line of a corpus, are ASCII.
    static func isPlausibleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              first != " ", last != " ", name.unicodeScalars.count <= maxNameLength else { return false }
        var hasLetter = false
        var words = 1
        var previousSpace = false
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z", "a"..."z": hasLetter = true
                case "0"..."9", ".", "-", "'", "_": break
                case " ":
                    if previousSpace { return false }
                    words += 1
                default: return false
                }
            } else {
                let p = scalar.properties
                if p.isAlphabetic {
                    hasLetter = true
                } else if !(p.generalCategory == .decimalNumber || p.generalCategory == .nonspacingMark
                            || p.generalCategory == .spacingMark || scalar == "’") {
                    return false
                }
            }
            previousSpace = scalar == " "
        }
        return hasLetter && words <= maxNameWords
    }
}
