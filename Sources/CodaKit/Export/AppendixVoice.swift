/// Turns a display made for the terminal into text for a thesis appendix: the hints that tell the researcher
/// what to type next (`coda retrieve …`, `--coder NAME`) are left out, while what a reader needs (what was
/// counted, by whom, on what base) stays. A table's hints are left out whole; hints still written into a
/// sentence are found by their commands and options, and clauses are dropped whole, so no sentence is left
/// half-finished.
enum AppendixVoice {
    static func thesis(_ report: Report) -> Report {
        var report = report
        report.blocks = report.blocks.compactMap(thesis)
        return report
    }

    static func thesis(_ block: Block) -> Block? {
        switch block {
        case .paragraph(let text):
            return thesis(text).map(Block.paragraph)
        case .list(let items):
            let kept = items.compactMap(thesis)
            return kept.isEmpty ? nil : .list(kept)
        case .table(var table):
            table.hints = []
            table.notes = table.notes.compactMap(thesis)
            return .table(table)
        case .fields(let fields):
            return .fields(fields.compactMap { field in thesis(field.value).map { Field(field.name, $0) } })
        default:
            return block
        }
    }

    /// The text without its instructions: parentheses and clauses (between `;` or sentence ends) that hold
    /// a command or an option are left out; nil when nothing is left.
    static func thesis(_ text: String) -> String? {
        holdsNoInstruction(text) ? text : withoutInstructions(text)
    }

    /// `thesis` the long way: sentence by sentence and clause by clause.
    static func withoutInstructions(_ text: String) -> String? {
        var text = withoutInstructingParentheses(text)
        let sentences = text.sentences.compactMap { sentence -> String? in
            let clauses = sentence.components(separatedBy: "; ").filter { !isInstruction($0) }.map(withoutAdvice)
            guard !clauses.isEmpty else { return nil }
            var joined = clauses.joined(separator: "; ")
            if let last = joined.last, !".!?:".contains(last), sentence.hasSuffix(".") { joined += "." }
            return joined
        }
        text = sentences.joined(separator: " ")
        return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
    }

    /// True when `thesis` would return `text` as it is: it is not blank, holds no backquote, `--`, `: ` or
    /// "coda" in any case (so no clause or parenthesis is an instruction or advice), and does not end in a
    /// sentence mark and a space (which the sentence split drops). Most quotes and counts are such text, and
    /// ten thousand transcripts make hundreds of thousands of them.
    static func holdsNoInstruction(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0, visible = false
        var coda = 0  // how much of "coda" the last bytes spell, in any case
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "`"): return false
            case UInt8(ascii: "-") where previous == UInt8(ascii: "-"): return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"): return false
            default: break
            }
            let lower = byte | 0x20
            coda = lower == Self.codaLetters[coda] ? coda + 1 : (lower == UInt8(ascii: "c") ? 1 : 0)
            if coda == 4 { return false }
            // Only ASCII counts as seen: a text of other blanks (no-break spaces) takes the long way.
            if byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { visible = true }
            beforePrevious = previous
            previous = byte
        }
        let endsInMarkAndSpace = previous == UInt8(ascii: " ") && ".!?".utf8.contains(beforePrevious)
        return visible && !endsInMarkAndSpace
    }

    private static let codaLetters = Array("coda".utf8)

    /// A clause that tells the reader what to type or do in Coda.
    static func isInstruction(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        if lower.contains("`coda") || lower.contains("`--") || lower.contains("coda retrieve") { return true }
        for word in lower.split(separator: " ") where word.hasPrefix("--") && word.count > 2 {
            if word.dropFirst(2).first?.isLetter == true { return true }
        }
        return false
    }

    /// Words that open advice to the researcher after a colon ("…: consider one before concluding").
    static let adviceOpenings = ["consider ", "check ", "add ", "run ", "see ", "try "]

    /// The clause without a trailing piece of advice after its last colon.
    static func withoutAdvice(_ clause: String) -> String {
        guard let colon = clause.range(of: ": ", options: .backwards) else { return clause }
        let advice = clause[colon.upperBound...].lowercased()
        guard adviceOpenings.contains(where: { advice.hasPrefix($0) }) else { return clause }
        return String(clause[..<colon.lowerBound]) + (clause.hasSuffix(".") ? "." : "")
    }

    static func withoutInstructingParentheses(_ text: String) -> String {
        var out = text
        var searchStart = out.startIndex
        while let open = out[searchStart...].firstIndex(of: "("),
              let close = out[open...].firstIndex(of: ")") {
            let inner = String(out[out.index(after: open)..<close])
            let imperative = ["add ", "see ", "run ", "use `", "e.g. `"].contains { inner.lowercased().hasPrefix($0) }
            if isInstruction(inner) || (imperative && inner.contains("`")) {
                var start = open
                if start > out.startIndex, out[out.index(before: start)] == " " { start = out.index(before: start) }
                out.removeSubrange(start...close)
                searchStart = start
            } else {
                searchStart = out.index(after: close)
            }
        }
        return out
    }
}

extension String {
    /// The text cut after each `. `, `! ` or `? `, each piece keeping its end mark.
    fileprivate var sentences: [String] {
        var pieces: [String] = []
        var current = ""
        var previous: Character?
        for ch in self {
            let abbreviation = current.hasSuffix("e.g.") || current.hasSuffix("i.e.")
            if ch == " ", let previous, ".!?".contains(previous), !abbreviation {
                pieces.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
