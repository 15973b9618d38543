extension RefiProjectImport {
    /// Records a REFI-QDA element's GUID (when it is one) under its Coda name, unless it is the GUID Coda's
    /// export derives anyway (a file Coda wrote).
    mutating func keepIdentity(_ kind: RefiIdentities.Kind, _ name: String, _ guid: String,
                               fields: [String: String] = [:]) {
        guard RefiGUID.isValid(guid), !fields.isEmpty || guid != RefiIdentities.derivedGUID(kind, name) else { return }
        identities.append(RefiIdentities.Entry(kind: kind, name: name, guid: guid, fields: fields))
    }

    /// Plans `Exchange/<project>-refi-qda.tsv` with the codes', sources' and users' identities and the selections'
    /// recorded while placing codings.
    mutating func planIdentities(_ documents: [RefiImportedDocument]) {
        if let text = plan.files.first(where: { $0.path == codebookPath })?.text {
            let parsed = CodebookParser(path: codebookPath).parse(text).codes
            identities += RefiProjectImport.codeIdentities(model.codes, mapper: mapper, parsed: parsed)
        }
        for (order, document) in documents.enumerated() {
            let derived = document.sourceGUID == RefiIdentities.derivedGUID(.source, document.id)
            var fields = derived ? [:] : ["order": String(order + 1)]
            if document.bom || document.crlf { fields["text"] = RefiIdentities.digest(document.transcript.text) }
            if document.bom { fields["bom"] = "true" }
            if document.crlf { fields["lineEnds"] = "crlf" }
            keepIdentity(.source, document.id, document.sourceGUID, fields: fields)
        }
        for (guid, _) in model.users.sorted(by: { $0.key < $1.key }) {
            if let name = userName(guid) { keepIdentity(.user, name, guid) }
        }
        guard !identities.isEmpty else { return }
        let path = "\(RefiIdentities.folder)/\(RefiTranscriptFile.fileStem(title))-refi-qda.tsv"
        plan.files.append((path, RefiIdentities.render(identities)))
    }

    /// Each code's GUID, whether it was codable, and its description as written with a digest of the fields
    /// Coda read from it (`parsed`: the codes as Coda reads them back from the codebook it wrote).
    static func codeIdentities(_ nodes: [RefiCodeNode], mapper: RefiCodeMapper, parsed: [Code]) -> [RefiIdentities.Entry] {
        let byPath = Dictionary(parsed.map { ($0.path.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [RefiIdentities.Entry] = []
        var seen = Set<String>()
        func walk(_ node: RefiCodeNode) {
            if RefiGUID.isValid(node.guid), let path = mapper.pathByGUID[node.guid],
               let code = byPath[path.lowercased()],
               seen.insert(path.lowercased()).inserted {
                var fields: [String: String] = [:]
                if node.description != RefiCodeDescription.text(for: code) {
                    fields = ["description": node.description, "fields": RefiIdentities.digest(code)]
                }
                if !node.isCodable { fields["codable"] = "false" }
                // A code Coda would give the same GUID needs no entry, but its children may.
                if !fields.isEmpty || node.guid != RefiIdentities.derivedGUID(.code, code.path) {
                    entries.append(RefiIdentities.Entry(kind: .code, name: code.path, guid: node.guid, fields: fields))
                }
            }
            node.children.forEach(walk)
        }
        nodes.forEach(walk)
        return entries
    }
}
