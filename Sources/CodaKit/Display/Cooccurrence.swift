/// Code × code: how often two codes apply to the same segment, or to segments at most N apart.
/// The count is the number of (segment with A, segment with B) pairs at most N segments apart
/// (with N = 0, the segments coded with both); the diagonal is the number of segments coded with each code.
/// In survey answers nearby never reaches another respondent: each answer pairs only with itself.
enum Cooccurrence {
    /// The most codes a code × code matrix shows (a million cells); beyond it `coda network cooccurrence` draws only
    /// the pairs that occur.
    static let maximumCodes = 1000

    /// The counts of the pairs that occur, keyed `a * n + b` (n shown codes), and the diagonal: memory grows with
    /// the pairs found, not with n × n, so a codebook of ten thousand codes costs what its co-occurrences cost.
    struct SparseCounts {
        var size: Int
        var diagonal: [Int]
        var pairs: [Int: Int] = [:]
        var cells: [Int: [Int]] = [:]

        func count(_ a: Int, _ b: Int) -> Int { a == b ? diagonal[a] : pairs[a * size + b] ?? 0 }
    }

    /// The count of each pair of shown codes that occurs and, `withCodings`, the items behind each cell (indices
    /// into `items`; with `within` > 0 an item comes once per nearby segment).
    static func sparseTally(_ items: [CodingFilter.Item], selection: CodeSelection, within: Int,
                            withCodings: Bool) -> SparseCounts {
        let n = selection.shown.count
        var tally = SparseCounts(size: n, diagonal: Array(repeating: 0, count: n))
        for (_, documentItems) in Dictionary(grouping: items.indices, by: { items[$0].coding.document }) {
            let isSurvey = items[documentItems[0]].isSurvey
            // Segment → shown code → the items that put it there.
            var codingsAt: [Int: [Int: [Int]]] = [:]
            for i in documentItems {
                for code in selection.targets(of: items[i]) {
                    for s in items[i].coding.segments { codingsAt[s, default: [:]][code, default: []].append(i) }
                }
            }
            for (s, codes) in codingsAt {
                for (a, here) in codes {
                    tally.diagonal[a] += 1
                    for t in DocumentKind.neighbourhood(of: s, within: within, isSurveyAnswers: isSurvey) {
                        guard let others = codingsAt[t] else { continue }
                        for b in others.keys where b != a {
                            tally.pairs[a * n + b, default: 0] += 1
                            if withCodings { tally.cells[a * n + b, default: []] += here }
                        }
                    }
                }
            }
        }
        return tally
    }

    /// The same as dense n × n tables, for the matrix display.
    static func tally(_ items: [CodingFilter.Item], selection: CodeSelection, within: Int,
                      withCodings: Bool) -> (counts: [[Int]], cells: [[[Int]]]) {
        let sparse = sparseTally(items, selection: selection, within: within, withCodings: withCodings)
        let n = sparse.size
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n)
        for a in 0..<n { counts[a][a] = sparse.diagonal[a] }
        for (key, count) in sparse.pairs { counts[key / n][key % n] = count }
        var cells = withCodings ? Array(repeating: Array(repeating: [Int](), count: n), count: n) : []
        for (key, indices) in sparse.cells { cells[key / n][key % n] = indices }
        return (counts, cells)
    }

    static func matrix(_ items: [CodingFilter.Item], selection: CodeSelection, within: Int) -> Matrix {
        let (counts, cells) = tally(items, selection: selection, within: within, withCodings: true)
        // Each coding once per cell, in document order; codings that start together keep the items' order.
        let codings = cells.map { row in
            row.map { indices in
                Set(indices).sorted { (items[$0].coding.document, items[$0].coding.start, $0) < (items[$1].coding.document, items[$1].coding.start, $1) }
                    .map { items[$0].coding }
            }
        }
        let axis = selection.axis
        var withArguments = axis
        withArguments.retrieveArguments = selection.shown.map { ["--with", $0.path] + (within > 0 ? ["--within", String(within)] : []) }
        var matrix = Matrix(kind: .cooccurrence, title: "", rows: axis, columns: withArguments, cells: codings, coverageBase: nil)
        matrix.counts = counts
        matrix.notes.append(within == 0 ? "A cell counts the segments coded with both codes; the diagonal, the segments coded with each."
                            : "A cell counts pairs of a segment with the row code and one with the column code at most \(within) segment\(plural(within)) apart; the diagonal, the segments coded with each.")
        return matrix
    }
}
