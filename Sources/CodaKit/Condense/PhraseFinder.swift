/// Finds a phrase inside a span of text the way a researcher means it: whole words, ignoring case, and
/// letting any run of spaces or line breaks in the phrase match any run in the text.
enum PhraseFinder {
    /// Scalar ranges (relative to the start of `text`) where `phrase` occurs.
    static func find(_ phrase: String, in text: Substring) -> [Range<Int>] {
        let words = phrase.unicodeScalars.split(whereSeparator: isSpace).map { $0.map(fold) }
        guard !words.isEmpty else { return [] }
        let hay = Array(text.unicodeScalars)
        let folded = hay.map(fold)
        var result: [Range<Int>] = []
        let wordStart = words.first?.first.map(isWordScalar) ?? false
        let wordEnd = words.last?.last.map(isWordScalar) ?? false
        let first = words[0].first
        var i = 0
        while i < hay.count {
            // The cheap test first: most positions do not even start with the phrase's first letter.
            if folded[i] != first || (wordStart && i > 0 && isWordScalar(hay[i - 1])) { i += 1; continue }
            if let end = match(words, folded, hay, at: i), !(wordEnd && end < hay.count && isWordScalar(hay[end])) {
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
                guard p < hay.count, isSpace(hay[p]) else { return nil }
                while p < hay.count, isSpace(hay[p]) { p += 1 }
            }
            guard p + word.count <= folded.count else { return nil }
            for k in 0..<word.count where folded[p + k] != word[k] { return nil }
            p += word.count
        }
        return p
    }

    /// Unicode's White_Space, answered without a property lookup for ASCII (tab to carriage return, and space).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 32 || (s.value >= 9 && s.value <= 13) : s.properties.isWhitespace
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {  // ASCII: letters and digits are the only alphabetic or numeric scalars
            let v = s.value | 0x20
            return (v >= 97 && v <= 122) || (s.value >= 48 && s.value <= 57)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
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
