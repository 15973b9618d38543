/// Plain text for a terminal: aligned tables wrapped to the width of the window.
struct TerminalRenderer: Renderer {
    var width: Int

    func render(_ report: Report) -> String {
        var out: [String] = lines(for: .heading(report.title, level: 1))
        for block in report.blocks {
            if !out.isEmpty { out.append("") }
            var blockLines = lines(for: block)
            // A table or chart titled like the report under that very heading says its title once.
            switch block {
            case .table(let table) where table.title == report.title: blockLines.removeFirst()
            case .chart(let chart) where chart.title == report.title && !blockLines.isEmpty: blockLines.removeFirst()
            default: break
            }
            out.append(contentsOf: blockLines)
        }
        return out.joined(separator: "\n") + "\n"
    }

    func lines(for block: Block) -> [String] {
        switch block {
        case let .heading(text, level):
            let mark: Character = level <= 1 ? "=" : "-"
            let lines = DisplayWidth.wrap(text, width: width)
            let longest = lines.map(DisplayWidth.of).max() ?? 0
            return level <= 2 ? lines + [String(repeating: mark, count: min(longest, width))] : lines
        case .paragraph(let text):
            return DisplayWidth.wrap(text, width: width)
        case .list(let items):
            return items.flatMap { hanging("• ", $0) }
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(chart)
        case .preformatted(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .fields(let fields):
            return fields.flatMap { hanging("\($0.name): ", $0.value) }
        case .quotes(let quotes):
            return quotes.flatMap { hanging("  “", "\($0.text)” (\($0.source))") }
        case .contents(let headings):
            return headings.flatMap { hanging("• ", $0) }
        }
    }

    private func hanging(_ lead: String, _ text: String) -> [String] {
        let indent = DisplayWidth.of(lead)
        let wrapped = DisplayWidth.wrap(text, width: max(10, width - indent))
        return wrapped.enumerated().map { ($0.offset == 0 ? lead : String(repeating: " ", count: indent)) + $0.element }
    }

    /// `hoisting`: say constant columns once above the table; a band of a wide table has none left to say.
    func render(_ table: Table, hoisting: Bool = true) -> [String] {
        var out: [String] = []
        if let title = table.title { out.append(title) }
        guard !table.columns.isEmpty else { return out }
        let gap = 2
        let (table, constants) = hoisting ? hoistingConstantColumns(table, gap: gap) : (table, [])
        out += constants.flatMap { DisplayWidth.wrap($0, width: width) }
        let count = table.columns.count
        var natural = table.columns.map { DisplayWidth.of($0.header) }
        var longestWord = table.columns.map { longestWordWidth($0.header) }
        for row in table.rows {
            for (i, cell) in row.cells.prefix(count).enumerated() {
                // A short word (a count, a mark) is its own width and its own longest word.
                if DisplayWidth.isOneShortWord(cell.text, width: 12) {
                    natural[i] = max(natural[i], cell.text.utf8.count)
                    longestWord[i] = max(longestWord[i], cell.text.utf8.count)
                    continue
                }
                for line in cell.text.split(separator: "\n") { natural[i] = max(natural[i], DisplayWidth.of(String(line))) }
                longestWord[i] = max(longestWord[i], min(20, longestWordWidth(cell.text)))
            }
        }
        var minimum = (0..<count).map { min(natural[$0], max(4, min(16, longestWord[$0]))) }
        minimum[0] = min(natural[0], max(minimum[0], 24))
        // Too wide even at the minimum: split the columns into bands, repeating the first column in each.
        if count > 2, minimum.reduce(0, +) + gap * (count - 1) > width {
            var bands: [[Int]] = []
            var band: [Int] = []
            var used = minimum[0]
            for i in 1..<count {
                if !band.isEmpty, used + gap + minimum[i] > width { bands.append(band); band = []; used = minimum[0] }
                band.append(i)
                used += gap + minimum[i]
            }
            if !band.isEmpty { bands.append(band) }
            for (n, band) in bands.enumerated() {
                let columns = [0] + band
                var part = Table(columns: columns.map { table.columns[$0] },
                                 rows: table.rows.map { row in Table.Row(columns.map { $0 < row.cells.count ? row.cells[$0] : .empty }, isSummary: row.isSummary) })
                if n == bands.count - 1 { (part.notes, part.hints) = (table.notes, table.hints) }
                if n > 0 { out.append("") }
                out.append("(columns \(band[0] + 1)–\(band[band.count - 1] + 1) of \(count))")
                out += render(part, hoisting: false)
            }
            return out
        }
        var widths = natural
        var excess = widths.reduce(0, +) + gap * (count - 1) - width
        // The widest text column (a quote, a definition) gets the room: the others first give up what they
        // can without splitting a word, then down to their minimum, and only then does it shrink.
        // Only a column too long for a line of its own is prose; text columns of a line or less (a before/after
        // table) share the room instead.
        let prose = widths.indices.filter { table.columns[$0].alignment == .left && natural[$0] > width }
            .max { natural[$0] < natural[$1] }
        let others = widths.indices.filter { $0 != prose }
        let wordFloor = widths.indices.map { min(natural[$0], max(minimum[$0], longestWord[$0])) }
        for (shrinking, limit) in [(others, wordFloor), (others, minimum), (Array(widths.indices), minimum)] {
            Self.shrink(&widths, by: &excess, columns: shrinking, limit: limit)
        }
        func emit(_ cells: [String]) {
            // A row of short words (a row of counts) is one line, made without wrapping each cell.
            let gapText = String(repeating: " ", count: gap)
            let oneLine = (0..<count).allSatisfy { i in
                i >= cells.count || DisplayWidth.isOneShortWord(cells[i], width: max(widths[i], 1))
            }
            if oneLine {
                let parts = (0..<count).map { i in
                    DisplayWidth.pad(i < cells.count ? cells[i] : "", to: widths[i],
                                     right: table.columns[i].alignment == .right)
                }
                out.append(trimTrailing(parts.joined(separator: gapText)))
                return
            }
            let wrapped = (0..<count).map { i in DisplayWidth.wrap(i < cells.count ? cells[i] : "", width: widths[i]) }
            let height = wrapped.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var parts: [String] = []
                for i in 0..<count {
                    let text = lineIndex < wrapped[i].count ? wrapped[i][lineIndex] : ""
                    parts.append(DisplayWidth.pad(text, to: widths[i], right: table.columns[i].alignment == .right))
                }
                out.append(trimTrailing(parts.joined(separator: gapText)))
            }
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap))
        emit(table.columns.map(\.header))
        out.append(rule)
        for row in table.rows {
            if row.isSummary { out.append(rule) }
            emit(row.cells.map(\.text))
        }
        if table.rows.isEmpty { out.append("(none)") }
        for note in table.notesAndHints { out.append(contentsOf: DisplayWidth.wrap(note, width: width)) }
        return out
    }

    /// Takes `excess` cells from the widest of `columns` that is above its `limit`, again and again: what taking one
    /// cell at a time does, in steps down to the next column's width, so a 100 MB cell costs no more than a short one.
    private static func shrink(_ widths: inout [Int], by excess: inout Int, columns: [Int], limit: [Int]) {
        while excess > 0 {
            let candidates = columns.filter { widths[$0] > limit[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            let next = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let step = max(1, min(excess, widths[widest] - max(next, limit[widest])))
            widths[widest] -= step
            excess -= step
        }
    }

    /// The widest piece a line cannot break inside: words, with long names breakable after a `/`.
    private func longestWordWidth(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word in
            DisplayWidth.of(String(word)) <= 12 ? DisplayWidth.of(String(word))
                : word.split(separator: "/").map { DisplayWidth.of(String($0)) + 1 }.max() ?? 0
        }.max() ?? 0
    }

    /// When a table is wider than the window, a text column with the same value in every row (the code of a
    /// retrieval, the one coder) is said once above it, and a text column empty in every row is named there.
    func hoistingConstantColumns(_ table: Table, gap: Int) -> (Table, [String]) {
        let rows = table.rows.filter { !$0.isSummary }
        guard rows.count >= 2, table.columns.count > 2 else { return (table, []) }
        var natural = table.columns.map { DisplayWidth.of($0.header) }
        for row in table.rows {
            for (i, cell) in row.cells.prefix(natural.count).enumerated() {
                natural[i] = max(natural[i], DisplayWidth.of(cell.text))
            }
        }
        guard natural.reduce(0, +) + gap * (natural.count - 1) > width else { return (table, []) }
        var lines: [String] = []
        var kept: [Int] = [0]
        var empty: [String] = []
        for i in table.columns.indices.dropFirst() {
            func text(_ row: Table.Row) -> String { i < row.cells.count ? row.cells[i].text : "" }
            let value = text(rows[0])
            guard table.columns[i].alignment == .left, !value.contains("\n"),
                  rows.allSatisfy({ text($0) == value }) else {
                kept.append(i)
                continue
            }
            if value.isEmpty {
                empty.append(table.columns[i].header)
            } else {
                lines.append("\(table.columns[i].header): \(value)")
            }
        }
        // Left out, but said: an empty column is a finding too (a code no one was coded with).
        if !empty.isEmpty { lines.append("Empty in every row: " + empty.joined(separator: ", ")) }
        guard kept.count < table.columns.count else { return (table, []) }
        var result = table
        result.columns = kept.map { table.columns[$0] }
        result.rows = table.rows.map { row in
            Table.Row(kept.map { $0 < row.cells.count ? row.cells[$0] : .empty }, isSummary: row.isSummary)
        }
        return (result, lines)
    }

    func render(_ chart: BarChart) -> [String] {
        var out = [chart.title]
        guard let maxValue = chart.bars.map(\.value).max(), maxValue > 0 else { return out + ["(no data)"] }
        let labels = chart.bars.map { DisplayWidth.truncate($0.label.collapsingWhitespace(), to: 30) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let valueTexts = chart.bars.map { formatValue($0.value) + chart.unit }
        let valueWidth = valueTexts.map(\.count).max() ?? 0
        let barSpace = max(10, min(40, width - labelWidth - valueWidth - 4))
        for (index, (bar, valueText)) in zip(chart.bars, valueTexts).enumerated() {
            let label = DisplayWidth.pad(labels[index], to: labelWidth)
            let length = Int((bar.value / maxValue * Double(barSpace)).rounded())
            out.append(trimTrailing("\(label)  \(DisplayWidth.pad(valueText, to: valueWidth, right: true))  \(String(repeating: "█", count: length))"))
        }
        return out
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

func formatValue(_ value: Double) -> String {
    guard abs(value) < 1e15 else { return formatScientific(value) }
    return value == value.rounded() ? String(Int64(value)) : formatDecimal(value, places: 1)
}
