/// A table of codings to apply or remove in one run (`coda tag --from FILE`, `coda untag --from FILE`): CSV or
/// TSV with a header row naming the columns `document`, `segments`, `code` and, optionally, `phrase`, `memo`
/// and `coder`. This is also how a team brings in codings made in a spreadsheet.
struct BulkCodingTable {
    struct Row: Sendable, Equatable {
        /// The line of the file the row starts on.
        var line: Int
        var document: String
        var segments: String
        var code: String
        var phrase: String?
        var memo: String?
        var coder: String?
    }

    enum Column: String, CaseIterable {
        case document, segments, code, phrase, memo, coder
    }

    var path: String
    var rows: [Row]

    /// Reads the table; columns are matched by name whatever their case and order.
    init(text: String, path: String) throws(BulkCodingError) {
        self.path = path
        let table: (header: [String], records: [CSVReader.Record], separator: UInt8)
        do {
            table = try CSVReader(path: path).read(text)
        } catch {
            throw .unreadable(error.diagnostic)
        }
        var positions: [Column: Int] = [:]
        for (index, name) in table.header.enumerated() {
            let folded = name.trimmingWhitespace().lowercased()
            guard let column = Column(rawValue: folded) else {
                let names = Column.allCases.map(\.rawValue)
                throw .unknownColumn(file: path, name: name, suggestion: EditDistance.suggestion(for: folded, in: names))
            }
            if positions[column] != nil { throw .repeatedColumn(file: path, name: column.rawValue) }
            positions[column] = index
        }
        let missing = [Column.document, .segments, .code].filter { positions[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(file: path, names: missing.map(\.rawValue)) }
        rows = table.records.map { record in
            func value(_ column: Column) -> String? {
                guard let index = positions[column], index < record.fields.count else { return nil }
                return record.fields[index].trimmingWhitespace().nilIfEmpty
            }
            return Row(line: record.line, document: value(.document) ?? "", segments: value(.segments) ?? "",
                       code: value(.code) ?? "", phrase: value(.phrase), memo: value(.memo), coder: value(.coder))
        }
    }
}

/// Problems with a table of codings as a whole; problems with single rows are reported row by row.
public enum BulkCodingError: CodaError {
    case unreadable(Diagnostic)
    case unknownColumn(file: String, name: String, suggestion: String?)
    case repeatedColumn(file: String, name: String)
    case missingColumns(file: String, names: [String])
    case badRows(count: Int, total: Int)
    case nothingToDo(file: String)

    public var diagnostic: Diagnostic {
        let columns = "columns: document, segments, code (required); phrase, memo, coder (optional)"
        switch self {
        case .unreadable(let problem):
            return problem
        case let .unknownColumn(file, name, suggestion):
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the header names a column `\(name)` Coda does not know",
                              hint: (suggestion.map { $0 + " " } ?? "") + columns)
        case let .repeatedColumn(file, name):
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the header names the column `\(name)` twice",
                              hint: "keep one of them")
        case let .missingColumns(file, names):
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1),
                              "the header has no " + names.map { "`\($0)`" }.joined(separator: ", ") + " column",
                              hint: "the first row names the " + columns)
        case let .badRows(count, total):
            return Diagnostic(.error, at: nil, "\(count) of \(total) row\(total == 1 ? "" : "s") cannot be applied; nothing was written",
                              hint: "fix the rows above and run the command again, or add `--skip-bad` to apply the other rows")
        case .nothingToDo(let file):
            return Diagnostic(.error, at: SourceLocation(file: file), "the table has no rows", hint: "add one coding per row under the header")
        }
    }
}
