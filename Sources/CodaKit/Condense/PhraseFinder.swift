/// Finds a phrase inside a span of text the way a researcher means it: ignoring case, and letting any run
/// of spaces or line breaks in the phrase match any run in the text.
enum PhraseFinder {
    /// Scalar ranges (relative to the start of `text`) where `phrase` occurs.
    static func find(_ phrase: String, in text: Substring) -> [Range<Int>] {
        let words = phrase.split(whereSeparator: { $0.isWhitespace }).map { Array($0.unicodeScalars.map(fold)) }
        guard !words.isEmpty else { return [] }
        let hay = Array(text.unicodeScalars)
        let folded = hay.map(fold)
        var result: [Range<Int>] = []
        var i = 0
        while i < hay.count {
            if let end = match(words, folded, hay, at: i) {
                result.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    private static func match(_ words: [[Unicode.Scalar]], _ folded: [Unicode.Scalar], _ hay: [Unicode.Scalar], at start: Int) -> Int? {
        var p = start
        for (w, word) in words.enumerated() {
            if w > 0 {
                guard p < hay.count, hay[p].properties.isWhitespace else { return nil }
                while p < hay.count, hay[p].properties.isWhitespace { p += 1 }
            }
            guard p + word.count <= folded.count else { return nil }
            for k in 0..<word.count where folded[p + k] != word[k] { return nil }
            p += word.count
        }
        return p
    }

    /// One scalar to one scalar lower-casing, so offsets stay the same.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? (lower.first ?? scalar) : scalar
    }
}
