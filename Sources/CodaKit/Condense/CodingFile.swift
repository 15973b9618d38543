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
        var unreadable: [(line: Int, text: String)]
        var diagnostics: [Diagnostic]
    }

    static func parse(_ text: String, path: String) -> Contents {
        var contents = Contents(codings: [], unreadable: [], diagnostics: [])
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(unescape)
            func bad(_ message: String) {
                contents.unreadable.append((index + 1, String(line)))
                contents.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: index + 1), message,
                                                       hint: "fix the line by hand, or delete it and tag again"))
            }
            guard fields.count == fieldCount else {
                bad("this coding has \(fields.count) fields; a coding line has \(fieldCount), separated by tabs")
                continue
            }
            let segmentParts = fields[1].split(separator: "-").map { Int($0) }
            guard let start = Int(fields[2]), let end = Int(fields[3]), start >= 0, end >= start,
                  (1...2).contains(segmentParts.count), let first = segmentParts[0], let last = segmentParts[segmentParts.count - 1] else {
                bad("the segments, start or end of this coding are not numbers (start ≤ end)")
                continue
            }
            guard !fields[0].isEmpty, !fields[4].isEmpty, !fields[5].isEmpty else {
                bad("this coding has no document, code or coder")
                continue
            }
            contents.codings.append(Coding(document: fields[0], code: fields[4], start: start, end: end, firstSegment: first,
                                           lastSegment: last, coder: fields[5], time: fields[6], fingerprint: fields[7],
                                           excerpt: fields[8], memo: fields[9]))
        }
        return contents
    }

    static func render(_ codings: [Coding], unreadable: [(line: Int, text: String)] = []) -> String {
        var out = header + "\n"
        for c in sorted(codings) {
            let fields = [c.document, c.segmentLabel, String(c.start), String(c.end), c.code, c.coder, c.time, c.fingerprint, c.excerpt, c.memo]
            out += fields.map(escape).joined(separator: "\t") + "\n"
        }
        if !unreadable.isEmpty {
            out += "# Lines Coda could not read, kept as they were:\n"
            for (_, text) in unreadable { out += text + "\n" }
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

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\r" }) else { return text }
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
        guard field.contains("\\") else { return String(field) }
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
