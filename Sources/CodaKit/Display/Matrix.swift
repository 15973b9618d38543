/// A display matrix: labelled rows and columns, and in each cell the codings that fall there.
/// Built once, then shown with any cell kind in any format.
public struct Matrix: Sendable {
    public struct Axis: Sendable {
        public var title: String
        public var labels: [String]
        /// What `coda retrieve` needs to open a cell along this axis (e.g. `--case R017`), per label.
        public var retrieveArguments: [[String]]
        /// Indentation depth of code labels (0 for other axes).
        public var depths: [Int]
    }

    public var kind: MatrixKind
    public var title: String
    public var rows: Axis
    public var columns: Axis
    /// cells[row][column]
    public var cells: [[[Coding]]]
    /// Text length (scalars) behind each row or column, for coverage; nil when coverage has no meaning here.
    public var coverageBase: CoverageBase?
    public var notes: [String] = []
    /// For co-occurrence: counts that are not codings.
    public var counts: [[Int]]?
    /// Filters (coder, `--where`) every cell's `coda retrieve` repeats.
    public var filterArguments: [String] = []
    /// Checklist: respondents who answered, for each pooled survey label of the case axis (strength is a share of them).
    public var respondentBases: [String: Int] = [:]

    public enum CoverageBase: Sendable {
        case rows([Int])
        case columns([Int])
    }

    public func count(_ r: Int, _ c: Int) -> Int { counts?[r][c] ?? cells[r][c].count }

    public var rowTotals: [Int] { rows.labels.indices.map { r in columns.labels.indices.reduce(0) { $0 + count(r, $1) } } }
    public var columnTotals: [Int] { columns.labels.indices.map { c in rows.labels.indices.reduce(0) { $0 + count($1, c) } } }

    /// Rows and columns whose cells are all empty are dropped.
    mutating func dropEmpty() {
        let keepRows = rows.labels.indices.filter { r in columns.labels.indices.contains { count(r, $0) > 0 } }
        let keepColumns = columns.labels.indices.filter { c in rows.labels.indices.contains { count($0, c) > 0 } }
        self = select(rows: keepRows, columns: keepColumns)
    }

    func select(rows keepRows: [Int], columns keepColumns: [Int]) -> Matrix {
        var m = self
        func pick(_ axis: Axis, _ keep: [Int]) -> Axis {
            Axis(title: axis.title, labels: keep.map { axis.labels[$0] }, retrieveArguments: keep.map { axis.retrieveArguments[$0] },
                 depths: keep.map { axis.depths[$0] })
        }
        m.rows = pick(rows, keepRows)
        m.columns = pick(columns, keepColumns)
        m.cells = keepRows.map { r in keepColumns.map { c in cells[r][c] } }
        m.counts = counts.map { counts in keepRows.map { r in keepColumns.map { c in counts[r][c] } } }
        switch coverageBase {
        case .rows(let base): m.coverageBase = .rows(keepRows.map { base[$0] })
        case .columns(let base): m.coverageBase = .columns(keepColumns.map { base[$0] })
        case nil: break
        }
        return m
    }

    /// Rows become columns.
    public func transposed() -> Matrix {
        var m = self
        m.rows = columns
        m.columns = rows
        m.cells = columns.labels.indices.map { c in rows.labels.indices.map { r in cells[r][c] } }
        m.counts = counts.map { counts in columns.labels.indices.map { c in rows.labels.indices.map { r in counts[r][c] } } }
        switch coverageBase {
        case .rows(let b): m.coverageBase = .columns(b)
        case .columns(let b): m.coverageBase = .rows(b)
        case nil: break
        }
        return m
    }

    /// The command that lists a cell's segments.
    public func retrieveCommand(_ r: Int, _ c: Int) -> String {
        let words = ["coda", "retrieve"] + rows.retrieveArguments[r] + columns.retrieveArguments[c] + filterArguments
        return words.map(shellQuote).joined(separator: " ")
    }
}

/// Quotes a word for the shell only when it needs it.
func shellQuote(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy { s in
        s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_./:=,@+".unicodeScalars.contains(s)
    }
    return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
