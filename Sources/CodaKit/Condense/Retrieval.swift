/// `coda retrieve`: the coded segments behind a code, a case or a group of cases (data reduction).
public struct Retrieval: Sendable {
    public struct Query: Sendable {
        public var code: Code?
        /// Leave out the code's children.
        public var exact = false
        public var caseID: String?
        public var conditions: [(attribute: String, value: String)] = []
        public var coder: String?
        public var document: String?

        public init() {}
    }

    public struct Item: Sendable {
        public var coding: Coding
        public var caseID: String
        public var speaker: String?
        public var text: String
    }

    public var items: [Item]

    public init(_ project: Project, _ query: Query) throws {
        let paths: Set<String>? = query.code.map { code in
            Set((query.exact ? [code] : project.codebook.subtree(of: code)).map { $0.path.lowercased() })
        }
        for (attribute, _) in query.conditions where !project.attributeNames.contains(attribute.lowercased()) {
            throw ProjectError.unknownAttribute(name: attribute, suggestions: EditDistance.closest(to: attribute, in: project.attributeNames))
        }
        let cases = Dictionary(project.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Item] = []
        for coding in project.codings {
            if let coder = query.coder {
                guard coding.coder.lowercased() == coder.lowercased() else { continue }
            } else if coding.coder == CodingStore.suggestionCoder {
                continue
            }
            if let paths, !paths.contains(coding.code.lowercased()) { continue }
            if let doc = query.document, coding.document.lowercased() != doc.lowercased() { continue }
            guard let document = project.documentsByID[coding.document.lowercased()] else { continue }
            let caseID = project.caseID(of: coding, in: document)
            if let wanted = query.caseID, caseID.lowercased() != wanted.lowercased() { continue }
            if !query.conditions.isEmpty {
                let record = cases[caseID]
                let ok = query.conditions.allSatisfy {
                    project.attribute($0.attribute, document: document, case: record)?.lowercased() == $0.value.lowercased()
                }
                if !ok { continue }
            }
            items.append(Item(coding: coding, caseID: caseID, speaker: document.segment(coding.firstSegment)?.speaker,
                              text: String(document.text(in: coding.range))))
        }
        let order = Dictionary(project.documentIDs.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        items.sort { a, b in
            let da = order[a.coding.document.lowercased()] ?? 0, db = order[b.coding.document.lowercased()] ?? 0
            if da != db { return da < db }
            if a.coding.start != b.coding.start { return a.coding.start < b.coding.start }
            if a.coding.code != b.coding.code { return a.coding.code < b.coding.code }
            return a.coding.coder < b.coding.coder
        }
        self.items = items
    }

    public func report(title: String) -> Report {
        var table = Table(columns: [Table.Column("Document", key: "document"), Table.Column("Case", key: "case"),
                                    .number("¶", key: "segment"), Table.Column("Speaker", key: "speaker"), Table.Column("Code", key: "code"),
                                    Table.Column("Text", key: "text"), Table.Column("Memo", key: "memo"), Table.Column("Coder", key: "coder")])
        for item in items {
            let c = item.coding
            table.append([Cell(c.document), Cell(item.caseID), Cell(c.segmentLabel, value: .string(c.segmentLabel)),
                          Cell(item.speaker ?? "", value: .optional(item.speaker)), Cell(c.code), Cell(item.text), Cell(c.memo), Cell(c.coder)])
        }
        let documents = Set(items.map { $0.coding.document }).count
        let cases = Set(items.map(\.caseID)).count
        return Report(title: title, blocks: [
            .paragraph("\(items.count) coded segment\(plural(items.count)) from \(documents) document\(plural(documents)) and \(cases) case\(plural(cases))."),
            .table(table),
        ])
    }
}

extension Project {
    /// An attribute of what a coding sits in: the document's own header first (a case interviewed before and
    /// after has two phases), then the case's attributes.
    func attribute(_ key: String, document: Transcript, case record: CaseRecord?) -> String? {
        if !document.id.contains(":"), let value = document.attribute(key), !Project.documentKeys.contains(key.lowercased()) { return value }
        return record?.attribute(key)
    }

    /// The case a coding belongs to: the transcript's case, or for survey answers the respondent of the segment.
    func caseID(of coding: Coding, in document: Transcript) -> String {
        if document.id.contains(":"), let respondent = document.segment(coding.firstSegment)?.speaker { return respondent }
        return document.caseID
    }
}
