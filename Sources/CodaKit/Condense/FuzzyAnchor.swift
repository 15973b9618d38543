/// Finds a coding's words again after a transcript was corrected: word by word, ignoring case, letting a word
/// differ by a typo and letting a few words be inserted or removed (an alignment of the coded words against the
/// document's words, free to start and end anywhere). A place is taken only when it is close enough and no other
/// place fits as well; when two fit equally, the coding is reported, never moved onto one of them.
enum FuzzyAnchor {
    struct Word {
        var folded: [Unicode.Scalar]
        /// Scalar offsets in the text the word was read from.
        var range: Range<Int>
    }

    enum Outcome: Equatable {
        case found(Range<Int>)
        case tie([Range<Int>])
        case none
    }

    /// The words of `scalars` (runs of letters and digits), folded to lower case, with their offsets.
    static func words(_ scalars: [Unicode.Scalar], offset: Int = 0) -> [Word] {
        var words: [Word] = []
        var start: Int?
        for i in 0...scalars.count {
            let isWord = i < scalars.count && PhraseFinder.isWordScalar(scalars[i])
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                words.append(Word(folded: scalars[s..<i].map(PhraseFinder.fold), range: (s + offset)..<(i + offset)))
                start = nil
            }
        }
        return words
    }

    /// Cost of putting document word `b` where the coding had word `a`: 0 the same, ½ a typo apart, 1 another word.
    static func substitution(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 0 }
        let allowed = max(a.count, b.count) <= 4 ? 1 : 2
        guard abs(a.count - b.count) <= allowed else { return 1 }
        let distance = EditDistance.distance(String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b)))
        return distance <= allowed ? 0.5 : 1
    }

    struct Match {
        /// Document word indices, inclusive.
        var first: Int
        var last: Int
        var cost: Double
    }

    /// The best alignments of `pattern` in `document`, best first: one per end position, without overlaps.
    static func matches(_ pattern: [Word], in document: [Word]) -> [Match] {
        let n = pattern.count
        guard n > 0, !document.isEmpty else { return [] }
        // Column j holds, for each pattern prefix i, the cheapest cost ending at document word j and where it started.
        var cost = (0...n).map { Double($0) }
        var start = [Int](repeating: 0, count: n + 1)
        var ends: [Match] = []
        for j in 1...document.count {
            var newCost = [Double](repeating: 0, count: n + 1)
            var newStart = [Int](repeating: j, count: n + 1)
            newStart[0] = j
            for i in 1...n {
                let diagonal = cost[i - 1] + substitution(pattern[i - 1].folded, document[j - 1].folded)
                let skipDocument = cost[i] + 1
                let skipPattern = newCost[i - 1] + 1
                if diagonal <= skipDocument && diagonal <= skipPattern {
                    newCost[i] = diagonal
                    newStart[i] = i == 1 ? j - 1 : start[i - 1]
                } else if skipPattern < skipDocument {
                    newCost[i] = skipPattern
                    newStart[i] = newStart[i - 1]
                } else {
                    newCost[i] = skipDocument
                    newStart[i] = start[i]
                }
            }
            cost = newCost
            start = newStart
            ends.append(Match(first: start[n], last: j - 1, cost: cost[n]))
        }
        var chosen: [Match] = []
        for match in ends.sorted(by: { $0.cost != $1.cost ? $0.cost < $1.cost : $0.last < $1.last }) {
            if chosen.contains(where: { match.first <= $0.last && $0.first <= match.last }) { continue }
            chosen.append(match)
            if chosen.count == 3 { break }
        }
        return chosen
    }

    /// The most edits an alignment of `n` words may need to count as the same words.
    static func allowance(_ n: Int) -> Double { n < 3 ? 0 : max(1, Double(n) * 0.3) }

    /// Where the words of `excerpt` are in `document`: one clear place, a tie, or none.
    static func locate(_ excerpt: String, in document: [Word],
                       dropLast: Bool = false, dropFirst: Bool = false) -> Outcome {
        var pattern = words(Array(excerpt.unicodeScalars))
        if dropLast, pattern.count > 3 { pattern.removeLast() }
        if dropFirst, pattern.count > 3 { pattern.removeFirst() }
        let found = matches(pattern, in: document)
        guard var best = found.first, best.cost <= allowance(pattern.count) else { return .none }
        // A short word only like the coding's first or last word may be a neighbour, not a corrected word:
        // leave it out.
        func doubtful(_ doc: Word, _ wanted: Word) -> Bool { doc.folded != wanted.folded && doc.folded.count < 6 }
        if best.first < best.last, let first = pattern.first, doubtful(document[best.first], first) { best.first += 1 }
        if best.first < best.last, let last = pattern.last, doubtful(document[best.last], last) { best.last -= 1 }
        let range = document[best.first].range.lowerBound..<document[best.last].range.upperBound
        let ties = found.dropFirst().filter { $0.cost <= best.cost }
        if !ties.isEmpty {
            return .tie([range] + ties.map { document[$0.first].range.lowerBound..<document[$0.last].range.upperBound })
        }
        return .found(range)
    }
}

extension CodingAnchor {
    /// The fuzzy search for codings the exact one could not place.
    static func findTolerantly(_ coding: Coding, in document: Transcript) -> Result<Range<Int>, Reason>? {
        let scalars = Array(document.text.unicodeScalars)
        let words = FuzzyAnchor.words(scalars)
        let (head, tail) = coding.excerptParts
        let length = coding.end - coding.start
        let outcome: FuzzyAnchor.Outcome
        if let tail {
            let starts = FuzzyAnchor.locate(head, in: words, dropLast: true)
            let ends = FuzzyAnchor.locate(tail, in: words, dropFirst: true)
            switch (starts, ends) {
            case let (.found(a), .found(b)) where b.upperBound > a.lowerBound
                && abs((b.upperBound - a.lowerBound) - length) <= max(60, length / 3):
                // The head was matched without its last (maybe cut) word: the span starts where that match starts.
                outcome = .found(a.lowerBound..<b.upperBound)
            case (.tie(let places), _), (_, .tie(let places)): outcome = .tie(places)
            default: outcome = .none
            }
        } else {
            outcome = FuzzyAnchor.locate(head, in: words)
        }
        switch outcome {
        case .found(let range):
            return .success(widen(range, like: coding, in: scalars))
        case .tie(let places):
            let labels = places.compactMap { document.segmentNumbers(overlapping: $0).first }.map { "¶\($0)" }
            return .failure(Reason(text: "the coded words fit equally well in several places "
                + "(\(labels.joined(separator: ", "))); "
                                   + "re-tag the right one"))
        case .none:
            return nil
        }
    }

    /// Takes back the punctuation the coding had around its first and last words (a quote mark, a full stop).
    private static func widen(_ range: Range<Int>, like coding: Coding, in scalars: [Unicode.Scalar]) -> Range<Int> {
        let (head, tail) = coding.excerptParts
        let leading = head.unicodeScalars.prefix { !PhraseFinder.isWordScalar($0) && !$0.properties.isWhitespace }.count
        let trailing = (tail ?? head).unicodeScalars.reversed()
            .prefix { !PhraseFinder.isWordScalar($0) && !$0.properties.isWhitespace }.count
        var start = range.lowerBound, end = range.upperBound
        func punctuation(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && !PhraseFinder.isWordScalar(scalars[i]) && !scalars[i].properties.isWhitespace
        }
        for _ in 0..<leading where punctuation(start - 1) { start -= 1 }
        for _ in 0..<trailing where punctuation(end) { end += 1 }
        return start..<end
    }
}
