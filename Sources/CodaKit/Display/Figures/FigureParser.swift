import Foundation

/// Problems in a figures file, located so a researcher can fix them in an editor.
public enum FigureError: CodaError {
    case noData(file: String)
    case notANumber(file: String, line: Int, column: Int, text: String)
    case tooLarge(file: String, line: Int, column: Int, text: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .noData(let file):
            return Diagnostic(
                .error, at: SourceLocation(file: file), "the figures file has no header row and no rows",
                hint:
                    "after the `# title:`, `# unit:` and `# source:` lines, write e.g. `platform,views` "
                    + "and one row per platform"
            )
        case .notANumber(let file, let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                "`\(text.truncated(to: 30))` is not a number",
                hint:
                    "write numbers plainly (3774, 4.5), without thousands separators; "
                    + "leave the cell empty when the source gives none"
            )
        case .tooLarge(let file, let line, let column, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                "`\(text.truncated(to: 30))` is too large to chart: an axis holds numbers up to 1e300",
                hint: "check the cell against the source; give huge figures in a larger unit and name it in `# unit:`"
            )
        }
    }
}

/// Reads a figures file: `# key: value` lines (title, unit, source, note), then a CSV table whose first
/// column labels the rows and whose other columns are numbers.
struct FigureParser {
    var path: String
    var id: String

    func parse(_ text: String) throws -> (Figure, [Diagnostic]) {
        var meta: [(String, String)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (n, line) in lines.enumerated() where line.hasPrefix("#") {
            let body = line.dropFirst().trimmingWhitespace()
            if let colon = body.firstIndex(of: ":") {
                meta.append(
                    (
                        body[..<colon].trimmingWhitespace().lowercased(),
                        body[body.index(after: colon)...].trimmingWhitespace()
                    ))
            }
            lines[n] = ""
        }
        let data = lines.joined(separator: "\n")
        let firstDataLine = lines.first { !$0.trimmingWhitespace().isEmpty } ?? ""
        let separator = CSVReader.detectSeparator(Array(firstDataLine.utf8))
        guard !firstDataLine.isEmpty else { throw FigureError.noData(file: path) }
        let (header, records, _) = try CSVReader(path: path).read(data, separator: separator)
        guard header.count >= 2, !records.isEmpty else { throw FigureError.noData(file: path) }
        var rows: [Figure.Row] = []
        var diagnostics: [Diagnostic] = []
        for record in records {
            var values: [Double?] = []
            for (c, cell) in record.fields.enumerated().dropFirst() {
                let text = cell.trimmingWhitespace()
                if text.isEmpty {
                    values.append(nil)
                    continue
                }
                guard let value = Double(text), value.isFinite else {
                    throw FigureError.notANumber(file: path, line: record.line, column: c + 1, text: text)
                }
                // Beyond this, an axis's top or a stack's total would overflow to infinity.
                guard abs(value) <= Figure.largest else {
                    throw FigureError.tooLarge(file: path, line: record.line, column: c + 1, text: text)
                }
                if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].count == 3, value < 1000 {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: SourceLocation(file: path, line: record.line),
                            "`\(text)` reads as \(formatValue(value)) with three decimals",
                            hint:
                                "if it means \(text.replacingOccurrences(of: ".", with: "")) (a thousands separator), "
                                + "write it without the dot"
                        ))
                }
                values.append(value)
            }
            rows.append(Figure.Row(label: record.fields[0].trimmingWhitespace(), values: values, line: record.line))
        }
        let value = { (key: String) in meta.first { $0.0 == key }?.1 ?? "" }
        for key in ["title", "unit", "source"] where value(key).isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: path, line: 1), "the figures have no `# \(key):` line",
                    hint: key == "source"
                        ? "say where the numbers come from, e.g. `# source: branch office queue log, May–July 2024`"
                        : "add `# \(key): …` at the top"))
        }
        let figure = Figure(
            id: id, path: path, title: value("title").isEmpty ? id : value("title"), unit: value("unit"),
            source: value("source"), notes: meta.filter { $0.0 == "note" }.map(\.1),
            labelHeader: header[0], series: Array(header.dropFirst()), rows: rows)
        return (figure, diagnostics)
    }
}
