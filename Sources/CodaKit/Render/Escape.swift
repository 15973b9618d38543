/// Escaping for each output format, in one place so every renderer escapes the same way.
enum Escape {
    /// True when none of `bytes` (ASCII markup characters) occurs in the text: the common case, checked fast.
    @inline(__always) static func isClean(_ text: String, of table: [Bool]) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in !buffer.contains { table[Int($0)] } }
    }

    static func byteTable(_ bytes: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for b in bytes { table[Int(b)] = true }
        return table
    }

    static let htmlSpecial = byteTable([38, 60, 62, 34, 39])
    static let latexSpecial = byteTable(Array("\\{}$&#^_%~<>|-\n".utf8) + [0xC2, 0xE2])
    static let markdownSpecial = byteTable(Array("\\*_`[]<>|#\n".utf8))

    static func html(_ text: String) -> String {
        if isClean(text, of: htmlSpecial) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func latex(_ text: String) -> String {
        if isClean(text, of: latexSpecial) { return text }
        var out = ""
        var previous: Unicode.Scalar?
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "^": out += "\\textasciicircum{}"
            case "_": out += "\\_"
            case "%": out += "\\%"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\n": out += " "
            case "\u{00B6}": out += "\\P{}"
            case "\u{2713}": out += "\\ensuremath{\\surd}"
            case "\u{2194}": out += "\\ensuremath{\\leftrightarrow}"
            case "\u{2192}": out += "\\ensuremath{\\rightarrow}"
            case "\u{2264}": out += "\\ensuremath{\\leq}"
            case "\u{2265}": out += "\\ensuremath{\\geq}"
            // `--option` would print as an en dash.
            case "-": out += previous == "-" ? "{}-" : "-"
            default: out.unicodeScalars.append(ch)
            }
            previous = ch
        }
        return out
    }

    /// Text that is safe inside a Markdown paragraph or table cell: markup characters are escaped,
    /// so a quote containing `*` or `|` shows as written.
    static func markdown(_ text: String) -> String {
        if isClean(text, of: markdownSpecial) { return text }
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|", "#":
                out += "\\"
                out.unicodeScalars.append(ch)
            case "\n": out += "<br>"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Coda's own prose: the text between backticks escaped by `plain`, the `code` spans (command examples)
    /// by `code`; without pairs of backticks, all of it plain.
    static func prose(_ text: String, plain: (String) -> String, code: (Substring) -> String) -> String {
        guard text.utf8.contains(UInt8(ascii: "`")) else { return plain(text) }
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return plain(text) }
        return parts.enumerated().map { $0.offset % 2 == 1 ? code($0.element) : plain(String($0.element)) }.joined()
    }

    /// Coda's own prose in Markdown: like `markdown`, but `code` spans stay code.
    static func markdownProse(_ text: String) -> String {
        prose(text, plain: markdown, code: { "`\($0)`" })
    }

    /// Coda's own prose in LaTeX: each word of a `code` span is its own `\texttt`, so a long command can
    /// break between words.
    static func latexProse(_ text: String) -> String {
        prose(text, plain: latex, code: { $0.split(separator: " ").map { "\\texttt{\(latex(String($0)))}" }.joined(separator: " ") })
    }

    /// Characters that make a spreadsheet run a cell as a formula when they come first.
    static let formulaStarts = byteTable(Array("=+-@\t\r".utf8))

    /// One CSV/TSV field: quoted when needed (RFC 4180), and prefixed with `'` when a spreadsheet
    /// would otherwise take it as a formula (after any leading spaces). Plain numbers such as `-2` are left alone.
    /// TSV has no quoting, so there every control character (tab, line ends, and the rest) becomes a space.
    static func delimitedField(_ text: String, separator: Character) -> String {
        // Fast path: nothing to quote, replace or guard.
        let sep = separator.asciiValue ?? 44
        let tsv = separator == "\t"
        if let first = text.utf8.first, !formulaStarts[Int(first)], first != 32, text.utf8.last != 32,
           !text.utf8.contains(where: { $0 == sep || $0 == 34 || $0 < 32 || $0 == 127 || (tsv && ($0 == 0xC2 || $0 == 0xE2)) }) {
            return text
        }
        var value = tsv ? tabSeparatedSafe(text) : text
        let start = value.drop { $0 == " " }
        if let first = start.utf8.first, formulaStarts[Int(first)], Double(start) == nil {
            value = "'" + value
        }
        if tsv { return value }
        let needsQuotes = value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r")
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, each made a space.
    static func tabSeparatedSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            out.append(control ? " " : scalar)
        }
        return String(out)
    }
}
