/// A Coda project as a REFI-QDA project (.qdpx): `project.qde` plus one UTF-8 `sources/<guid>.txt` per document,
/// whose text is exactly the document text Coda's offsets point into, so a selection's code-point offsets are
/// the coding's offsets. Strict and deterministic: valid against Project.xsd, GUIDs derived from content, dates
/// taken from codings and memos only, and the zip written with fixed times.
struct RefiProjectExport {
    static let projectNamespace = "urn:QDA-XML:project:1.0"

    let project: Project
    /// Human codings once each (autocoding suggestions are not exported).
    let codings: [Coding]
    let users: RefiUsers
    /// GUIDs and fields kept from a REFI-QDA import (`Exchange/`), given back to the tool that wrote them.
    let identities: RefiIdentities
    /// The documents: imported sources first in their original order, then the others in Coda's order.
    let documents: [Transcript]
    /// What the export left out, for the researcher to read.
    private(set) var notes: [String] = []

    init(project: Project) {
        self.project = project
        var seen = Set<Coding.Key>()
        var kept: [Coding] = []
        for coding in CodingFile.sorted(project.humanCodings) where seen.insert(coding.key).inserted { kept.append(coding) }
        let knownCodes = Set(RefiCodebookExport.uniqueCodes(project.codebook).map { $0.path.lowercased() })
        let unknown = kept.filter { !knownCodes.contains($0.code.lowercased()) }
        codings = kept.filter { knownCodes.contains($0.code.lowercased()) }
        let imported = RefiIdentities(root: project.root)
        identities = imported
        // The imported project's users come back even when they made no coding (NVivo lists every user).
        users = RefiUsers(names: codings.map(\.coder) + project.memos.map(\.author) + imported.names(of: .user),
                          identities: imported)
        let order = { (document: Transcript) in
            Int(imported.entry(.source, document.id)?.fields["order"] ?? "") ?? Int.max
        }
        documents = project.documentsInOrder.enumerated()
            .sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
        if !unknown.isEmpty {
            notes.append("\(unknown.count) coding\(plural(unknown.count)) left out: their code is not in the codebook (`coda check` lists them)")
        }
        let suggestions = project.suggestions.count
        if suggestions > 0 { notes.append("\(suggestions) autocoding suggestion\(plural(suggestions)) not exported (accept them first to export them)") }
        let unreadable = project.unreadable.keys.filter { $0.contains("/") }.count
        if unreadable > 0 {
            notes.append("\(unreadable) file\(plural(unreadable)) could not be read and \(unreadable == 1 ? "is" : "are") not in the export (`coda status` says why)")
        }
        if !project.unplacedCodings.isEmpty {
            notes.append("\(project.unplacedCodings.count) coding\(plural(project.unplacedCodings.count)) left out: their words are no longer in the document")
        }
    }

    /// The source's GUID from an import, else one derived from the document id.
    func sourceGUID(_ documentID: String) -> String {
        identities.guid(.source, documentID) ?? RefiProjectExport.derivedSourceGUID(documentID)
    }

    static func derivedSourceGUID(_ documentID: String) -> String { RefiGUID.make("source:" + documentID.lowercased()) }

    static func selectionKey(_ coding: Coding) -> String {
        "\(coding.document.lowercased())|\(coding.code.lowercased())|\(coding.start)|\(coding.end)|\(coding.coder.lowercased())"
    }

    /// The archive's bytes: `project.qde` first, then the sources in document order.
    func archive(fileName: String) throws(ZipError) -> [UInt8] {
        var zip = ZipWriter(fileName: fileName)
        try zip.addFile("project.qde", contents: Array(qde().utf8))
        for document in documents {
            let storage = identities.storage(of: document)
            let text = storage.crlf ? document.text.replacingOccurrences(of: "\n", with: "\r\n") : document.text
            let bytes = (storage.bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
            try zip.addFile("sources/\(sourceGUID(document.id)).txt", contents: bytes)
        }
        return try zip.finish()
    }

    func qde() -> String {
        let notes = RefiNotes(project: project, codings: codings, users: users)
        var children: [RefiXMLNode] = []
        if let usersNode = users.node() { children.append(usersNode) }
        let coded = Set(codings.map { $0.code.lowercased() })
        let codes = RefiCodebookExport.codeNodes(project.codebook, noteRefs: notes.codeRefs, identities: identities,
                                                 coded: coded)
        if !codes.isEmpty { children.append(RefiXMLNode("CodeBook", children: [RefiXMLNode("Codes", children: codes)])) }
        var cases = RefiCases(project: project)
        cases.identities = identities
        if let variables = cases.variablesNode() { children.append(variables) }
        if let casesNode = cases.casesNode() { children.append(casesNode) }
        let byDocument = Dictionary(grouping: codings, by: { $0.document.lowercased() })
        var selectionGUIDs = Set<String>()
        let sources = documents.map {
            sourceNode($0, codings: byDocument[$0.id.lowercased()] ?? [], cases: cases, notes: notes,
                       selectionGUIDs: &selectionGUIDs)
        }
        if !sources.isEmpty { children.append(RefiXMLNode("Sources", children: sources)) }
        if let notesNode = notes.notesNode() { children.append(notesNode) }
        if let sets = cases.surveys.setsNode(sourceGUID: sourceGUID) { children.append(sets) }
        children += notes.projectRefs.map { RefiXMLNode("NoteRef", [("targetGUID", $0)]) }

        let dated = datedEvents()
        let first = dated.min { $0.time < $1.time }
        let last = dated.max { $0.time < $1.time }
        let root = RefiXMLNode("Project", [
            ("xmlns", RefiProjectExport.projectNamespace),
            ("name", project.codebook.titles.first ?? "Coda project"),
            ("origin", "Coda"),
            ("creatingUserGUID", first.map { users.guid($0.user) }),
            ("creationDateTime", first?.time),
            ("modifyingUserGUID", last.map { users.guid($0.user) }),
            ("modifiedDateTime", last?.time),
        ], children: children)
        return root.document()
    }

    /// Every date in the project with who made it: codings and memos.
    private func datedEvents() -> [(time: String, user: String)] {
        var events: [(time: String, user: String)] = []
        for coding in codings { if let time = RefiDate.dateTime(fromCodingTime: coding.time) { events.append((time, coding.coder)) } }
        for memo in project.memos where !memo.author.isEmpty {
            if let time = RefiDate.dateTime(fromMemoDate: memo.date) { events.append((time, memo.author)) }
        }
        // Times in other zones than UTC would not compare as text; Coda writes UTC, so keep the `Z` ones.
        return events.filter { $0.time.hasSuffix("Z") }
    }

    private func sourceNode(_ document: Transcript, codings: [Coding], cases: RefiCases, notes: RefiNotes,
                            selectionGUIDs: inout Set<String>) -> RefiXMLNode {
        let guid = sourceGUID(document.id)
        var children: [RefiXMLNode] = []
        if let description = sourceDescription(document) { children.append(RefiXMLNode("Description", text: description)) }
        let lineFeeds = identities.storage(of: document).crlf ? RefiProjectExport.lineFeedOffsets(document.text) : []
        children += codings.map {
            selectionNode($0, in: document, notes: notes, lineFeeds: lineFeeds, selectionGUIDs: &selectionGUIDs)
        }
        children += cases.surveys.answerSelections(document)
        children += (notes.documentRefs[document.id.lowercased()] ?? []).map { RefiXMLNode("NoteRef", [("targetGUID", $0)]) }
        children += cases.sourceValues(document)
        return RefiXMLNode("TextSource", [("guid", guid), ("name", document.id), ("plainTextPath", "internal://\(guid).txt")],
                           children: children)
    }

    /// The scalar offsets of the line feeds of a text stored with CRLF line ends.
    static func lineFeedOffsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" { offsets.append(offset) }
        return offsets
    }

    /// A position in Coda's text as a code-point position in the stored text: one more for each CR before it.
    static func storedPosition(_ position: Int, lineFeeds: [Int]) -> Int {
        var low = 0, high = lineFeeds.count
        while low < high {
            let middle = (low + high) / 2
            if lineFeeds[middle] < position { low = middle + 1 } else { high = middle }
        }
        return position + low
    }

    /// Survey questions say which question they hold; transcripts need no description.
    private func sourceDescription(_ document: Transcript) -> String? {
        guard document.isSurveyAnswers, let question = document.attribute("question") else { return nil }
        return "Answers to the open question “\(question)” of the survey \(document.caseID), one line per respondent in the order of the survey file."
    }

    /// A selection keeps its imported GUID, unless another coding of the same imported selection took it first
    /// (Coda writes one selection per coding).
    private func selectionNode(_ coding: Coding, in document: Transcript, notes: RefiNotes, lineFeeds: [Int],
                               selectionGUIDs: inout Set<String>) -> RefiXMLNode {
        let key = RefiProjectExport.selectionKey(coding)
        var selectionGUID = identities.guid(.selection, key) ?? RefiIdentities.derivedGUID(.selection, key)
        if !selectionGUIDs.insert(selectionGUID.lowercased()).inserted {
            selectionGUID = RefiIdentities.derivedGUID(.selection, key)
            selectionGUIDs.insert(selectionGUID.lowercased())
        }
        let time = RefiDate.dateTime(fromCodingTime: coding.time)
        let user = users.guid(coding.coder)
        let codeGUID = project.codebook.code(path: coding.code).flatMap { identities.guid(.code, $0.path) }
            ?? RefiCodebookExport.guid(forCodePath: coding.code)
        let codeRef = RefiXMLNode("CodeRef", [("targetGUID", codeGUID)])
        var children = [RefiXMLNode("Coding", [("guid", RefiGUID.make("coding:" + key)), ("creatingUser", user), ("creationDateTime", time)],
                                    children: [codeRef])]
        if let note = notes.codingRefs[key] { children.append(RefiXMLNode("NoteRef", [("targetGUID", note)])) }
        return RefiXMLNode("PlainTextSelection", [
            ("guid", selectionGUID),
            ("name", Coding.excerpt(of: document.text(in: coding.range))),
            ("startPosition", String(RefiProjectExport.storedPosition(coding.start, lineFeeds: lineFeeds))),
            ("endPosition", String(RefiProjectExport.storedPosition(coding.end, lineFeeds: lineFeeds))),
            ("creatingUser", user),
            ("creationDateTime", time),
        ], children: children)
    }
}
