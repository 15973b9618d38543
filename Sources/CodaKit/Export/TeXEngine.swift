/// The LaTeX engine the thesis is compiled with (`--engine`): pdflatex for Latin text, xelatex or lualatex
/// (with fontspec) for any script and emoji. The appendix says which preamble lines it needs.
public enum TeXEngine: String, Sendable, CaseIterable {
    case pdflatex, xelatex, lualatex

    /// The lines the thesis's preamble needs, written to `preamble.tex` beside the appendix.
    var preamble: String {
        switch self {
        case .pdflatex:
            return """
            % For pdflatex: Latin scripts only. For other scripts or emoji, export with --engine xelatex or lualatex.
            \\usepackage[utf8]{inputenc}
            \\usepackage[T1]{fontenc}
            \\usepackage{booktabs,longtable}

            """
        case .xelatex:
            return """
            % For xelatex: fontspec reads the text as Unicode. Set \\setmainfont to a font that has your scripts,
            % e.g. \\setmainfont{Noto Serif} (Latin, Greek, Cyrillic), or FandolSong for Chinese.
            \\usepackage{fontspec}
            \\usepackage{booktabs,longtable}

            """
        case .lualatex:
            return """
            % For lualatex: fontspec reads the text as Unicode. For characters the main font lacks, name
            % fallback fonts you have, e.g. TeX Live's FandolSong for Chinese:
            % \\directlua{luaotfload.add_fallback("coda", {"FandolSong-Regular:mode=harf;"})}
            % \\setmainfont{Latin Modern Roman}[RawFeature={fallback=coda}]
            \\usepackage{fontspec}
            \\usepackage{booktabs,longtable}

            """
        }
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
