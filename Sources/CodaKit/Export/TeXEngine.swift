/// The LaTeX engine the thesis is compiled with (`--engine`): pdflatex for Latin text, xelatex or lualatex
/// (with fontspec) for any script and emoji. The appendix says which preamble lines it needs.
public enum TeXEngine: String, Sendable, CaseIterable {
    case pdflatex, xelatex, lualatex

    /// The lines the thesis's preamble needs, written to `preamble.tex` beside the appendix. For xelatex and
    /// lualatex, characters of `scripts` are set in the first installed font of each script's list.
    func preamble(scripts: [TeXScript] = []) -> String {
        switch self {
        case .pdflatex:
            return """
            % For pdflatex: Latin scripts only. For other scripts or emoji, export with --engine xelatex or lualatex.
            \\usepackage[utf8]{inputenc}
            \\usepackage[T1]{fontenc}
            \\usepackage{booktabs,longtable}

            """
        case .xelatex, .lualatex:
            return """
            % For \(rawValue): fontspec reads the text as Unicode; \\setmainfont after this file sets your own font.
            \\usepackage{fontspec}
            \\usepackage{booktabs,longtable}

            """ + fallbacks(for: scripts)
        }
    }

    /// The warning for characters that neither Latin Modern nor a fallback font of the preamble has, which the
    /// engine would leave out of the PDF; nil when there are none.
    func uncoveredWarning(_ text: String) -> String? {
        let missing = TeXCoverage.uncovered(in: text, limit: 9)
        guard !missing.isEmpty else { return nil }
        let shown = missing.prefix(8).map { "\(Character($0)) (U+\(hex($0.value)))" }
        return "the appendix holds characters that no font of preamble.tex has (" + shown.joined(separator: ", ")
            + (missing.count > 8 ? ", …" : "") + "): \(rawValue) would leave them out of the PDF; "
            + "after `\\input{preamble}`, set a font that has them with `\\setmainfont{…}`"
    }

    /// Characters pdflatex with inputenc and T1 cannot typeset: other scripts than Latin, and emoji.
    static func beyondPDFLaTeX(_ text: String) -> [Character] {
        var found: [Character] = []
        for ch in text where !ch.isASCII && Escape.latex(String(ch)) == String(ch) {
            guard let scalar = ch.unicodeScalars.first else { continue }
            let v = scalar.value
            let latin = v <= 0x024F || (0x1E00...0x1EFF).contains(v) || (0x2000...0x206F).contains(v)
                || [0x20AC, 0x2122, 0x00B6].contains(v)
            if !latin && !found.contains(ch) { found.append(ch) }
            if found.count >= 5 { break }
        }
        return found
    }
}
