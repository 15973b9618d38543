/// Problems in a survey's `.columns` file.
public enum SurveyError: CodaError {
    case badColumnsLine(file: String, line: Int, text: String)
    case unknownColumn(file: String, line: Int, name: String, suggestion: String?)
    case unknownKind(file: String, line: Int, kind: String)
    case duplicateRespondent(file: String, line: Int, id: String, firstLine: Int)
    case emptyRespondentID(file: String, line: Int)
    case badCrosstab(file: String, line: Int, text: String)
    case unknownCrosstabColumn(file: String, line: Int, name: String, suggestion: String?)

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
        case let .badCrosstab(file, line, text):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "`\(text.truncated(to: 40))` is not `crosstab: QUESTION by ATTRIBUTE`",
                              hint: "write e.g. `crosstab: Q1 by age_group`, one cross-tabulation per line")
        case let .unknownCrosstabColumn(file, line, name, suggestion):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "the survey has no question `\(name)` to cross-tabulate",
                              hint: suggestion ?? "use the question's key or header as `coda survey` shows it")
        }
    }
}

/// Builds a `Survey` from CSV text and the optional `.columns` file beside it.
struct SurveyParser {
    var path: String
    var id: String

    func parse(csv: String, columnsFile: (path: String, text: String)?) throws -> (Survey, [Diagnostic]) {
        let (text, declaredSeparator) = SurveyParser.droppingExcelSeparatorLine(csv)
        let (header, records, separator) = try CSVReader(path: path).read(text, separator: declaredSeparator)
        var table = SurveyTable(header: header, records: records)
        table.applyDialect(separator: separator)
        return try parse(table, columnsFile: columnsFile)
    }

    /// Builds the survey from cells already read (from CSV or a workbook sheet) and the tool's shape.
    func parse(_ table: SurveyTable, columnsFile: (path: String, text: String)?) throws -> (Survey, [Diagnostic]) {
        let header = table.header, records = table.records
        var diagnostics: [Diagnostic] = []
        let rows = records.map(\.fields)
        var declared: [Int: SurveyColumn.Kind] = [:]
        let keys = uniqueKeys(header.indices.map { table.keys[$0] ?? SurveyColumnDetector.key(for: header[$0]) })
        var surveyAttributes: [(key: String, value: String)] = []
        var crosstabs: [SurveyCrosstabChoice] = []
        if let columnsFile {
            (declared, surveyAttributes) = try readColumnsFile(columnsFile, header: header, keys: keys)
            surveyAttributes.removeAll { $0.key == SurveyParser.sheetKey }
            crosstabs = try SurveyCrosstabChoice.read(columnsFile)
        }
        var idColumn = declared.first { $0.value == .id }?.key
        if idColumn == nil {
            let settled = Set(declared.keys).union(table.known.keys)
            idColumn = SurveyColumnDetector.idColumn(header: header, rows: rows, skipping: settled,
                                                     fallbacks: table.idFallbacks,
                                                     anyUnique: !table.dialect.headersAreQuestions)
        }
        var columns: [SurveyColumn] = []
        for (index, title) in header.enumerated() {
            let kind: SurveyColumn.Kind
            let values = rows.map { $0[index] }
            if let d = declared[index] {
                kind = d == .id && index != idColumn ? .attribute : d
            } else if index == idColumn {
                kind = .id
            } else if let known = table.known[index] {
                kind = known
            } else {
                kind = SurveyColumnDetector.kind(header: title, values: values, dialect: table.dialect,
                                                 decimalComma: table.decimalComma)
            }
            var column = SurveyColumn(index: index, header: title, key: keys[index], kind: kind,
                                      kindIsDeclared: declared[index] != nil)
            column.choiceSeparator = table.dialect.choiceSeparator
            if kind == .closed || kind == .attribute { column.scale = LikertScale.matching(values) }
            if kind == .multiple && table.known[index] != .multiple {
                column.compoundOptions = SurveyChoices.compoundOptions(values, separator: column.choiceSeparator)
            }
            columns.append(column)
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
        survey.dialect = table.dialect
        survey.decimalComma = table.decimalComma
        survey.crosstabs = crosstabs
        if let columnsFile { try checkCrosstabs(survey, file: columnsFile.path) }
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
            let isCrosstab = line.lowercased().hasPrefix(SurveyCrosstabChoice.prefix)
            if line.isEmpty || line.hasPrefix("#") || isCrosstab { continue }
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
