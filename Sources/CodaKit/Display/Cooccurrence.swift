/// Code × code: how often two codes apply to the same segment, or to segments at most N apart.
/// The count is the number of (segment with A, segment with B) pairs at most N segments apart
/// (with N = 0, the segments coded with both); the diagonal is the number of segments coded with each code.
enum Cooccurrence {
    static func matrix(_ items: [CodingFilter.Item], selection: CodeSelection, within: Int) -> Matrix {
        let n = selection.shown.count
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n)
        var cells = Array(repeating: Array(repeating: [Coding](), count: n), count: n)
        for (_, documentItems) in Dictionary(grouping: items, by: { $0.coding.document }) {
            var codesAt: [Int: Set<Int>] = [:]
            var codingsAt: [Int: [Int: [Coding]]] = [:]
            for item in documentItems {
                for code in selection.targets(of: item.coding) {
                    for s in item.coding.segments {
                        codesAt[s, default: []].insert(code)
                        codingsAt[s, default: [:]][code, default: []].append(item.coding)
                    }
                }
            }
            for (s, codes) in codesAt {
                for a in codes {
                    counts[a][a] += 1
                    for t in (s - within)...(s + within) {
                        guard let others = codesAt[t] else { continue }
                        for b in others where b != a {
                            counts[a][b] += 1
                            cells[a][b] += codingsAt[s]?[a] ?? []
                        }
                    }
                }
            }
        }
        // Each coding once per cell.
        cells = cells.map { row in row.map { Array(Set($0)).sorted { ($0.document, $0.start) < ($1.document, $1.start) } } }
        let arguments = selection.shown.map { [$0.path] }
        let axis = Matrix.Axis(title: "Code", labels: selection.shown.map(\.name), retrieveArguments: arguments, depths: selection.shown.map { _ in 0 })
        var withArguments = axis
        withArguments.retrieveArguments = selection.shown.map { ["--with", $0.path] + (within > 0 ? ["--within", String(within)] : []) }
        var matrix = Matrix(kind: .cooccurrence, title: "", rows: axis, columns: withArguments, cells: cells, coverageBase: nil)
        matrix.counts = counts
        matrix.notes.append(within == 0 ? "A cell counts the segments coded with both codes; the diagonal, the segments coded with each."
                            : "A cell counts pairs of a segment with the row code and one with the column code at most \(within) segment\(plural(within)) apart; the diagonal, the segments coded with each.")
        return matrix
    }
}
