extension RefiReader {
    /// Reads a whole `<Project>` (the root already checked).
    mutating func project(_ root: RefiXMLTree) -> RefiProjectModel {
        var model = RefiProjectModel(name: root.attribute("name")?.trimmingWhitespace() ?? "", origin: root.attribute("origin") ?? "")
        for user in root.child("Users")?.children("User") ?? [] {
            let guid = id(user.attribute("guid"), fallback: "user:" + (user.attribute("name") ?? ""))
            let name = user.attribute("name")?.trimmingWhitespace().nilIfEmpty ?? user.attribute("id")?.trimmingWhitespace().nilIfEmpty
            model.users[guid] = name ?? "user-\(model.users.count + 1)"
        }
        model.codes = codes(in: root.child("CodeBook"))
        for variable in root.child("Variables")?.children("Variable") ?? [] {
            let guid = id(variable.attribute("guid"), fallback: "variable:" + (variable.attribute("name") ?? ""))
            model.variables[guid] = variable.attribute("name") ?? guid
            model.variableOrder.append(guid)
        }
        for element in root.child("Cases")?.children("Case") ?? [] {
            let guid = id(element.attribute("guid"), fallback: "case:" + (element.attribute("name") ?? ""))
            model.cases.append(RefiCase(name: element.attribute("name")?.trimmingWhitespace().nilIfEmpty ?? guid,
                                        values: values(element), sourceRefs: refs(element, "SourceRef"),
                                        selectionRefs: refs(element, "SelectionRef")))
        }
        for element in root.child("Sources")?.children ?? [] {
            if element.name == "TextSource" { model.sources.append(source(element)) } else { model.otherSources[element.name, default: 0] += 1 }
        }
        for element in root.child("Notes")?.children("Note") ?? [] {
            let guid = id(element.attribute("guid"), fallback: "note:\(model.noteOrder.count)")
            var text = element.child("PlainTextContent")?.text ?? ""
            if let description = element.child("Description")?.text.trimmingWhitespace(), !description.isEmpty {
                text = description + (text.trimmingWhitespace().isEmpty ? "" : "\n\n" + text)
            }
            model.notes[guid] = RefiNote(name: element.attribute("name") ?? "", text: text.trimmingWhitespace(),
                                         user: element.attribute("creatingUser").map(RefiReader.key), time: element.attribute("creationDateTime"))
            model.noteOrder.append(guid)
        }
        model.projectNoteRefs = refs(root, "NoteRef")
        model.projectDescription = root.child("Description")?.text.trimmingWhitespace() ?? ""
        for set in root.child("Sets")?.children("Set") ?? [] {
            model.sets.append(RefiSet(name: set.attribute("name") ?? "",
                                      description: set.child("Description")?.text ?? "",
                                      memberSources: refs(set, "MemberSource")))
        }
        noteIgnored(root)
        finish()
        return model
    }

    /// `<Sets>` are ignored (`what`: what a set could hold there), except the sets that describe Coda's own surveys;
    /// an empty one is not allowed by the schema.
    mutating func noteSets(in root: RefiXMLTree, of what: String) {
        guard let sets = root.child("Sets") else { return }
        let all = sets.children("Set")
        // Coda's own survey sets are read by the project import.
        let count = all.filter { !RefiSurveyLayout.describesSurvey($0.child("Description")?.text ?? "") }.count
        guard count > 0 || all.isEmpty else { return }
        adjustments.append(count == 0 ? "an empty <Sets/> (not allowed by the schema) was ignored"
                           : "\(count) set\(plural(count)) ignored: Coda has no sets of \(what)")
    }

    private mutating func source(_ element: RefiXMLTree) -> RefiTextSource {
        let guid = id(element.attribute("guid"), fallback: "source:" + (element.attribute("name") ?? ""))
        let selections = element.children("PlainTextSelection").map { selection($0) }
        return RefiTextSource(guid: guid, name: element.attribute("name"), plainTextPath: element.attribute("plainTextPath"),
                              content: element.child("PlainTextContent")?.text, description: element.child("Description")?.text ?? "",
                              selections: selections, codings: element.children("Coding").map { coding($0) },
                              noteRefs: refs(element, "NoteRef"), values: values(element))
    }

    private mutating func selection(_ element: RefiXMLTree) -> RefiSelection {
        let guid = id(element.attribute("guid"), fallback: "selection")
        return RefiSelection(guid: guid, name: element.attribute("name"),
                             start: Int(element.attribute("startPosition")?.trimmingWhitespace() ?? "") ?? -1,
                             end: Int(element.attribute("endPosition")?.trimmingWhitespace() ?? "") ?? -1,
                             user: element.attribute("creatingUser").map(RefiReader.key), time: element.attribute("creationDateTime"),
                             description: element.child("Description")?.text.trimmingWhitespace() ?? "",
                             codings: element.children("Coding").map { coding($0) }, noteRefs: refs(element, "NoteRef"))
    }

    private mutating func coding(_ element: RefiXMLTree) -> RefiCodingRef {
        RefiCodingRef(codeGUID: element.child("CodeRef")?.attribute("targetGUID").map(RefiReader.key) ?? "",
                      user: element.attribute("creatingUser").map(RefiReader.key), time: element.attribute("creationDateTime"),
                      noteRefs: refs(element, "NoteRef"))
    }

    /// `<VariableValue>`s: the variable's GUID and the value as text, whatever its type.
    private func values(_ element: RefiXMLTree) -> [(variable: String, value: String)] {
        element.children("VariableValue").compactMap { value in
            guard let variable = value.child("VariableRef")?.attribute("targetGUID") else { return nil }
            let text = value.children.first { $0.name != "VariableRef" }?.text.trimmingWhitespace() ?? ""
            return (RefiReader.key(variable), text)
        }
    }

    /// Parts of a project Coda has no place for, and an empty `<Sets/>` the schema does not allow.
    private mutating func noteIgnored(_ root: RefiXMLTree) {
        noteSets(in: root, of: "codes or documents")
        let links = root.child("Links")?.children("Link").count ?? 0
        if links > 0 { adjustments.append("\(links) link\(plural(links)) between elements ignored: Coda has no links") }
        let graphs = root.child("Graphs")?.children("Graph").count ?? 0
        if graphs > 0 { adjustments.append("\(graphs) graph\(plural(graphs)) ignored: Coda draws its networks from the codings") }
    }
}
