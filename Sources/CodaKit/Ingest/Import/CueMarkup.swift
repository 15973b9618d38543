/// One line of a cue's text after markup is removed, with the voice (`<v Name>`) speaking it, if any.
struct CueLine: Equatable, Sendable {
    var voice: String?
    var text: String
}

/// Removes the markup of WebVTT and SRT cue text and finds the voices in it:
/// - `<v Name>` / `<v.class Name>` start a voice span, `</v>` ends it; a cue may hold several voices;
/// - WebVTT: `<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>` and any other tag are dropped, their text kept, except
///   ruby annotations (`<rt>…</rt>`), dropped with their text; inline timestamps (`<00:00:01.000>`) are dropped;
/// - SRT: only `<i>`, `<b>`, `<u>`, `<s>`, `<font …>` and `<v …>` are tags (SRT has no escapes, so `<inaudible>` is
///   text); override codes (`{\an8}`) are dropped, and the ASS escapes some converters leave (`\N` line break,
///   `\h` hard space) are read;
/// - character references are decoded (see `HTMLEntities`); a no-break space becomes a space.
/// Each line break of the cue, and each change of voice, starts a new `CueLine`; empty lines are left out.
enum CueMarkup {
    static let srtTags: Set<String> = ["i", "b", "u", "s", "font", "v"]

    static func lines(_ text: String, srt: Bool = false) -> [CueLine] {
        let s = Array(text.unicodeScalars)
        var lines: [CueLine] = []
        var voice: String?
        var current = String.UnicodeScalarView()
        var inRubyText = false

        func flush() {
            let line = HTMLEntities.decode(String(current)).replacingOccurrences(of: "\u{00A0}", with: " ").trimmingWhitespace()
            if !line.isEmpty { lines.append(CueLine(voice: voice, text: line)) }
            current = String.UnicodeScalarView()
        }

        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<", let close = s[(i + 1)...].firstIndex(of: ">") {
                let tag = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                let (name, annotation, isEnd) = parts(of: tag)
                if srt && !srtTags.contains(name) {
                    current.append(c)
                    i += 1
                    continue
                }
                i = close + 1
                switch (name, isEnd) {
                case ("v", false):
                    flush()
                    let speaker = HTMLEntities.decode(annotation).trimmingWhitespace()
                    voice = speaker.isEmpty ? nil : speaker
                case ("v", true):
                    flush()
                    voice = nil
                case ("rt", _):
                    inRubyText = !isEnd
                default:
                    break
                }
                continue
            }
            if c == "{", i + 1 < s.count, s[i + 1] == "\\", let close = s[(i + 1)...].prefix(40).firstIndex(of: "}") {
                i = close + 1
                continue
            }
            if srt, c == "\\", i + 1 < s.count, s[i + 1] == "N" || s[i + 1] == "n" || s[i + 1] == "h" {
                if s[i + 1] == "h" { current.append(" ") } else { flush() }
                i += 2
                continue
            }
            if c == "\n" {
                flush()
            } else if !inRubyText {
                current.append(c)
            }
            i += 1
        }
        flush()
        return lines
    }

    /// A tag's name (lower case, classes removed), its annotation (after the first space) and whether it closes.
    private static func parts(of tag: String) -> (name: String, annotation: String, isEnd: Bool) {
        var body = Substring(tag)
        let isEnd = body.hasPrefix("/")
        if isEnd { body = body.dropFirst() }
        let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" || $0 == "." || $0 == "\n" } ?? body.endIndex
        let name = body[..<nameEnd].lowercased()
        let annotationStart = body.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" }
        let annotation = annotationStart.map { String(body[$0...]) } ?? ""
        return (name, annotation, isEnd)
    }
}
