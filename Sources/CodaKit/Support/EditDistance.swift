/// Suggestions for misspelt names: commands, options, codes, documents.
enum EditDistance {
    /// Optimal-string-alignment distance, case-insensitive, counting a swap of neighbours as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// The candidates closest to `word`, best first: those within a few edits, or that start with it.
    static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let threshold = max(2, word.count / 3)
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let c = candidate.lowercased()
            var d = distance(lowered, c)
            if !lowered.isEmpty, c.hasPrefix(lowered) || c.contains(lowered) { d = min(d, 1) }
            if d <= threshold { scored.append((d, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return scored.map(\.1).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// "did you mean `x`?" or nil when nothing is close.
    static func suggestion(for word: String, in candidates: [String], quote: Bool = true) -> String? {
        let close = closest(to: word, in: candidates)
        guard !close.isEmpty else { return nil }
        let names = close.map { quote ? "`\($0)`" : $0 }
        if names.count == 1 { return "did you mean \(names[0])?" }
        return "did you mean " + names.dropLast().joined(separator: ", ") + " or " + names.last! + "?"
    }
}
