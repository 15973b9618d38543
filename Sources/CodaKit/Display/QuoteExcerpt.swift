/// The words a quote shows: the coded span itself, with a little context. A phrase coding shows its words
/// with up to `context` characters either side; a coding of whole segments longer than the limit shows the
/// window around the first of its code's keywords, so a long turn is not cut before the words that matter.
/// Cuts fall between words and are marked with `…`.
enum QuoteExcerpt {
    static let context = 60

    /// Whether the coding is a phrase inside its segments rather than the segments whole.
    static func isPhrase(_ coding: Coding, in document: Transcript) -> Bool {
        guard let first = document.segment(coding.firstSegment), let last = document.segment(coding.lastSegment) else {
            return false
        }
        return coding.range != first.range.lowerBound..<last.range.upperBound
    }

    static func text(_ coding: Coding, in document: Transcript, code: Code?, limit: Int) -> String {
        let segments = (coding.firstSegment...coding.lastSegment).compactMap(document.segment)
        guard let first = segments.first, let last = segments.last else { return coding.excerpt.collapsingWhitespace() }
        let whole = first.range.lowerBound..<last.range.upperBound
        let span: Range<Int>
        if isPhrase(coding, in: document) {
            let start = max(whole.lowerBound, coding.range.lowerBound - context)
            span = start..<min(whole.upperBound, coding.range.upperBound + context)
        } else if coding.range.count > limit, let code,
                  let hit = firstKeyword(code, in: document, range: coding.range) {
            let start = max(coding.range.lowerBound, min(hit - context, coding.range.upperBound - limit))
            span = start..<min(coding.range.upperBound, start + limit)
        } else {
            return String(document.text(in: coding.range)).collapsingWhitespace().truncated(to: limit)
        }
        var words = String(document.text(in: span)).collapsingWhitespace()
        // Drop a word cut in two at either end.
        if span.lowerBound > whole.lowerBound, let space = words.firstIndex(of: " ") {
            words = "…" + words[words.index(after: space)...]
        }
        if span.upperBound < whole.upperBound, let space = words.lastIndex(of: " ") {
            words = words[..<space] + "…"
        }
        return words.truncated(to: limit + 2)
    }

    /// Where the first keyword of the code falls inside `range`, in scalars of the document text.
    private static func firstKeyword(_ code: Code, in document: Transcript, range: Range<Int>) -> Int? {
        let matcher = KeywordMatcher(codes: [code])
        guard !matcher.isEmpty else { return nil }
        return matcher.matches(in: document.text(in: range)).map(\.range.lowerBound).min().map { $0 + range.lowerBound }
    }
}
