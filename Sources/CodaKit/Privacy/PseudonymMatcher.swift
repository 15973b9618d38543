/// Finds the identifiers of a key in a text: names as whole words in any of their variants (case, diacritics,
/// possessive, a part of the name alone), emails and phone numbers as written. A name must start with a
/// capital letter, so `rose` the verb is never taken for `Rose`.
struct PseudonymMatcher: Sendable {
    let entries: [PseudonymEntry]
    /// Name variants by their first folded word, longest first.
    private var variants: [String: [(words: [String], entry: Int)]] = [:]
    private var literals: [(scalars: [Unicode.Scalar], entry: Int, folded: Bool)] = []
    private var literalsByFirst: [Unicode.Scalar: [Int]] = [:]
    /// Single-word names that are also ordinary words of the project (seen in lower case): a capitalised
    /// one at the start of a sentence may be the word, not the name.
    var commonWords: Set<String> = []

    struct Match: Sendable, Equatable {
        var range: Range<Int>
        var entry: Int
        /// A name that is also a common word, at the start of a sentence.
        var unsure: Bool
    }

    init(_ entries: [PseudonymEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            switch entry.kind {
            case .person:
                for words in entry.variants { variants[words[0], default: []].append((words, index)) }
            case .email:
                literals.append((entry.real.unicodeScalars.map(PseudonymMatcher.lowered), index, true))
            case .phone:
                literals.append((Array(entry.real.unicodeScalars), index, false))
            }
        }
        for (index, literal) in literals.enumerated() {
            if let first = literal.scalars.first { literalsByFirst[first, default: []].append(index) }
        }
        for key in variants.keys { variants[key]?.sort { $0.words.count > $1.words.count } }
    }

    /// Folded single words that two entries share (`Ana` of `Ana Silva` and of `Ana Lima`): they cannot
    /// be given one pseudonym.
    var sharedWords: [(word: String, entries: [Int])] {
        var owners: [String: Set<Int>] = [:]
        for (word, list) in variants {
            for variant in list where variant.words.count == 1 { owners[word, default: []].insert(variant.entry) }
        }
        // Spellings of one person (`Pak Hasan`, `Muhammad Hasan = P01`) may share words.
        let shared = owners.filter { Set($0.value.map { entries[$0].pseudonym }).count > 1 }
        return shared.map { ($0.key, $0.value.sorted()) }.sorted { $0.word < $1.word }
    }

    var singleWords: Set<String> {
        Set(variants.flatMap { word, list in list.contains { $0.words.count == 1 } ? [word] : [] })
    }

    /// Every identifier in `scalars`, sorted and not overlapping (the longest wins where two start together).
    func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        let tokens = NameToken.tokens(scalars)
        for (i, token) in tokens.enumerated() where token.startsUpper {
            guard let candidates = variants[token.folded] else { continue }
            for candidate in candidates {
                guard let end = matchEnd(candidate.words, at: i, tokens: tokens, scalars: scalars) else { continue }
                let unsure = candidate.words.count == 1 && commonWords.contains(token.folded)
                    && startsSentence(at: token.range.lowerBound, in: scalars) && !isLabel(endingAt: end, in: scalars)
                found.append(Match(range: token.range.lowerBound..<end, entry: candidate.entry, unsure: unsure))
                break
            }
        }
        found += literalMatches(in: scalars)
        found.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                     : $0.range.count > $1.range.count }
        var result: [Match] = []
        for match in found where result.last.map({ $0.range.upperBound <= match.range.lowerBound }) ?? true {
            result.append(match)
        }
        return result
    }

    private func matchEnd(_ words: [String], at first: Int, tokens: [NameToken], scalars: [Unicode.Scalar]) -> Int? {
        guard first + words.count <= tokens.count else { return nil }
        for k in 0..<words.count {
            let token = tokens[first + k]
            guard token.folded == words[k] else { return nil }
            if k > 0 {
                let gap = scalars[tokens[first + k - 1].range.upperBound..<token.range.lowerBound]
                let spaces = gap.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
                guard spaces || (gap.count == 1 && gap.first == "-") else { return nil }
            }
        }
        return tokens[first + words.count - 1].range.upperBound
    }

    /// True when only punctuation that can open a sentence, a label or a field stands before `offset`.
    private func startsSentence(at offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var i = offset - 1
        while i >= 0, scalars[i] == " " || scalars[i] == "\u{A0}" { i -= 1 }
        if i < 0 { return true }
        return ".!?:;,\"“‘'([\t\n\r*_>-".unicodeScalars.contains(scalars[i])
    }

    /// A speaker label (`Hope:`) is a name wherever it stands.
    private func isLabel(endingAt end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var i = end
        while i < scalars.count, scalars[i] == " " { i += 1 }
        return i < scalars.count && scalars[i] == ":"
    }

    /// Emails (any case) and phone numbers (as written) at word boundaries, found in one pass over the text
    /// with the literals indexed by their first scalar.
    private func literalMatches(in scalars: [Unicode.Scalar]) -> [Match] {
        guard !literals.isEmpty else { return [] }
        var result: [Match] = []
        var i = 0
        while i < scalars.count {
            let lower = PseudonymMatcher.lowered(scalars[i])
            var matched = 0
            for index in literalsByFirst[lower] ?? [] {
                let literal = literals[index]
                let end = i + literal.scalars.count
                guard end <= scalars.count, end - i > matched else { continue }
                let same = zip(literal.scalars, scalars[i..<end]).allSatisfy { want, have in
                    literal.folded ? PseudonymMatcher.lowered(have) == want : have == want
                }
                let before = i > 0 ? scalars[i - 1] : " "
                let after = end < scalars.count ? scalars[end] : " "
                let joined = NameFolding.isWordScalar(before) || NameFolding.isWordScalar(after)
                guard same, !joined, before != "@", after != "@" else { continue }
                result.append(Match(range: i..<end, entry: literal.entry, unsure: false))
                matched = end - i
            }
            i += max(1, matched)
        }
        return result
    }

    /// ASCII letters in lower case; emails are compared this way.
    static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}
