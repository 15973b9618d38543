/// Coda's codebook as REFI-QDA `<Code>` elements: nested by path, every code codable, GUIDs derived from the
/// code's path, the guidance in `<Description>`, `#rrggbb` colours. Shared by the .qdc and the .qdpx export.
enum RefiCodebookExport {
    static let codebookNamespace = "urn:QDA-XML:codebook:1.0"

    /// The GUID of the code at `path`; paths are compared in any case, as Coda resolves them.
    static func guid(forCodePath path: String) -> String { RefiGUID.make("code:" + path.lowercased()) }

    /// The codes without duplicated paths (the first one wins; `coda codebook lint` reports the others).
    static func uniqueCodes(_ codebook: Codebook) -> [Code] {
        var seen = Set<String>()
        return codebook.codes.filter { seen.insert($0.path.lowercased()).inserted }
    }

    /// The top-level `<Code>` elements. `noteRefs` gives, for a code path, the GUIDs of notes about it
    /// (only the project schema allows them). Codes imported from REFI-QDA get back their GUID, their
    /// description as written while unchanged, and `isCodable="false"` when they were folders and are still
    /// uncoded (`coded`: the lower-cased paths that have codings).
    static func codeNodes(_ codebook: Codebook, noteRefs: [String: [String]] = [:],
                          identities: RefiIdentities = RefiIdentities(), coded: Set<String> = []) -> [RefiXMLNode] {
        let codes = uniqueCodes(codebook)
        var childrenByParent: [String: [Code]] = [:]
        var topLevel: [Code] = []
        for code in codes {
            if let parent = code.parentPath?.lowercased() { childrenByParent[parent, default: []].append(code) } else { topLevel.append(code) }
        }
        func node(_ code: Code) -> RefiXMLNode {
            let color = code.color.flatMap { CodebookParser.isColor($0) ? $0.lowercased() : nil }
            var children: [RefiXMLNode] = []
            let description = identities.description(for: code) ?? RefiCodeDescription.text(for: code)
            if !description.isEmpty { children.append(RefiXMLNode("Description", text: description)) }
            for note in noteRefs[code.path.lowercased()] ?? [] { children.append(RefiXMLNode("NoteRef", [("targetGUID", note)])) }
            children += (childrenByParent[code.path.lowercased()] ?? []).map(node)
            let codable = !identities.isFolder(code) || coded.contains(code.path.lowercased())
            let codeGUID = identities.guid(.code, code.path) ?? guid(forCodePath: code.path)
            return RefiXMLNode("Code", [("guid", codeGUID), ("name", code.name),
                                        ("isCodable", codable ? "true" : "false"), ("color", color)],
                               children: children)
        }
        return topLevel.map(node)
    }

    /// The whole .qdc document.
    static func qdc(_ codebook: Codebook,
                    identities: RefiIdentities = RefiIdentities()) throws(RefiExportError) -> String {
        let codes = codeNodes(codebook, identities: identities)
        guard !codes.isEmpty else { throw .noCodes }
        let root = RefiXMLNode("CodeBook", [("xmlns", codebookNamespace), ("origin", "Coda")],
                               children: [RefiXMLNode("Codes", children: codes)])
        return root.document()
    }
}

/// Problems exporting to REFI-QDA.
enum RefiExportError: CodaError {
    case noCodes
    case badExtension(path: String, expected: String)

    var diagnostic: Diagnostic {
        switch self {
        case .noCodes:
            return Diagnostic(.error, at: nil, "the project has no codes to export",
                              hint: "a REFI-QDA codebook needs at least one code; write one in Codebooks/")
        case let .badExtension(path, expected):
            return Diagnostic(.error, at: nil, "`\(path)` does not end in .\(expected)",
                              hint: "name the file like `study.\(expected)`; other tools recognise the format by its extension")
        }
    }

    var isUsageError: Bool {
        if case .badExtension = self { return true }
        return false
    }
}
