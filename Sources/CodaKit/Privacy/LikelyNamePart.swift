/// A capitalised word that is probably part of a participant's name but not in the key, so it would stay:
/// one that starts like a part of a name (`Nurhayati` when the key has `Bu Nur`), or one standing right beside
/// a name or its pseudonym (`Muhammad` in `Muhammad Hasan`). Reported as unsure, never replaced silently.
struct LikelyNamePart: Sendable, Equatable {
    enum Reason: Sendable, Equatable {
        case startsLikeName, beside
    }

    var range: Range<Int>
    /// The key entry it probably belongs to.
    var entry: Int
    /// The name (or pseudonym) it stands beside or starts like.
    var anchor: Range<Int>
    var reason: Reason

    /// The likely name parts of one line. `anchors` are the places of names (or pseudonyms) with their entry;
    /// `commonWords` are the project's words seen in lower case, which are never taken for names.
    static func find(in scalars: [Unicode.Scalar], anchors: [(range: Range<Int>, entry: Int)],
                     entries: [PseudonymEntry], commonWords: Set<String>) -> [LikelyNamePart] {
        let known = Set(entries.filter { $0.kind == .person }.flatMap(\.nameParts))
        let tokens = NameToken.tokens(scalars).filter { token in
            token.startsUpper && token.folded.count >= 3 && !commonWords.contains(token.folded)
                && !known.contains(token.folded) && !PseudonymEntry.isRole(String(token.folded))
                && !token.folded.unicodeScalars.contains { ("0"..."9").contains($0) }
                && !anchors.contains { $0.range.overlaps(token.range) }
        }
        var found: [LikelyNamePart] = []
        for token in tokens {
            if let hit = startsLike(token, scalars: scalars, anchors: anchors, entries: entries) {
                found.append(hit)
            } else if let anchor = anchors.first(where: { isBeside(token, $0.range, scalars) }) {
                found.append(LikelyNamePart(range: token.range, entry: anchor.entry, anchor: anchor.range,
                                            reason: .beside))
            }
        }
        return found
    }

    /// `Nurhayati` starts with `Nur`, a part of at least 3 letters of a person's name.
    private static func startsLike(_ token: NameToken, scalars: [Unicode.Scalar],
                                   anchors: [(range: Range<Int>, entry: Int)],
                                   entries: [PseudonymEntry]) -> LikelyNamePart? {
        for (index, entry) in entries.enumerated() where entry.kind == .person {
            guard entry.nameParts.contains(where: { $0.count >= 3 && token.folded.hasPrefix($0) }) else { continue }
            let anchor = anchors.first { $0.entry == index }?.range ?? token.range
            return LikelyNamePart(range: token.range, entry: index, anchor: anchor, reason: .startsLikeName)
        }
        return nil
    }

    /// Right before the name (not at a sentence start) or right after it, with only spaces between.
    private static func isBeside(_ token: NameToken, _ name: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        let spaces: (Range<Int>) -> Bool = { gap in
            !gap.isEmpty && scalars[gap].allSatisfy { $0 == " " || $0 == "\u{A0}" }
        }
        if token.range.upperBound <= name.lowerBound {
            return spaces(token.range.upperBound..<name.lowerBound) && !startsSentence(token.range.lowerBound, scalars)
        }
        return name.upperBound <= token.range.lowerBound && spaces(name.upperBound..<token.range.lowerBound)
    }

    /// Only an end of sentence, a label's colon or a timestamp (with quotes or brackets opening) stands before.
    private static func startsSentence(_ offset: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var i = offset - 1
        while i >= 0, " \u{A0}\"“‘'([*_".unicodeScalars.contains(scalars[i]) { i -= 1 }
        return i < 0 || ".!?:;]\t\n\r".unicodeScalars.contains(scalars[i])
    }

    /// Where a name (or a pseudonym) of several words stands in `scalars` as whole words, ignoring case.
    static func occurrences(of words: [String], in tokens: [NameToken]) -> [Range<Int>] {
        guard !words.isEmpty, tokens.count >= words.count else { return [] }
        return (0...(tokens.count - words.count)).compactMap { i in
            let run = tokens[i..<(i + words.count)]
            guard zip(run, words).allSatisfy({ $0.folded == $1 }), let first = run.first, let last = run.last else {
                return nil
            }
            return first.range.lowerBound..<last.range.upperBound
        }
    }
}
