/// How a table is set in LaTeX so it fits the text width: the font size, which columns wrap and how wide
/// they are, and, when even the smallest size is too wide, bands of columns set one after another with the
/// first column repeated (as the terminal renderer does).
///
/// Widths are estimated from the number of characters, for Computer Modern in a text width of 345 pt
/// (the `report` and `article` classes on A4 or letter paper); wider pages only leave more room.
struct LaTeXTableLayout {
    enum Size: Int, CaseIterable {
        case normal, small, scriptsize

        /// An average character, with some room for capitals, in points.
        var characterWidth: Double { [5.2, 4.7, 3.8][rawValue] }
        var columnSeparation: Double { [6, 4, 3][rawValue] }
        /// The commands that open the group the table is set in, if any.
        var opening: String? { [nil, "\\small\\setlength{\\tabcolsep}{4pt}", "\\scriptsize\\setlength{\\tabcolsep}{3pt}"][rawValue] }
    }

    static let textWidth = 345.0
    /// The narrowest a wrapping column is made, in points, unless its longest word needs more.
    static let narrowestWrapping = 50.0

    struct Band {
        /// Indices into the table's columns; the first column of the table leads every band.
        var columns: [Int]
        /// The column types, e.g. `lp{0.42\linewidth}rr`.
        var spec: String
    }

    var size: Size
    var bands: [Band]
    /// The columns that wrap (`p{…}`); their cells are set ragged right.
    var wrapping: Set<Int>

    /// What the layout needs to know of each column.
    private struct Measure {
        /// Characters on the longest line (of a wrapping column: of the longest cell, up to 240).
        var longest: Int
        var wraps: Bool
        var right: Bool
        /// Characters in the longest word, which a wrapping column must hold (up to 24).
        var longestWord = 0

        func narrowest(_ size: Size) -> Double { max(narrowestWrapping, Double(longestWord) * size.characterWidth) }
    }

    /// - Parameters:
    ///   - headers: each column's header as it will be printed, one string per line of a stacked header.
    ///   - smallest: the size to start from (tables of many columns start small).
    init(table: Table, headers: [[String]], smallest: Size) {
        let wrapAt = table.columns.count > 4 ? 18 : 30
        let measures = table.columns.indices.map { i -> Measure in
            var cellLongest = 0
            for row in table.rows where i < row.cells.count {
                let cell = row.cells[i]
                cellLongest = max(cellLongest, cell.text.count)
                if cell.detailsInText { for detail in cell.details { cellLongest = max(cellLongest, detail.count + 3) } }
            }
            let headerLongest = headers[i].map(\.count).max() ?? 0
            let wraps = table.columns[i].alignment == .left && cellLongest > wrapAt
            var measure = Measure(longest: wraps ? min(cellLongest, 240) : max(headerLongest, cellLongest), wraps: wraps,
                                  right: table.columns[i].alignment == .right)
            if wraps {
                var word = headerLongest
                for row in table.rows where i < row.cells.count {
                    for w in row.cells[i].text.split(separator: " ") where w.count > word { word = w.count }
                }
                measure.longestWord = min(word + 1, 24)
            }
            return measure
        }
        let all = Array(measures.indices)
        wrapping = Set(all.filter { measures[$0].wraps })
        for size in Size.allCases where size.rawValue >= smallest.rawValue {
            if let spec = LaTeXTableLayout.spec(all, measures, size) {
                self.size = size
                self.bands = [Band(columns: all, spec: spec)]
                return
            }
        }
        // Too wide at the smallest size: bands of as many columns as fit, each led by the first column.
        size = .scriptsize
        bands = []
        var current = [0]
        for i in measures.indices.dropFirst() {
            if current.count > 1 && LaTeXTableLayout.spec(current + [i], measures, size) == nil {
                bands.append(Band(columns: current, spec: LaTeXTableLayout.forcedSpec(current, measures, size)))
                current = [0]
            }
            current.append(i)
        }
        bands.append(Band(columns: current, spec: LaTeXTableLayout.forcedSpec(current, measures, size)))
        // As many columns in each band as the bands allow, when that fits: 9 and 9 rather than 14 and 4.
        let rest = Array(measures.indices.dropFirst())
        let perBand = (rest.count + bands.count - 1) / bands.count
        let even = stride(from: 0, to: rest.count, by: perBand).map { [0] + rest[$0..<min($0 + perBand, rest.count)] }
        if even.count == bands.count {
            let specs = even.map { LaTeXTableLayout.spec($0, measures, size) }
            if specs.allSatisfy({ $0 != nil }) { bands = zip(even, specs).map { Band(columns: $0, spec: $1 ?? "") } }
        }
    }

    /// The column types when these columns fit the text width at this size, else nil.
    private static func spec(_ columns: [Int], _ measures: [Measure], _ size: Size) -> String? {
        let fixed = columns.filter { !measures[$0].wraps }.reduce(0.0) { $0 + Double(measures[$1].longest) * size.characterWidth }
        let separation = Double(columns.count - 1) * 2 * size.columnSeparation
        let room = textWidth - fixed - separation
        guard room >= columns.filter({ measures[$0].wraps }).reduce(0.0, { $0 + measures[$1].narrowest(size) }) else { return nil }
        return columnTypes(columns, measures, size, room: room)
    }

    /// The column types of a band too wide even alone (a long unbreakable column): wrapping columns get their
    /// narrowest width, and LaTeX reports the rest as overfull.
    private static func forcedSpec(_ columns: [Int], _ measures: [Measure], _ size: Size) -> String {
        spec(columns, measures, size)
            ?? columnTypes(columns, measures, size, room: columns.filter { measures[$0].wraps }.reduce(0.0) { $0 + measures[$1].narrowest(size) })
    }

    /// Wrapping columns share the room in proportion to how much they hold, none narrower than the narrowest.
    private static func columnTypes(_ columns: [Int], _ measures: [Measure], _ size: Size, room: Double) -> String {
        var widths: [Int: Double] = [:]
        var left = room
        var open = columns.filter { measures[$0].wraps }
        while !open.isEmpty {
            let weight = open.reduce(0.0) { $0 + Double(measures[$1].longest) }
            let tooNarrow = open.filter { left * Double(measures[$0].longest) / weight < measures[$0].narrowest(size) }
            if tooNarrow.isEmpty {
                for i in open { widths[i] = left * Double(measures[i].longest) / weight }
                break
            }
            for i in tooNarrow { widths[i] = measures[i].narrowest(size); left -= measures[i].narrowest(size) }
            open.removeAll { tooNarrow.contains($0) }
        }
        return columns.map { i -> String in
            guard let width = widths[i] else { return measures[i].right ? "r" : "l" }
            // Rounded down, so the columns never add up to more than the room.
            return "p{\(formatDecimal((width / textWidth * 100).rounded(.down) / 100, places: 2))\\linewidth}"
        }.joined()
    }
}
