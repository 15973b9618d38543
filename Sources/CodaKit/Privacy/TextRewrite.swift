/// A text with its identifiers replaced by pseudonyms, and where each replacement went, so positions in
/// the old text (a coding's span) can be carried exactly into the new one.
struct TextRewrite: Sendable {
    struct Edit: Sendable {
        var old: Range<Int>
        var new: Range<Int>
        var entry: Int
    }

    /// What to do with a name that is also a common word, at the start of a sentence.
    enum Unsure: String, Sendable, CaseIterable {
        case replace, keep
    }

    var text: String
    var edits: [Edit]
    /// Places left as they were because they may be the common word (`Hope` at the start of a sentence).
    var keptUnsure: [PseudonymMatcher.Match]
    var changed: Bool { !edits.isEmpty }

    init(_ original: String, matcher: PseudonymMatcher, unsure: Unsure) {
        let scalars = Array(original.unicodeScalars)
        var out = String.UnicodeScalarView()
        var edits: [Edit] = []
        var kept: [PseudonymMatcher.Match] = []
        var copied = 0
        var newOffset = 0
        for match in matcher.matches(in: scalars) {
            if match.unsure && unsure == .keep {
                kept.append(match)
                continue
            }
            out.append(contentsOf: scalars[copied..<match.range.lowerBound])
            newOffset += match.range.lowerBound - copied
            let pseudonym = matcher.entries[match.entry].pseudonym.unicodeScalars
            out.append(contentsOf: pseudonym)
            edits.append(Edit(old: match.range, new: newOffset..<(newOffset + pseudonym.count), entry: match.entry))
            newOffset += pseudonym.count
            copied = match.range.upperBound
        }
        out.append(contentsOf: scalars[copied...])
        self.text = edits.isEmpty ? original : String(out)
        self.edits = edits
        self.keptUnsure = kept
    }

    /// Where an offset of the old text lies in the new one. A span boundary inside a replaced name moves
    /// to the edge of its pseudonym that keeps the whole name inside (start to its start, end to its end).
    func newOffset(_ old: Int, isEnd: Bool) -> Int {
        var delta = 0
        for edit in edits {
            if edit.old.upperBound <= old {
                delta = edit.new.upperBound - edit.old.upperBound
            } else if edit.old.lowerBound < old {
                return isEnd ? edit.new.upperBound : edit.new.lowerBound
            } else {
                break
            }
        }
        return old + delta
    }
}
