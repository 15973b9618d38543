/// Turns the rows of a Word table into transcript paragraphs, one per row. Transcripts are often laid out as
/// tables, so a table whose rows are `Speaker | Text` (or `Time | Speaker | Text`) becomes turns, `Name: text`
/// (or `[00:01:02] Name: text`), which `TranscriptParser` then reads as speaker turns. It is taken as one when,
/// apart from a heading row, every row has that shape and some name recurs. Any other table is written row by
/// row with its cells joined by ` | `, and read as plain paragraphs. Empty rows are left out.
enum DocxTable {
    static func paragraphs(_ rows: [[String]]) -> [String] {
        let rows = rows.map { $0.map { $0.collapsingWhitespace() } }.filter { $0.contains { !$0.isEmpty } }
        if let turns = speakerTurns(rows) { return turns }
        return rows.map { row in row.filter { !$0.isEmpty }.joined(separator: " | ") }
    }

    private static func speakerTurns(_ rows: [[String]]) -> [String]? {
        guard let width = rows.first?.count, width == 2 || width == 3, rows.allSatisfy({ $0.count == width }) else { return nil }
        let nameColumn = width - 2
        func name(_ row: [String]) -> String? {
            var cell = Substring(row[nameColumn])
            if cell.hasSuffix(":") { cell = cell.dropLast() }
            let name = cell.trimmingWhitespace()
            return SpeakerLabel.isPlausibleName(name) ? name : nil
        }
        func time(_ row: [String]) -> Timestamp? {
            guard width == 3 else { return nil }
            var cell = Substring(row[0])
            if cell.first == "[" || cell.first == "(" { cell = cell.dropFirst() }
            if cell.last == "]" || cell.last == ")" { cell = cell.dropLast() }
            return Timestamp(cell.trimmingWhitespace())
        }
        func isTurn(_ row: [String]) -> Bool { name(row) != nil && (width == 2 || time(row) != nil) }
        // The first row may be a heading ("Speaker | Text", "Time | Speaker | Text"): a row that is no turn, or whose
        // name does not recur below and whose text is a word or three.
        guard let first = rows.first, rows.count >= 2, rows.dropFirst().allSatisfy(isTurn) else { return nil }
        let later = Set(rows.dropFirst().compactMap(name).map { $0.lowercased() })
        let hasHeading = !isTurn(first)
            || (!later.contains(name(first)?.lowercased() ?? "") && (first.last ?? "").split(separator: " ").count <= 3)
        let counted = hasHeading ? rows.dropFirst() : rows[...]
        let names = counted.compactMap(name).map { $0.lowercased() }
        guard names.count >= 2, Set(names).count < names.count else { return nil }
        var out: [String] = []
        if hasHeading { out.append(first.filter { !$0.isEmpty }.joined(separator: " | ")) }
        for row in counted {
            guard let speaker = name(row), let text = row.last, !text.isEmpty else { continue }
            let stamp = time(row).map { "[\($0.text)] " } ?? ""
            out.append("\(stamp)\(speaker): \(text)")
        }
        return out
    }
}
