/// The text format of a codings file: one coding per line, tab-separated, sorted so that a diff shows
/// exactly what changed. Tabs, newlines and backslashes inside fields are written `\t`, `\n`, `\\`.
///
///     # document  segments  start  end  code  coder  time  fingerprint  text  memo
///     P01  4  120  245  Flower of Service/Information  alice  2026-11-25T13:02:00Z  1a2b3c4d  How do I…  memo
enum CodingFile {
    static let header = "# Coda codings, one per line, tab-separated: document, segments, start, end, code, coder, time, fingerprint, text, memo. Sorted; edit with `coda tag` / `coda untag`."
    static let fieldCount = 10

    struct Contents {
        var codings: [Coding]
        /// Lines that could not be read, kept as they are so a rewrite loses nothing.
        var unreadable: [String]
        var diagnostics: [Diagnostic]
    }

    static func parse(_ text: String, path: String) -> Contents {
        var contents = Contents(codings: [], unreadable: [], diagnostics: [])
        var text = text
        text.withUTF8 { buffer in
            var lineStart = 0
            var lineNumber = 0
            var fields: [Range<Int>] = []
            fields.reserveCapacity(fieldCount + 1)
            for i in 0...buffer.count where i == buffer.count || buffer[i] == 10 {
                lineNumber += 1
                var end = i
                if end > lineStart, buffer[end - 1] == 13 { end -= 1 }
                defer { lineStart = i + 1 }
                guard end > lineStart, buffer[lineStart] != UInt8(ascii: "#") else { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for j in lineStart..<end where buffer[j] == 9 {
                    fields.append(fieldStart..<j)
                    fieldStart = j + 1
                }
                fields.append(fieldStart..<end)
                let line = lineNumber
                func bad(_ message: String) {
                    contents.unreadable.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), as: UTF8.self))
                    contents.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: line), message,
                                                           hint: "fix the line by hand, or delete it and tag again"))
                }
                guard fields.count == fieldCount else {
                    bad("this coding has \(fields.count) fields; a coding line has \(fieldCount), separated by tabs")
                    continue
                }
                func string(_ k: Int) -> String {
                    let slice = UnsafeBufferPointer(rebasing: buffer[fields[k]])
                    let raw = String(decoding: slice, as: UTF8.self)
                    return slice.contains(92) ? unescape(Substring(raw)) : raw
                }
                func number(_ range: Range<Int>) -> Int? {
                    guard !range.isEmpty, range.count < 19 else { return nil }
                    var value = 0
                    for j in range {
                        let digit = Int(buffer[j]) - 48
                        guard digit >= 0 && digit <= 9 else { return nil }
                        value = value * 10 + digit
                    }
                    return value
                }
                var first: Int?, last: Int?
                let segments = fields[1]
                if let dash = segments.first(where: { buffer[$0] == UInt8(ascii: "-") }) {
                    first = number(segments.lowerBound..<dash)
                    last = number((dash + 1)..<segments.upperBound)
                } else {
                    first = number(segments)
                    last = first
                }
                guard let start = number(fields[2]), let stop = number(fields[3]), stop >= start, let first, let last else {
                    bad("the segments, start or end of this coding are not numbers (start ≤ end)")
                    continue
                }
                // Checked after unescaping: a field of escapes alone (a lone `\`) reads as empty.
                let document = string(0), code = string(4), coder = string(5)
                guard !document.isEmpty, !code.isEmpty, !coder.isEmpty else {
                    bad("this coding has no document, code or coder")
                    continue
                }
                contents.codings.append(Coding(document: document, code: code, start: start, end: stop, firstSegment: first,
                                               lastSegment: last, coder: coder, time: string(6), fingerprint: string(7),
                                               excerpt: string(8), memo: string(9)))
            }
        }
        return contents
    }

    static func render(_ codings: [Coding], unreadable: [String] = []) -> String {
        var out = header + "\n"
        for c in sorted(codings) {
            let fields = [c.document, c.segmentLabel, String(c.start), String(c.end), c.code, c.coder, c.time, c.fingerprint, c.excerpt, c.memo]
            out += fields.map(escape).joined(separator: "\t") + "\n"
        }
        if !unreadable.isEmpty {
            out += "# Lines Coda could not read, kept as they were:\n"
            for line in unreadable { out += line + "\n" }
        }
        return out
    }

    static func sorted(_ codings: [Coding]) -> [Coding] {
        codings.sorted { a, b in
            if a.document != b.document { return a.document < b.document }
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            if a.code != b.code { return a.code < b.code }
            if a.coder != b.coder { return a.coder < b.coder }
            return a.time < b.time
        }
    }

    /// Tab, line feed, carriage return and backslash: checked as bytes, since `\r\n` is one Character equal to neither.
    private static let special = Escape.byteTable([9, 10, 13, 92])

    static func escape(_ text: String) -> String {
        if Escape.isClean(text, of: special) { return text }
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape(_ field: Substring) -> String {
        var out = ""
        var escaping = false
        for ch in field.unicodeScalars {
            if escaping {
                switch ch {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(ch)
                }
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
