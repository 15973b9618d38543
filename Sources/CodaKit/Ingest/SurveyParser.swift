/// Problems in a survey's `.columns` file.
public enum SurveyError: CodaError {
    case badColumnsLine(file: String, line: Int, text: String)
    case unknownColumn(file: String, line: Int, name: String, suggestion: String?)
    case unknownKind(file: String, line: Int, kind: String)
    case duplicateRespondent(file: String, line: Int, id: String, firstLine: Int)
    case emptyRespondentID(file: String, line: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .badColumnsLine(file, line, text):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), "`\(text.truncated(to: 40))` is not `column: kind`",
                              hint: "write one column per line, e.g. `Q5: open`, or a survey attribute, e.g. `phase = before`")
        case let .unknownColumn(file, line, name, suggestion):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), "the survey has no column `\(name)`",
                              hint: suggestion ?? "use the column's header or its short key as `coda survey` shows it")
        case let .unknownKind(file, line, kind):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), "`\(kind)` is not a column kind",
                              hint: "use one of: " + SurveyColumn.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        case let .duplicateRespondent(file, line, id, firstLine):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "respondent `\(id)` appears again (first on line \(firstLine))",
                              hint: "each respondent needs a different id; if the id column was guessed wrong, name it in the .columns file (`column: id`)")
        case let .emptyRespondentID(file, line):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), "this row has no respondent id",
                              hint: "fill in the id, or delete the row")
        }
    }
}

/// Builds a `Survey` from CSV text and the optional `.columns` file beside it.
struct SurveyParser {
    var path: String
    var id: String

    func parse(csv: String, columnsFile: (path: String, text: String)?) throws -> (Survey, [Diagnostic]) {
        let (header, records, _) = try CSVReader(path: path).read(csv)
        var diagnostics: [Diagnostic] = []
        let rows = records.map(\.fields)
        var declared: [Int: SurveyColumn.Kind] = [:]
        let keys = uniqueKeys(header.map(SurveyColumnDetector.key(for:)))
        var surveyAttributes: [(key: String, value: String)] = []
        if let columnsFile {
            (declared, surveyAttributes) = try readColumnsFile(columnsFile, header: header, keys: keys)
        }
        var idColumn = declared.first { $0.value == .id }?.key
        if idColumn == nil {
            idColumn = SurveyColumnDetector.idColumn(header: header, rows: rows)
            if let guess = idColumn, declared[guess] != nil { idColumn = nil }
        }
        var columns: [SurveyColumn] = []
        for (index, title) in header.enumerated() {
            let kind: SurveyColumn.Kind
            if let d = declared[index] {
                kind = d == .id && index != idColumn ? .attribute : d
            } else if index == idColumn {
                kind = .id
            } else {
                kind = SurveyColumnDetector.kind(header: title, values: rows.map { $0[index] })
            }
            columns.append(SurveyColumn(index: index, header: title, key: keys[index], kind: kind, kindIsDeclared: declared[index] != nil))
        }
        if idColumn == nil {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path),
                                          "no column identifies the respondents, so they are numbered by row (\(id)#1, \(id)#2, …)",
                                          hint: "name the id column in \(id).columns (`respondent: id`) to link respondents to transcripts"))
        }
        var respondents: [Survey.Respondent] = []
        var firstLine: [String: Int] = [:]
        for (n, record) in records.enumerated() {
            let respondentID: String
            if let idColumn {
                respondentID = record.fields[idColumn].trimmingWhitespace()
                if respondentID.isEmpty { throw SurveyError.emptyRespondentID(file: path, line: record.line) }
                if let first = firstLine[respondentID] {
                    throw SurveyError.duplicateRespondent(file: path, line: record.line, id: respondentID, firstLine: first)
                }
                firstLine[respondentID] = record.line
            } else {
                respondentID = "\(id)#\(n + 1)"
            }
            respondents.append(Survey.Respondent(id: respondentID, values: record.fields.map { $0.trimmingWhitespace() }, line: record.line))
        }
        var survey = Survey(id: id, path: path, columns: columns, respondents: respondents, idColumn: idColumn)
        survey.attributes = surveyAttributes
        return (survey, diagnostics)
    }

    private func uniqueKeys(_ keys: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return keys.map { key in
            let n = seen[key.lowercased(), default: 0] + 1
            seen[key.lowercased()] = n
            return n == 1 ? key : "\(key)_\(n)"
        }
    }

    /// Lines `column: kind`, where column is the header or the key; `key = value` lines give the whole
    /// survey an attribute; `#` starts a comment.
    private func readColumnsFile(_ file: (path: String, text: String), header: [String], keys: [String]) throws
        -> ([Int: SurveyColumn.Kind], [(key: String, value: String)]) {
        var result: [Int: SurveyColumn.Kind] = [:]
        var attributes: [(key: String, value: String)] = []
        for (n, raw) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let eq = line.firstIndex(of: "="), !line[..<eq].contains(":") {
                let key = line[..<eq].trimmingWhitespace().lowercased()
                guard !key.isEmpty, !key.contains(" ") else { throw SurveyError.badColumnsLine(file: file.path, line: n + 1, text: line) }
                attributes.append((key, line[line.index(after: eq)...].trimmingWhitespace()))
                continue
            }
            guard let colon = line.lastIndex(of: ":") else { throw SurveyError.badColumnsLine(file: file.path, line: n + 1, text: line) }
            let name = line[..<colon].trimmingWhitespace()
            let kindText = line[line.index(after: colon)...].trimmingWhitespace().lowercased()
            guard let kind = SurveyColumn.Kind(rawValue: kindText) else {
                throw SurveyError.unknownKind(file: file.path, line: n + 1, kind: kindText)
            }
            let lowered = name.lowercased()
            guard let index = header.indices.first(where: { header[$0].lowercased() == lowered || keys[$0].lowercased() == lowered }) else {
                throw SurveyError.unknownColumn(file: file.path, line: n + 1, name: name,
                                                suggestion: EditDistance.suggestion(for: name, in: keys + header))
            }
            result[index] = kind
        }
        return (result, attributes)
    }
}
