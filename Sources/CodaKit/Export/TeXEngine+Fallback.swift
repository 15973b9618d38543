/// The preamble lines that give xelatex and lualatex a font for each script the appendix holds beyond Latin:
/// the first installed font of the script's list, or, when none is installed, one note at the end of the log
/// naming the Debian package, so the "Missing character" lines have an explanation and a fix.
extension TeXEngine {
    func fallbacks(for scripts: [TeXScript]) -> String {
        guard self != .pdflatex, !scripts.isEmpty else { return "" }
        var out = "% Fonts for the scripts Latin Modern lacks: the first installed one of each list.\n"
            + "\\makeatletter\n" + Self.pickMacros + (self == .xelatex ? Self.xetexMacros : Self.luatexMacros)
        for script in scripts {
            out += "\\coda@script{\(script.rawValue)}{\(script.fonts(for: self).joined(separator: ","))}"
                + "{\(script.title)}{\(script.debianPackage)}{\(script.shaping(for: self))}\n"
        }
        if self == .xelatex {
            out += "\\XeTeXinterchartokenstate=1\n"
            for script in scripts {
                out += "\\coda@class{\(script.rawValue)}\n"
                out += script.ranges
                    .map { "\\coda@chars{\(script.rawValue)}{\(hex($0.lowerBound))}{\(hex($0.upperBound))}" }
                    .joined() + "\n"
            }
            for from in scripts {
                for to in scripts where to != from { out += "\\coda@between{\(from.rawValue)}{\(to.rawValue)}" }
            }
            out += scripts.count > 1 ? "\n" : ""
        } else {
            out += Self.luatexFallback
        }
        return out + "\\makeatother\n"
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `\coda@pick{fonts}` leaves the first installed font in `\coda@found`; `\coda@missing` adds the note.
    private static let pickMacros = #"""
        \def\coda@pick#1{\let\coda@found\relax
          \@for\coda@font:=#1\do{\ifx\coda@found\relax
            \expandafter\IfFontExistsTF\expandafter{\coda@font}{\let\coda@found\coda@font}{}\fi}}
        \def\coda@missing#1#2{\AtEndDocument{\PackageWarningNoLine{coda}{No font for #1 text is installed,
          so those\MessageBreak characters are missing from the PDF (the `Missing character'\MessageBreak
          lines above). Install the Debian package #2\MessageBreak and compile again}}}

        """#

    /// xelatex: each script's characters get a class of their own, and a change of class switches the font.
    private static let xetexMacros = #"""
        \def\coda@script#1#2#3#4#5{\coda@pick{#2}\ifx\coda@found\relax\coda@missing{#3}{#4}\else
          \edef\coda@next{\noexpand\newfontfamily\expandafter\noexpand\csname coda@font@#1\endcsname
            {\coda@found}[#5]}%
          \coda@next\fi}
        \def\coda@class#1{\expandafter\newXeTeXintercharclass\csname coda@class@#1\endcsname
          \XeTeXinterchartoks 0 \csname coda@class@#1\endcsname={\begingroup\csname coda@font@#1\endcsname}
          \XeTeXinterchartoks \e@alloc@intercharclass@top \csname coda@class@#1\endcsname=
            {\begingroup\csname coda@font@#1\endcsname}
          \XeTeXinterchartoks \csname coda@class@#1\endcsname 0 ={\endgroup}
          \XeTeXinterchartoks \csname coda@class@#1\endcsname \e@alloc@intercharclass@top ={\endgroup}}
        \def\coda@between#1#2{\XeTeXinterchartoks \csname coda@class@#1\endcsname \csname coda@class@#2\endcsname
          ={\endgroup\begingroup\csname coda@font@#2\endcsname}}
        \def\coda@chars#1#2#3{\expandafter\ifx\csname coda@font@#1\endcsname\relax\else
          \count@="#2\relax
          \loop\XeTeXcharclass\count@=\csname coda@class@#1\endcsname\relax
          \ifnum\count@<"#3\relax\advance\count@\@ne\repeat\fi}

        """#

    /// lualatex: the installed fonts form one fallback chain that every font loaded after this file uses.
    private static let luatexMacros = #"""
        \def\coda@fallbacks{}
        \def\coda@script#1#2#3#4#5{\coda@pick{#2}\ifx\coda@found\relax\coda@missing{#3}{#4}\else
          \edef\coda@fallbacks{\coda@fallbacks"\coda@found:mode=harf;#5",}\fi}

        """#

    private static let luatexFallback = #"""
        \ifx\coda@fallbacks\@empty\else
          \directlua{luaotfload.add_fallback("coda", {\coda@fallbacks})}
          \defaultfontfeatures{RawFeature={fallback=coda}}
          \setmainfont{Latin Modern Roman}\setsansfont{Latin Modern Sans}\setmonofont{Latin Modern Mono}
        \fi

        """#
}
