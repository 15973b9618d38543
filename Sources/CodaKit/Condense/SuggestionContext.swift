/// The words of a suggestion that matched its code's keywords, marked «like this», with a few words either
/// side: what a researcher needs to judge the suggestion, rather than the start of the segment.
enum SuggestionContext {
    /// Scalars of context kept on each side of the first match.
    static let context = 40

    static func text(_ text: String, matcher: KeywordMatcher, limit: Int = 90) -> String {
        let hits = matcher.matches(in: Substring(text)).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        guard let first = hits.first else { return text.collapsingWhitespace().truncated(to: limit) }
        let scalars = Array(text.unicodeScalars)
        var start = max(0, first.lowerBound - context)
        var end = min(scalars.count, max(first.upperBound, first.lowerBound + limit - context))
        // Whole words only: the window moves in to the nearest space.
        if start > 0 { while start < first.lowerBound && !scalars[start - 1].properties.isWhitespace { start += 1 } }
        if end < scalars.count { while end > first.upperBound && !scalars[end].properties.isWhitespace { end -= 1 } }
        var out = String.UnicodeScalarView()
        var open: Int?
        var marked: [Range<Int>] = []
        for hit in hits where hit.lowerBound >= start && hit.upperBound <= end {
            if let last = marked.last, hit.lowerBound < last.upperBound { continue }
            marked.append(hit)
        }
        for i in start..<end {
            if let hit = marked.first(where: { $0.lowerBound == i }) {
                out.append(contentsOf: "«".unicodeScalars)
                open = hit.upperBound
            }
            out.append(scalars[i])
            if open == i + 1 { out.append(contentsOf: "»".unicodeScalars); open = nil }
        }
        let shown = String(out).collapsingWhitespace()
        return (start > 0 ? "…" : "") + shown + (end < scalars.count ? "…" : "")
    }
}
