import Foundation

/// A project's surveys as REFI-QDA, enough for Coda to rebuild them (`RefiSurveyLayout`) and for other tools to
/// show them: one Text variable per column other than the id and the open questions (named by the column's
/// key, or `survey: key` when an earlier survey has that key; described by the question's text), an Integer
/// variable numbering each survey's rows, each respondent's answers on its case, one selection per non-empty
/// open answer (named by the respondent, referred to from its case), and one set per survey.
struct RefiSurveyExport {
    struct Variable {
        var name: String
        var guid: String
        var description: String
        var isRow = false
    }

    let root: URL
    private(set) var surveys: [Survey] = []
    private(set) var variables: [Variable] = []
    /// By survey id in lower case: each column's variable (by column index), the row variable, the rows by id.
    private var columnVariables: [String: [Int: Variable]] = [:]
    private var rowVariables: [String: Variable] = [:]
    private var rows: [String: [String: Int]] = [:]

    init(project: Project) {
        root = project.root
        var taken = Set<String>()
        for survey in project.surveys where rows[survey.id.lowercased()] == nil {
            let id = survey.id.lowercased()
            surveys.append(survey)
            for column in survey.columns where column.kind != .id && column.kind != .open {
                var name = column.key
                if taken.contains(name.lowercased()) { name = "\(survey.id): \(column.key)" }
                taken.insert(name.lowercased())
                let variable = Variable(name: name, guid: RefiCases.variableGUID(name),
                                        description: "\(column.header) (\(column.kind.rawValue) column of the survey "
                                            + "\(survey.id))")
                variables.append(variable)
                columnVariables[id, default: [:]][column.index] = variable
            }
            let row = Variable(name: RefiSurveyLayout.rowVariableName(survey.id),
                               guid: RefiGUID.make("variable:survey-row:" + id),
                               description: "The respondent's row in the survey \(survey.id) "
                                   + "(1 is the first respondent)",
                               isRow: true)
            variables.append(row)
            rowVariables[id] = row
            var byID: [String: Int] = [:]
            for (index, respondent) in survey.respondents.enumerated() where byID[respondent.id] == nil {
                byID[respondent.id] = index + 1
            }
            rows[id] = byID
        }
    }

    var variableGUIDs: Set<String> { Set(variables.map(\.guid)) }

    /// The selection holding a respondent's answer to an open question.
    static func answerGUID(_ documentID: String, row: Int) -> String {
        RefiGUID.make("answer:\(documentID.lowercased()):\(row)")
    }

    /// A case's answers in every survey it answered: (variable GUID, value, whether it is a row number).
    func values(of caseID: String) -> [(guid: String, value: String, isRow: Bool)] {
        var values: [(guid: String, value: String, isRow: Bool)] = []
        for survey in surveys {
            let id = survey.id.lowercased()
            guard let row = rows[id]?[caseID], let rowVariable = rowVariables[id] else { continue }
            let respondent = survey.respondents[row - 1]
            for column in survey.columns {
                guard let variable = columnVariables[id]?[column.index], !respondent.values[column.index].isEmpty else {
                    continue
                }
                values.append((variable.guid, respondent.values[column.index], false))
            }
            values.append((rowVariable.guid, String(row), true))
        }
        return values
    }

    /// The selections of a case's non-empty open answers.
    func answerRefs(of caseID: String) -> [String] {
        var refs: [String] = []
        for survey in surveys {
            guard let row = rows[survey.id.lowercased()]?[caseID] else { continue }
            let respondent = survey.respondents[row - 1]
            for column in survey.columns where column.kind == .open && !respondent.values[column.index].isEmpty {
                refs.append(Self.answerGUID(survey.documentID(for: column), row: row))
            }
        }
        return refs
    }

    /// One uncoded selection per non-empty answer of an open question's document, named by its respondent.
    func answerSelections(_ document: Transcript) -> [RefiXMLNode] {
        guard document.isSurveyAnswers else { return [] }
        return document.segments.enumerated().compactMap { index, segment in
            guard !segment.range.isEmpty else { return nil }
            return RefiXMLNode("PlainTextSelection", [
                ("guid", Self.answerGUID(document.id, row: index + 1)), ("name", segment.speaker ?? String(index + 1)),
                ("startPosition", String(segment.range.lowerBound)), ("endPosition", String(segment.range.upperBound)),
            ])
        }
    }

    /// One set per survey, describing its layout, with its open questions' sources as members.
    func setsNode(sourceGUID: (String) -> String) -> RefiXMLNode? {
        guard !surveys.isEmpty else { return nil }
        return RefiXMLNode("Sets", children: surveys.map { survey in
            let id = survey.id.lowercased()
            let columns = survey.columns.map { column in
                let guid = column.kind == .open ? sourceGUID(survey.documentID(for: column))
                    : columnVariables[id]?[column.index]?.guid ?? ""
                return RefiSurveyLayout.Column(kind: column.kind, key: column.key, guid: guid, header: column.header,
                                               choiceSeparator: column.choiceSeparator)
            }
            let columnsFile = FileManager.default.contents(
                atPath: root.appendingPathComponent(SurveyColumnsWriter.path(for: survey)).path
            ).map { String(decoding: $0, as: UTF8.self) }
            let layout = RefiSurveyLayout(id: survey.id, columns: columns, rowVariable: rowVariables[id]?.guid ?? "",
                                          columnsFile: columnsFile, decimalComma: survey.decimalComma)
            let members = columns.filter { $0.kind == .open }
                .map { RefiXMLNode("MemberSource", [("targetGUID", $0.guid)]) }
            return RefiXMLNode("Set", [("guid", RefiGUID.make("set:survey:" + id)), ("name", survey.id)],
                               children: [RefiXMLNode("Description", text: layout.description(
                                   respondents: survey.respondents.count))] + members)
        })
    }
}
