extension Tagger {
    /// Removes this coder's codings in `document` whose words can no longer be found (of the given code paths or
    /// names, or of any code), and returns them: the second step after tagging the words again where they are now.
    public func untagOrphaned(_ document: Transcript, codes: [String]) throws -> [Coding] {
        let wanted = Set(codes.map { $0.lowercased() })
        func chosen(_ coding: Coding) -> Bool {
            let name = coding.code.split(separator: "/").last.map { $0.lowercased() } ?? ""
            return wanted.isEmpty || wanted.contains(coding.code.lowercased()) || wanted.contains(name)
        }
        let store = CodingStore(root: project.root)
        let removed: [Coding] = try store.update(coder: coder, document: document) { codings in
            var removed: [Coding] = []
            codings.removeAll { coding in
                guard chosen(coding), case .unplaced = CodingAnchor.place(coding, in: document).status else {
                    return false
                }
                removed.append(coding)
                return true
            }
            return removed
        }
        if removed.isEmpty { throw CondenseError.noOrphans(document: document.id, coder: coder) }
        return removed
    }
}
