/// Memos as REFI-QDA `<Note>`s: memos on the project, a code or a document, and the memos on single codings.
/// Each note is referenced from what it is about (the project, the `<Code>`, the `<TextSource>`, the
/// `<PlainTextSelection>`); GUIDs come from the memo's target, date, author and position among equal ones.
struct RefiNotes {
    private var notes: [RefiXMLNode] = []
    /// Note GUIDs by what they are about (lower-cased code path, document id, coding key).
    private(set) var projectRefs: [String] = []
    private(set) var codeRefs: [String: [String]] = [:]
    private(set) var documentRefs: [String: [String]] = [:]
    private(set) var codingRefs: [String: String] = [:]

    init(project: Project, codings: [Coding], users: RefiUsers) {
        var counts: [String: Int] = [:]
        for memo in project.memos where !memo.text.isEmpty {
            let base = "note:\(memo.target)|\(memo.date)|\(memo.author.lowercased())"
            counts[base, default: 0] += 1
            let guid = RefiGUID.make(base + "|\(counts[base] ?? 1)")
            let heading = memo.author.isEmpty ? memo.date : "\(memo.date) · \(memo.author)"
            notes.append(note(guid: guid, name: "Memo on \(memo.target), \(heading)", text: memo.text,
                              user: memo.author.isEmpty ? nil : users.guid(memo.author), time: RefiDate.dateTime(fromMemoDate: memo.date)))
            switch memo.target {
            case .project: projectRefs.append(guid)
            case .code(let path): codeRefs[path.lowercased(), default: []].append(guid)
            case .document(let id): documentRefs[id.lowercased(), default: []].append(guid)
            }
        }
        for coding in codings where !coding.memo.trimmingWhitespace().isEmpty {
            let key = RefiProjectExport.selectionKey(coding)
            let guid = RefiGUID.make("coding-note:" + key)
            notes.append(note(guid: guid, name: "Memo on \(coding.code) in \(coding.document) ¶\(coding.segmentLabel) (\(coding.coder))",
                              text: coding.memo, user: users.guid(coding.coder), time: RefiDate.dateTime(fromCodingTime: coding.time)))
            codingRefs[key] = guid
        }
        for file in RefiCodaFiles.notes(root: project.root) {
            notes.append(note(guid: file.guid, name: file.name, text: file.text, user: nil, time: nil))
            projectRefs.append(file.guid)
        }
    }

    private func note(guid: String, name: String, text: String, user: String?, time: String?) -> RefiXMLNode {
        RefiXMLNode("Note", [("guid", guid), ("name", name), ("creatingUser", user), ("creationDateTime", time)],
                    children: [RefiXMLNode("PlainTextContent", text: text)])
    }

    func notesNode() -> RefiXMLNode? {
        notes.isEmpty ? nil : RefiXMLNode("Notes", children: notes)
    }
}
