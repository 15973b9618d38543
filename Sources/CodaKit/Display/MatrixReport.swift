/// Turns a matrix into a report: cells shown as counts, presence, coverage, quotes or summaries, with
/// totals, a bar chart of code frequencies, and the `coda retrieve` command that opens each cell.
public enum MatrixReport {
    /// `quotesInCells`: give cells their quotes (folded in HTML). Off for other formats, where
    /// nothing shows them and a large matrix would gather every quote of the project for nothing.
    public static func report(_ matrix: Matrix, cell: CellKind, project: Project, thresholds: [Int] = [1, 2, 4],
                              quotesInCells: Bool = true, json: Bool = true) -> Report {
        let cellKind: CellKind = matrix.kind == .framework && cell == .count ? .summary : cell
        let summaries = cellKind == .summary ? FrameworkSummaries.load(project).0 : FrameworkSummaries()
        let maximum = max(1, matrix.rows.labels.indices.flatMap { r in matrix.columns.labels.indices.map { matrix.count(r, $0) } }.max() ?? 1)
        let showTotals = cellKind == .count && matrix.kind != .checklist && matrix.kind != .cooccurrence
        var columns = [Table.Column(matrix.rows.title, key: "row")]
        columns += matrix.columns.labels.map { Table.Column($0, alignment: cellKind == .count || cellKind == .coverage || matrix.kind == .checklist ? .right : .left) }
        if showTotals { columns.append(.number("Total")) }
        var table = Table(columns: columns)
        var cellsJSON: [JSONValue] = []
        let rowTotals = matrix.rowTotals
        // The `coda retrieve` words of each row and column, quoted once rather than once per cell.
        let rowWords = matrix.rows.retrieveArguments.map { $0.map(shellQuote).joined(separator: " ") }
        let columnWords = matrix.columns.retrieveArguments.map { $0.map(shellQuote).joined(separator: " ") }
        let filterWords = matrix.filterArguments.map(shellQuote).joined(separator: " ")
        func command(_ r: Int, _ c: Int) -> String {
            ["coda retrieve", rowWords[r], columnWords[c], filterWords].filter { !$0.isEmpty }.joined(separator: " ")
        }
        for r in matrix.rows.labels.indices {
            var row = [Cell(String(repeating: "  ", count: matrix.rows.depths[r]) + matrix.rows.labels[r], value: .string(matrix.rows.labels[r]))]
            var rowJSON: [JSONValue] = []
            for c in matrix.columns.labels.indices {
                let cell = render(matrix, r, c, kind: matrix.kind == .checklist && cellKind == .count ? nil : cellKind,
                                  thresholds: thresholds, maximum: maximum, summaries: summaries, project: project, quotesInCells: quotesInCells)
                row.append(cell)
                if json { rowJSON.append(.object([("count", .int(matrix.count(r, c))), ("text", .string(cell.text)),
                                        ("retrieve", .string(command(r, c)))])) }
            }
            if showTotals { row.append(.int(rowTotals[r])) }
            table.append(row)
            if json { cellsJSON.append(.array(rowJSON)) }
        }
        if showTotals {
            let totals = matrix.columnTotals
            table.append([Cell("Total")] + totals.map { Cell.int($0) } + [.int(totals.reduce(0, +))], isSummary: true)
        }
        table.notes = matrix.notes
        if matrix.kind == .checklist && cellKind == .count {
            table.notes.append("Strength from the number of codings: + weak (\(thresholds[0])), ++ moderate (\(thresholds[1])+), +++ strong (\(thresholds[2])+); blank: absent.")
            if !matrix.respondentBases.isEmpty { table.notes.append(SurveyStrength.note(matrix.respondentBases)) }
        }
        if cellKind == .coverage { table.notes.append("Coverage: the share of the \(coverageAxisName(matrix)) text coded with the code.") }
        if let r = matrix.rows.labels.indices.first, let c = matrix.columns.labels.indices.first {
            table.hints.append("Open a cell with `coda retrieve`, e.g. `\(matrix.retrieveCommand(r, c))`.")
        }
        var report = Report(title: matrix.title, blocks: [.table(table)])
        if cellKind == .count, matrix.kind != .cooccurrence, let chart = chart(matrix) { report.add(.chart(chart)) }
        guard json else { return report }
        report.json = .object([
            ("kind", .string(matrix.kind.rawValue)), ("title", .string(matrix.title)), ("cell", .string(cellKind.rawValue)),
            ("rows", .array(matrix.rows.labels.map(JSONValue.string))), ("columns", .array(matrix.columns.labels.map(JSONValue.string))),
            ("cells", .array(cellsJSON)), ("notes", .array(table.notesAndHints.map(JSONValue.string))),
        ])
        return report
    }

    static func coverageAxisName(_ matrix: Matrix) -> String {
        switch matrix.coverageBase {
        case .rows: return matrix.rows.title.lowercased() + "'s"
        case .columns: return matrix.columns.title.lowercased() + "'s"
        case nil: return "group's"
        }
    }

    /// Code frequencies as bars, when one axis is the codes.
    static func chart(_ matrix: Matrix) -> BarChart? {
        if matrix.rows.title == "Code" {
            return BarChart(title: "Codings per code", bars: zip(matrix.rows.labels, matrix.rowTotals).map { BarChart.Bar($0, Double($1)) })
        }
        if matrix.columns.title == "Code" {
            return BarChart(title: "Codings per code", bars: zip(matrix.columns.labels, matrix.columnTotals).map { BarChart.Bar($0, Double($1)) })
        }
        return nil
    }

    static func citation(_ coding: Coding, project: Project) -> String {
        let document = project.documentsByID[coding.document.lowercased()]
        return Citation.text(document: document?.id ?? coding.document, caseID: document.map { project.caseID(of: coding, in: $0) } ?? "",
                             segments: coding.segmentLabel)
    }

    /// The most typical of the codings, phrase codings first, as its coded words with a little context and its citation.
    static func typicalQuote(_ codings: [Coding], project: Project) -> String? {
        guard let (best, words) = typical(codings, project: project, limit: 240) else { return nil }
        return "“\(words)” (\(citation(codings[best], project: project)))"
    }

    /// Which of the codings is most typical (phrase codings preferred), and its words as a quote shows them.
    static func typical(_ codings: [Coding], project: Project, limit: Int) -> (index: Int, words: String)? {
        let documents = codings.map { project.documentsByID[$0.document.lowercased()] }
        let phrases = codings.indices.filter { i in documents[i].map { QuoteExcerpt.isPhrase(codings[i], in: $0) } ?? false }
        let candidates = phrases.isEmpty ? Array(codings.indices) : phrases
        guard let pick = TypicalQuote.pick(candidates.map { quoteText(codings[$0], project: project) }) else { return nil }
        let best = candidates[pick]
        let code = try? project.codebook.resolve(codings[best].code)
        let words = documents[best].map { QuoteExcerpt.text(codings[best], in: $0, code: code, limit: limit) }
            ?? quoteText(codings[best], project: project).truncated(to: limit)
        return (best, words)
    }

    static func quoteText(_ coding: Coding, project: Project) -> String {
        let text = project.documentsByID[coding.document.lowercased()].map { String($0.text(in: coding.range)) } ?? coding.excerpt
        return text.collapsingWhitespace()
    }

    static func render(_ matrix: Matrix, _ r: Int, _ c: Int, kind: CellKind?, thresholds: [Int], maximum: Int,
                       summaries: FrameworkSummaries, project: Project, quotesInCells: Bool = true) -> Cell {
        let count = matrix.count(r, c)
        let codings = matrix.cells[r][c]
        let shade = Double(count) / Double(maximum)
        // The coded words, for the quotes (cell text or folded details) and a summary cell's most typical quote.
        let texts = quotesInCells || kind == .quotes ? codings.map { quoteText($0, project: project) } : []
        let quotes = zip(codings, texts).map { "“\($1.truncated(to: 400))” (\(citation($0, project: project)))" }
        guard let kind else {
            let caseLabel = matrix.columns.title == "Case" ? matrix.columns.labels[c] : matrix.rows.labels[r]
            let mark = matrix.respondentBases[caseLabel].map { SurveyStrength.mark(codings, base: $0) }
                ?? (count >= thresholds[2] ? "+++" : count >= thresholds[1] ? "++" : count >= thresholds[0] ? "+" : "")
            return Cell(mark, value: .int(count), details: quotes, shade: count > 0 ? shade : nil)
        }
        switch kind {
        case .count:
            return Cell(String(count), value: .int(count), details: quotes, shade: count > 0 ? shade : nil)
        case .presence:
            return Cell(count > 0 ? "✓" : "", value: .bool(count > 0), details: quotes)
        case .coverage:
            let base: Int?
            switch matrix.coverageBase {
            case .rows(let b): base = b[r]
            case .columns(let b): base = b[c]
            case nil: base = nil
            }
            let value = base.flatMap { percent(coveredLength(codings), of: $0) }
            var cell = Cell.percent(value)
            cell.details = quotes
            cell.shade = value.map { $0 / 100 }
            return cell
        case .quotes:
            guard let first = quotes.first else { return Cell("", value: .array([])) }
            let text = quotes.count == 1 ? first : first.truncated(to: 160) + " (+\(quotes.count - 1) more)"
            return Cell(text, value: .array(quotes.map(JSONValue.string)), details: quotes.count > 1 ? quotes : [], detailsInText: true)
        case .summary:
            let (caseID, code) = caseAndCode(matrix, r, c)
            if let caseID, let code, let summary = summaries.summary(case: caseID, code: code) {
                return Cell(summary, value: .string(summary), details: quotes)
            }
            guard let text = typicalQuote(codings, project: project) else { return Cell("", value: .null) }
            return Cell(text, value: .string(text), details: quotes)
        }
    }

    /// The case and code of a cell, when its axes are cases and codes.
    static func caseAndCode(_ matrix: Matrix, _ r: Int, _ c: Int) -> (String?, String?) {
        func code(_ args: [String]) -> String? { args.first.flatMap { $0.hasPrefix("--") ? nil : $0 } }
        if matrix.rows.title == "Case" { return (matrix.rows.labels[r], code(matrix.columns.retrieveArguments[c])) }
        if matrix.columns.title == "Case" { return (matrix.columns.labels[c], code(matrix.rows.retrieveArguments[r])) }
        return (nil, nil)
    }

    /// Scalars covered by the union of the codings' spans, per document.
    static func coveredLength(_ codings: [Coding]) -> Int {
        Dictionary(grouping: codings, by: \.document).values.reduce(0) { $0 + unionLength($1.map(\.range)) }
    }
}
