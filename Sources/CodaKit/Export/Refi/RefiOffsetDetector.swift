/// Decides in which unit a tool counted its selection positions: the standard's code points, UTF-16 code units
/// or UTF-8 bytes. Each reading is tried on all selections of a source, and the one that lands them on the most
/// sensible text wins: positions inside the text and on character boundaries first, then selections whose
/// `name` (tools put the selected words there) matches the text, then boundaries at word edges. Ties go to
/// code points, as the standard says; on plain ASCII text all readings agree.
enum RefiOffsetDetector {
    struct Choice {
        var unit: RefiSourceText.Unit
        var matchingNames: Int
        var namedSelections: Int
        /// Whether another unit would have placed the selections differently.
        var mattered: Bool
        /// Whether the selections themselves decide: the chosen unit places more of them inside the text and on
        /// character boundaries, or more of them on the words their names give, than any unit placing them elsewhere.
        var confident = true
    }

    static func choose(for selections: [RefiSelection], in source: RefiSourceText) -> Choice {
        let scalars = Array(source.text.unicodeScalars)
        var best: (unit: RefiSourceText.Unit, score: [Int])?
        var placements: [[Range<Int>?]] = []
        var scores: [[Int]] = []
        var namedSelections = 0
        for unit in RefiSourceText.Unit.allCases {
            var valid = 0, names = 0, words = 0
            var placed: [Range<Int>?] = []
            namedSelections = 0
            for selection in selections {
                guard let start = source.offset(selection.start, in: unit), let end = source.offset(selection.end, in: unit), start <= end else {
                    placed.append(nil)
                    continue
                }
                placed.append(start..<end)
                valid += 1
                if source.isWordBoundary(start, scalars: scalars) { words += 1 }
                if source.isWordBoundary(end, scalars: scalars) { words += 1 }
                if let name = selection.name, isText(name) {
                    namedSelections += 1
                    if matches(name, String(String.UnicodeScalarView(scalars[start..<end]))) { names += 1 }
                }
            }
            placements.append(placed)
            let score = [valid, names, words]
            scores.append(score)
            if let current = best?.score, !current.lexicographicallyPrecedes(score) { continue }
            best = (unit, score)
        }
        let mattered = placements.dropFirst().contains { $0 != placements[0] }
        let chosen = best ?? (.codePoints, [0, 0, 0])
        let unit = mattered ? chosen.unit : .codePoints
        var choice = Choice(unit: unit, matchingNames: chosen.score[1], namedSelections: namedSelections,
                            mattered: mattered)
        if mattered, let index = RefiSourceText.Unit.allCases.firstIndex(of: unit) {
            for (other, placed) in placements.enumerated() where placed != placements[index] {
                let decisive = scores[index][0] > scores[other][0] || scores[index][1] > scores[other][1]
                if !decisive { choice.confident = false }
            }
        }
        return choice
    }

    /// The unit a writing tool is known to count in, from the `origin` of its project: UTF-16 code units for
    /// NVivo for Windows and QualCoder, UTF-8 bytes for Taguette; nil for the others (code points, or unknown).
    static func toolUnit(origin: String) -> RefiSourceText.Unit? {
        let tool = origin.lowercased()
        if tool.contains("qualcoder") || (tool.contains("nvivo") && !tool.contains("mac")) { return .utf16 }
        if tool.contains("taguette") { return .utf8 }
        return nil
    }

    /// Names like `line:6` (qc) or a GUID say nothing about the text.
    private static func isText(_ name: String) -> Bool {
        let trimmed = name.trimmingWhitespace()
        return trimmed.count >= 3 && !trimmed.hasPrefix("line:") && !RefiGUID.isValid(trimmed)
    }

    /// The selected text equals the name, or starts with it when the tool shortened it (often with `…`).
    static func matches(_ name: String, _ selected: String) -> Bool {
        var wanted = name.collapsingWhitespace()
        let text = selected.collapsingWhitespace()
        for ellipsis in ["…", "..."] where wanted.hasSuffix(ellipsis) {
            wanted = String(wanted.dropLast(ellipsis.count)).trimmingWhitespace()
        }
        guard !wanted.isEmpty else { return false }
        return text == wanted || text.hasPrefix(wanted)
    }
}
