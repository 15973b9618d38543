/// Cases and their attributes as REFI-QDA: one Text `<Variable>` per attribute name, one `<Case>` per case with
/// its values and `<SourceRef>`s to its documents (its transcripts, and the open questions of the surveys it
/// answered). Each transcript's own header attributes also go on its `<TextSource>`, because a case with
/// interviews before and after keeps only one value of per-interview keys such as `phase` or `date`.
struct RefiCases {
    let project: Project
    let cases: [CaseRecord]
    /// Variable names in a stable order: the project's attribute names, then any others sorted.
    let variableNames: [String]
    /// Kept from a REFI-QDA import: the sources' GUIDs.
    var identities = RefiIdentities()
    /// Each survey's respondents by id (the first of a repeated id), by the survey's id in lower case.
    private let respondents: [String: (survey: Survey, byID: [String: Survey.Respondent])]

    init(project: Project) {
        self.project = project
        cases = project.cases
        var respondents: [String: (survey: Survey, byID: [String: Survey.Respondent])] = [:]
        for survey in project.surveys where respondents[survey.id.lowercased()] == nil {
            respondents[survey.id.lowercased()] = (survey, Dictionary(survey.respondents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        self.respondents = respondents
        var names: [String] = []
        var seen = Set<String>()
        var used = Set<String>()
        for record in cases { used.formUnion(record.attributes.filter { !$0.value.isEmpty }.keys) }
        for document in project.documentsInOrder {
            for (key, value) in RefiCases.sourceAttributes(document) where !value.isEmpty { used.insert(key) }
        }
        for name in project.attributeNames where used.contains(name) && seen.insert(name).inserted { names.append(name) }
        for name in used.sorted() where seen.insert(name).inserted { names.append(name) }
        variableNames = names
    }

    static func variableGUID(_ name: String) -> String { RefiGUID.make("variable:" + name.lowercased()) }

    /// A document's own attributes: a transcript's header (without id and case), a survey question's survey attributes.
    static func sourceAttributes(_ document: Transcript) -> [(key: String, value: String)] {
        document.attributes.filter { !["id", "case", "question"].contains($0.key) }
    }

    func variablesNode() -> RefiXMLNode? {
        guard !variableNames.isEmpty else { return nil }
        return RefiXMLNode("Variables", children: variableNames.map { name in
            let description = questionText(name).map { [RefiXMLNode("Description", text: $0)] } ?? []
            return RefiXMLNode("Variable", [("guid", RefiCases.variableGUID(name)), ("name", name),
                                            ("typeOfVariable", "Text")], children: description)
        })
    }

    /// A variable that holds a survey's closed question: its full text and survey, so other tools show the question.
    private func questionText(_ name: String) -> String? {
        for survey in project.surveys {
            let wanted = name.lowercased()
            if let column = survey.columns.first(where: { $0.kind == .closed && $0.key.lowercased() == wanted }) {
                return "\(column.header) (closed question of the survey \(survey.id))"
            }
        }
        return nil
    }

    func casesNode() -> RefiXMLNode? {
        guard !cases.isEmpty else { return nil }
        return RefiXMLNode("Cases", children: cases.map(caseNode))
    }

    private func caseNode(_ record: CaseRecord) -> RefiXMLNode {
        var children: [RefiXMLNode] = []
        for name in variableNames {
            if let value = record.attributes[name], !value.isEmpty { children.append(valueNode(name, value)) }
        }
        for id in documentIDs(of: record) {
            let guid = identities.guid(.source, id) ?? RefiProjectExport.derivedSourceGUID(id)
            children.append(RefiXMLNode("SourceRef", [("targetGUID", guid)]))
        }
        return RefiXMLNode("Case", [("guid", RefiGUID.make("case:" + record.id.lowercased())), ("name", record.id)], children: children)
    }

    /// The case's transcripts, then the open questions it answered.
    func documentIDs(of record: CaseRecord) -> [String] {
        var ids = record.transcriptIDs
        for surveyID in record.surveyIDs {
            guard let (survey, byID) = respondents[surveyID.lowercased()], let respondent = byID[record.id] else { continue }
            for column in survey.columns where column.kind == .open && !respondent.values[column.index].isEmpty {
                ids.append(survey.documentID(for: column))
            }
        }
        return ids
    }

    func sourceValues(_ document: Transcript) -> [RefiXMLNode] {
        RefiCases.sourceAttributes(document).filter { !$0.value.isEmpty }.map { valueNode($0.key, $0.value) }
    }

    private func valueNode(_ name: String, _ value: String) -> RefiXMLNode {
        RefiXMLNode("VariableValue", children: [RefiXMLNode("VariableRef", [("targetGUID", RefiCases.variableGUID(name))]),
                                                RefiXMLNode("TextValue", text: value)])
    }
}
