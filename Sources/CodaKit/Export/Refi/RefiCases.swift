/// Cases and their attributes as REFI-QDA: one Text `<Variable>` per attribute name, one `<Case>` per case with
/// its values, `<SourceRef>`s to its transcripts and `<SelectionRef>`s to its open answers in surveys (whose
/// columns are variables of their own, see `RefiSurveyExport`). Each transcript's own header attributes also go
/// on its `<TextSource>`, because a case with interviews before and after keeps only one value of per-interview
/// keys such as `phase` or `date`.
struct RefiCases {
    let project: Project
    let cases: [CaseRecord]
    /// Variable names in a stable order: the project's attribute names, then any others sorted.
    let variableNames: [String]
    /// Kept from a REFI-QDA import: the sources' GUIDs.
    var identities = RefiIdentities()
    let surveys: RefiSurveyExport

    init(project: Project) {
        self.project = project
        cases = project.cases
        surveys = RefiSurveyExport(project: project)
        var names: [String] = []
        var seen = Set<String>()
        var used = Set<String>()
        for record in cases { used.formUnion(record.attributes.filter { !$0.value.isEmpty }.keys) }
        for document in project.documentsInOrder {
            for (key, value) in RefiCases.sourceAttributes(document) where !value.isEmpty { used.insert(key) }
        }
        for name in project.attributeNames where used.contains(name) && seen.insert(name).inserted { names.append(name) }
        for name in used.sorted() where seen.insert(name).inserted { names.append(name) }
        // A survey column's variable also holds the attribute of that name.
        let covered = surveys.variableGUIDs
        variableNames = names.filter { !covered.contains(RefiCases.variableGUID($0)) }
    }

    static func variableGUID(_ name: String) -> String { RefiGUID.make("variable:" + name.lowercased()) }

    /// A document's own attributes: a transcript's header (without id and case), a survey question's survey attributes.
    static func sourceAttributes(_ document: Transcript) -> [(key: String, value: String)] {
        document.attributes.filter { !["id", "case", "question"].contains($0.key) }
    }

    func variablesNode() -> RefiXMLNode? {
        let variables = variableNames.map { name in
            RefiXMLNode("Variable", [("guid", RefiCases.variableGUID(name)), ("name", name),
                                     ("typeOfVariable", "Text")])
        } + surveys.variables.map { variable in
            RefiXMLNode("Variable", [("guid", variable.guid), ("name", variable.name),
                                     ("typeOfVariable", variable.isRow ? "Integer" : "Text")],
                        children: [RefiXMLNode("Description", text: variable.description)])
        }
        return variables.isEmpty ? nil : RefiXMLNode("Variables", children: variables)
    }

    func casesNode() -> RefiXMLNode? {
        guard !cases.isEmpty else { return nil }
        return RefiXMLNode("Cases", children: cases.map(caseNode))
    }

    private func caseNode(_ record: CaseRecord) -> RefiXMLNode {
        var children: [RefiXMLNode] = []
        let answers = surveys.values(of: record.id)
        let answered = Set(answers.map(\.guid))
        for name in variableNames {
            if let value = record.attributes[name], !value.isEmpty { children.append(valueNode(name, value)) }
        }
        for variable in surveys.variables where !answered.contains(variable.guid) && !variable.isRow {
            if let value = record.attributes[variable.name.lowercased()], !value.isEmpty {
                children.append(valueNode(guid: variable.guid, value))
            }
        }
        for answer in answers { children.append(valueNode(guid: answer.guid, answer.value, integer: answer.isRow)) }
        for id in record.transcriptIDs {
            let guid = identities.guid(.source, id) ?? RefiProjectExport.derivedSourceGUID(id)
            children.append(RefiXMLNode("SourceRef", [("targetGUID", guid)]))
        }
        children += surveys.answerRefs(of: record.id).map { RefiXMLNode("SelectionRef", [("targetGUID", $0)]) }
        return RefiXMLNode("Case", [("guid", RefiGUID.make("case:" + record.id.lowercased())), ("name", record.id)], children: children)
    }

    func sourceValues(_ document: Transcript) -> [RefiXMLNode] {
        RefiCases.sourceAttributes(document).filter { !$0.value.isEmpty }.map { valueNode($0.key, $0.value) }
    }

    private func valueNode(_ name: String, _ value: String) -> RefiXMLNode {
        valueNode(guid: RefiCases.variableGUID(name), value)
    }

    private func valueNode(guid: String, _ value: String, integer: Bool = false) -> RefiXMLNode {
        RefiXMLNode("VariableValue", children: [RefiXMLNode("VariableRef", [("targetGUID", guid)]),
                                                RefiXMLNode(integer ? "IntegerValue" : "TextValue", text: value)])
    }
}
