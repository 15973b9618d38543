/// How much text an autocoding suggestion covers: the matched words, their sentence, or the whole segment.
public enum SuggestionSpan: String, Sendable, CaseIterable {
    case word, sentence, segment

    /// The spans (scalar ranges within `text`) to suggest for keyword hits at `hits`, each once, in order.
    func ranges(of hits: [Range<Int>], in text: Substring) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let spans: [Range<Int>]
        switch self {
        case .segment: return [0..<scalars.count]
        case .word: spans = hits
        case .sentence: spans = hits.map { SuggestionSpan.sentence(around: $0, in: scalars) }
        }
        return Array(Set(spans)).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    /// The sentence holding `hit`: from after the previous `.`, `!` or `?` followed by a space (or the start)
    /// to its own end mark (or the end), without the surrounding spaces.
    static func sentence(around hit: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        func endsSentence(_ i: Int) -> Bool {
            ".!?".unicodeScalars.contains(scalars[i])
                && (i + 1 == scalars.count || scalars[i + 1].properties.isWhitespace)
        }
        var start = hit.lowerBound
        while start > 0 && !endsSentence(start - 1) { start -= 1 }
        while start < hit.lowerBound && scalars[start].properties.isWhitespace { start += 1 }
        var end = max(hit.upperBound, start)
        while end < scalars.count && !(end > 0 && endsSentence(end - 1)) { end += 1 }
        return start..<end
    }
}
