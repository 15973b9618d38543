/// Problems in a CSV file, located by line and column so a researcher can find them in an editor.
public enum CSVError: CodaError {
    case unterminatedQuote(file: String, line: Int, column: Int)
    case textAfterQuote(file: String, line: Int, column: Int)
    case raggedRow(file: String, line: Int, fields: Int, expected: Int)
    case empty(file: String)
    case tooManyColumns(file: String, count: Int, limit: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unterminatedQuote(file, line, column):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                              "a quoted field opens here and is never closed",
                              hint: "add the closing `\"`; a quote inside a quoted field is written twice (`\"\"`)")
        case let .textAfterQuote(file, line, column):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                              "text follows the closing quote of a field",
                              hint: "put the whole field in quotes and double any quote inside it (`\"\"`)")
        case let .raggedRow(file, line, fields, expected):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected)",
                              hint: "check for a missing or extra separator, or an unquoted field containing one")
        case let .tooManyColumns(file, count, limit):
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1),
                              "the header has \(count) columns; Coda reads surveys of at most \(limit)",
                              hint: "keep the columns you analyse (a spreadsheet can delete the rest), then run again")
        case let .empty(file):
            return Diagnostic(.error, at: SourceLocation(file: file), "the file has no header row",
                              hint: "the first row must name the columns")
        }
    }
}

/// Reads CSV as spreadsheets and form tools write it (RFC 4180): quoted fields with embedded
/// separators, quotes and newlines; `,`, `;` or tab separators, detected from the header row.
struct CSVReader {
    struct Record {
        var fields: [String]
        /// The line the record starts on.
        var line: Int
    }

    var path: String
    /// The most columns a survey may have: as many as a spreadsheet holds (`ReaderLimits`).
    static let maxColumns = 16_384

    /// `text` is already decoded, BOM removed and line ends normalised to LF; `separator` is detected unless given.
    func read(_ text: String, separator given: UInt8? = nil) throws(CSVError)
        -> (header: [String], records: [Record], separator: UInt8) {
        let bytes = Array(text.utf8)
        let separator = given ?? CSVReader.detectSeparator(bytes)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var line = 1
        var recordLine = 1
        var column = 1
        var fieldIsEmptyRecord = true

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fieldIsEmptyRecord && fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []
            fieldIsEmptyRecord = true
        }

        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") && field.isEmpty {
                // A quoted field.
                let openLine = line, openColumn = column
                i += 1
                column += 1
                fieldIsEmptyRecord = false
                var closed = false
                while i < bytes.count {
                    let q = bytes[i]
                    if q == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(q)
                            i += 2
                            column += 2
                            continue
                        }
                        i += 1
                        column += 1
                        closed = true
                        break
                    }
                    if q == 10 { line += 1; column = 1 } else if q & 0xC0 != 0x80 { column += 1 }
                    field.append(q)
                    i += 1
                }
                if !closed { throw .unterminatedQuote(file: path, line: openLine, column: openColumn) }
                // Allow spaces after the closing quote, then a separator or the end of the line.
                while i < bytes.count, bytes[i] == 32, separator != 32 { i += 1; column += 1 }
                if i < bytes.count, bytes[i] != separator, bytes[i] != 10 {
                    throw .textAfterQuote(file: path, line: line, column: column)
                }
                continue
            }
            if c == separator {
                endField()
                fieldIsEmptyRecord = false
                i += 1
                column += 1
                continue
            }
            if c == 10 {
                endRecord()
                i += 1
                line += 1
                column = 1
                recordLine = line
                continue
            }
            field.append(c)
            fieldIsEmptyRecord = false
            if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        if !fields.isEmpty || !field.isEmpty { endRecord() }

        guard let header = records.first else { throw .empty(file: path) }
        guard header.fields.count <= Self.maxColumns else {
            throw .tooManyColumns(file: path, count: header.fields.count, limit: Self.maxColumns)
        }
        let body = Array(records.dropFirst())
        for record in body where record.fields.count != header.fields.count {
            throw .raggedRow(file: path, line: record.line, fields: record.fields.count, expected: header.fields.count)
        }
        return (header.fields.map { $0.trimmingWhitespace() }, body, separator)
    }

    /// The separator is whichever of `,` `;` tab occurs most in the first row outside quotes.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
        var inQuotes = false
        for c in bytes {
            if c == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == 10 { break }
            if counts[c] != nil { counts[c]! += 1 }
        }
        var best: UInt8 = 44
        for candidate: UInt8 in [44, 59, 9] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }
}
