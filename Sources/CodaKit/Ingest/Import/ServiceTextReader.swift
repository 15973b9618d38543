/// Recognises the plain-text exports of transcription services and turns them into speaker turns:
/// - Otter and Teams style: a header line `Name  0:03` (or `Speaker 1  00:01:02`; two or more spaces or a tab
///   before the time) alone, the words on the following lines up to the next header;
/// - Rev style: `Name (00:01:02):` with the words after it on the same line or the following lines.
/// (`[00:01:02] Name: text` lines are Coda's own format and need no conversion.) A text is taken as an export when
/// two or more header lines are found (or one at the very start), they outnumber Coda-style `Name:` lines and make
/// up at least a fifth of the non-blank lines (an export is mostly headers and paragraphs; prose that mentions a
/// time now and then is not). Lines before the first header (a title, a date) become plain paragraphs; a turn's
/// lines and paragraphs are joined with spaces.
enum ServiceTextReader {
    enum Style: String {
        case otter = "an Otter-style export (`Name  0:03` lines)"
        case rev = "a Rev-style export (`Name (00:01:02):` lines)"
    }

    struct Header: Equatable {
        var name: String
        var time: Timestamp
        /// Words on the header line itself (Rev style).
        var rest: String
    }

    /// The export's style and turn pieces, or nil when `text` is not such an export.
    static func read(_ text: String) -> (style: Style, pieces: [TurnPiece])? {
        // Splitting the UTF-8 bytes is the same cut as splitting `Character`s, and much faster, except that
        // "\r\n" is one `Character`: texts with a carriage return take the slow path.
        let lines = text.utf8.contains(13)
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            : text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(Substring($0)) }
        let otter = lines.indices.map { otterHeader(lines, at: $0) }
        let rev = lines.map(revHeader)
        let otterCount = otter.compactMap { $0 }.count
        let revCount = rev.compactMap { $0 }.count
        let (style, headers) = otterCount >= revCount ? (Style.otter, otter) : (Style.rev, rev)
        let count = max(otterCount, revCount)
        guard count > 0 else { return nil }
        let firstContent = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) }
        guard count >= 2 || (firstContent.map { headers[$0] != nil } ?? false) else { return nil }
        let codaLabels = lines.filter { SpeakerLabel.read(Substring($0)) != nil }.count
        let nonBlank = lines.filter { !$0.allSatisfy(\.isWhitespace) }.count
        guard count > codaLabels, count * 5 >= nonBlank else { return nil }

        var pieces: [TurnPiece] = []
        var current: Header?
        var words: [String] = []
        var group = 0
        func close() {
            let joined = words.joined(separator: " ")
            if let header = current {
                pieces.append(TurnPiece(speaker: header.name, start: header.time.seconds, text: joined, group: group))
            } else if !joined.isEmpty {
                pieces.append(TurnPiece(speaker: nil, start: nil, text: joined, group: group))
            }
            words = []
            group += 1
        }
        for (index, line) in lines.enumerated() {
            if let header = headers[index] {
                close()
                current = header
                if !header.rest.isEmpty { words.append(header.rest) }
            } else if line.allSatisfy(\.isWhitespace) {
                if current == nil { close() }
            } else {
                words.append(line.trimmingWhitespace())
            }
        }
        close()
        return (style, pieces)
    }

    /// `Name  0:03` alone on a line, followed (after blank lines, as in a Word document) by a line that is not one.
    static func otterHeader(_ lines: [String], at index: Int) -> Header? {
        guard let header = otterShape(lines[index]) else { return nil }
        guard let next = lines[(index + 1)...].first(where: { !$0.allSatisfy(\.isWhitespace) }), otterShape(next) == nil else {
            return nil
        }
        return header
    }

    /// Name and time are set apart by two or more spaces or a tab: with one space, prose ending in a time
    /// ("We met at 10:30") would look the same.
    private static func otterShape(_ text: String) -> Header? {
        // A time ends in a digit: most lines are prose and stop here, before any trimming.
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }),
              last.value >= 48, last.value <= 57 else { return nil }
        let line = text.trimmingWhitespace()
        guard let gap = line.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let timeText = line[line.index(after: gap)...]
        let before = line[..<gap].last
        guard line[gap] == "\t" || before == " " || before == "\t" else { return nil }
        let name = line[..<gap].trimmingWhitespace()
        guard let time = Timestamp(timeText), isName(name) else { return nil }
        return Header(name: name, time: time, rest: "")
    }

    /// `Name (00:01:02):` at the start of a line, words optionally after it.
    static func revHeader(_ line: String) -> Header? {
        guard line.utf8.contains(UInt8(ascii: "(")), let open = line.firstIndex(of: "("),
              let close = line[open...].firstIndex(of: ")") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let rest = after.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let name = line[..<open].trimmingWhitespace()
        let timeText = line[line.index(after: open)..<close].trimmingWhitespace()
        guard let time = Timestamp(timeText), isName(name) else { return nil }
        return Header(name: name, time: time, rest: rest.trimmingWhitespace())
    }

    /// A speaker name as services write them: a letter, at most six words and 60 characters, no colon.
    /// (Odd characters are allowed here and cleaned later by `SpeakerNames`.)
    static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 60 && !name.contains(":") && name.split(separator: " ").count <= 6
            && name.contains { $0.isLetter } && !name.hasPrefix("[")
    }
}
