/// How a Coda export describes a survey so that a Coda import can rebuild it exactly: a REFI-QDA `<Set>` named
/// after the survey, whose description is a sentence for people, then one tab-separated line per column in
/// order (`column`, kind, key, the GUID of the variable or source holding its answers, header, and how a
/// multiple-choice cell separates its answers), the variable numbering each respondent's row (`row`, GUID),
/// `decimal comma` when numbers are written `3,5`, and the lines of the survey's `.columns` file (`file`, line).
/// Each respondent is a case with its answers as variable values; an open question is a source holding one
/// selection per non-empty answer, which the respondent's case refers to.
struct RefiSurveyLayout: Sendable, Equatable {
    static let marker = "Coda survey "

    struct Column: Sendable, Equatable {
        var kind: SurveyColumn.Kind
        var key: String
        /// The variable (closed, attribute, …) or the source (open) holding the answers; empty for the id.
        var guid: String
        var header: String
        var choiceSeparator = ", "
    }

    var id: String
    var columns: [Column]
    var rowVariable: String
    /// The survey's `.columns` file as written, nil when it had none.
    var columnsFile: String?
    var decimalComma = false

    /// Whether a set's description says it is a Coda survey: the one rule for the reader, the import and `parse`.
    static func describesSurvey(_ description: String) -> Bool {
        description.trimmingWhitespace().hasPrefix(marker.trimmingWhitespace())
    }

    /// The variable's name that numbers a survey's rows.
    static func rowVariableName(_ surveyID: String) -> String { surveyID + " row" }

    func description(respondents: Int) -> String {
        var lines = ["\(Self.marker)`\(id)`: \(respondents) respondent\(plural(respondents)), each a case whose row "
                     + "in the survey file is the variable `\(Self.rowVariableName(id))`; open answers are selections "
                     + "of the question's source. Coda rebuilds the survey from the lines below."]
        for column in columns {
            lines.append(["column", column.kind.rawValue, CodingFile.escape(column.key), column.guid,
                          CodingFile.escape(column.header), CodingFile.escape(column.choiceSeparator)]
                .joined(separator: "\t"))
        }
        lines.append("row\t" + rowVariable)
        if decimalComma { lines.append("decimal\tcomma") }
        if let columnsFile {
            var fileLines = columnsFile.split(separator: "\n", omittingEmptySubsequences: false)
            if fileLines.last?.isEmpty == true { fileLines.removeLast() }
            lines += fileLines.map { "file\t" + CodingFile.escape(String($0)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The layout a set describes, or nil when it is not a Coda survey (or its lines are damaged).
    static func parse(name: String, description: String) -> RefiSurveyLayout? {
        let lines = description.drop(while: \.isWhitespace).split(separator: "\n", omittingEmptySubsequences: false)
        guard describesSurvey(description) else { return nil }
        var layout = RefiSurveyLayout(id: name.trimmingWhitespace(), columns: [], rowVariable: "")
        var file: [String] = []
        for line in lines.dropFirst() where !line.trimmingWhitespace().isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields[0].trimmingWhitespace() {
            case "column":
                guard fields.count == 6, let kind = SurveyColumn.Kind(rawValue: String(fields[1])) else { return nil }
                layout.columns.append(Column(kind: kind, key: CodingFile.unescape(fields[2]),
                                             guid: RefiReader.key(String(fields[3])),
                                             header: CodingFile.unescape(fields[4]),
                                             choiceSeparator: CodingFile.unescape(fields[5])))
            case "row":
                guard fields.count == 2 else { return nil }
                layout.rowVariable = RefiReader.key(String(fields[1]))
            case "decimal":
                // Only Coda writes this line, and only as `decimal comma`: anything else is damage, not a point.
                guard fields.count == 2, fields[1].trimmingWhitespace() == "comma" else { return nil }
                layout.decimalComma = true
            case "file":
                file.append(fields.count > 1 ? CodingFile.unescape(fields[1]) : "")
            default:
                return nil
            }
        }
        if !file.isEmpty { layout.columnsFile = file.joined(separator: "\n") + "\n" }
        guard !layout.id.isEmpty, !layout.columns.isEmpty, !layout.rowVariable.isEmpty else { return nil }
        return layout
    }
}
