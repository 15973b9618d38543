/// A script that Latin Modern lacks and xelatex or lualatex set in a fallback font: the fonts to try, in order,
/// and the Debian package that has the first of them, for the note when none is installed.
enum TeXScript: String, CaseIterable, Sendable {
    case cjk, arabic, devanagari, cyrillic, greek, hebrew, emoji

    /// How the note at the end of the LaTeX log names the script.
    var title: String {
        switch self {
        case .cjk: return "Chinese, Japanese or Korean"
        case .arabic: return "Arabic"
        case .devanagari: return "Devanagari"
        case .cyrillic: return "Cyrillic"
        case .greek: return "Greek"
        case .hebrew: return "Hebrew"
        case .emoji: return "emoji"
        }
    }

    /// The code points set in the fallback font.
    var ranges: [ClosedRange<UInt32>] {
        switch self {
        case .cjk:
            return [0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF,
                    0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F]
        case .arabic: return [0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF]
        case .devanagari: return [0x0900...0x097F, 0xA8E0...0xA8FF]
        case .cyrillic: return [0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F]
        // Latin Modern has the Greek capitals but not the small letters: all of Greek goes in one font.
        case .greek: return [0x0370...0x03FF, 0x1F00...0x1FFF]
        case .hebrew: return [0x0590...0x05FF, 0xFB1D...0xFB4F]
        case .emoji: return [0x2600...0x27BF, 0xFE0F...0xFE0F, 0x1F000...0x1FAFF]
        }
    }

    /// Fonts that a Debian or TeX Live install has, best first. Names in brackets are file names: fontspec looks
    /// one-word family names up as TeX fonts too, and a missing one would start METAFONT.
    func fonts(for engine: TeXEngine) -> [String] {
        switch self {
        case .cjk:
            return ["Noto Serif CJK SC", "Noto Sans CJK SC", "[FandolSong-Regular.otf]", "WenQuanYi Micro Hei",
                    "AR PL UMing CN", "Droid Sans Fallback"]
        case .arabic: return ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"]
        case .devanagari: return ["Noto Serif Devanagari", "Noto Sans Devanagari", "Lohit Devanagari"]
        case .cyrillic, .greek: return ["DejaVu Serif", "Noto Serif", "FreeSerif", "DejaVu Sans"]
        case .hebrew:
            return ["Noto Serif Hebrew", "Noto Sans Hebrew", "David CLM", "Frank Ruehl CLM", "DejaVu Sans", "FreeSerif"]
        case .emoji:
            // xelatex cannot draw colour bitmap glyphs, so Noto Color Emoji is for lualatex only.
            return (engine == .lualatex ? ["Noto Color Emoji", "[NotoColorEmoji.ttf]"] : [])
                + ["[Symbola_hint.ttf]", "[Symbola.ttf]", "DejaVu Sans"]
        }
    }

    /// The font options that make the engine shape the script (joined Arabic letters, Devanagari vowel signs):
    /// fontspec's for xelatex, luaotfload's for lualatex.
    func shaping(for engine: TeXEngine) -> String {
        switch (self, engine) {
        case (.arabic, .lualatex): return "script=arab;"
        case (.devanagari, .lualatex): return "script=deva;"
        case (.hebrew, .lualatex): return "script=hebr;"
        case (.arabic, _): return "Script=Arabic"
        case (.devanagari, _): return "Script=Devanagari"
        case (.hebrew, _): return "Script=Hebrew"
        default: return ""
        }
    }

    /// The Debian package to install when none of the fonts is there.
    var debianPackage: String {
        switch self {
        case .cjk: return "fonts-noto-cjk (or the smaller fonts-wqy-microhei)"
        case .arabic: return "fonts-noto-core (or fonts-dejavu-core)"
        case .devanagari: return "fonts-noto-core (or the smaller fonts-lohit-deva)"
        case .cyrillic, .greek: return "fonts-dejavu-core (or fonts-noto-core)"
        case .hebrew: return "fonts-noto-core (or culmus, or fonts-dejavu-core)"
        case .emoji: return "fonts-symbola"
        }
    }

    /// The scripts `text` holds, in declaration order.
    static func present(in text: String) -> [TeXScript] {
        var found = Set<TeXScript>()
        for scalar in text.unicodeScalars where scalar.value >= 0x0370 {
            if let script = allCases.first(where: { $0.ranges.contains { $0.contains(scalar.value) } }) {
                found.insert(script)
                if found.count == allCases.count { break }
            }
        }
        return allCases.filter(found.contains)
    }
}
