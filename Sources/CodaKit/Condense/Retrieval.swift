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
        /// Only codings in segments where this code also applies (within `within` segments).
        public var with: Code?
        public var within = 0
        /// Only cases without a transcript (survey respondents who were not interviewed).
        public var notInterviewed = false
        /// Keep codings that lie only on interviewer turns.
        public var withInterviewer = false

        public init() {}
    }

    public struct Item: Sendable {
        public var coding: Coding
        public var caseID: String
        public var speaker: String?
        public var text: String
    }

    public var items: [Item]
    /// Codings that matched but lie only on interviewer turns, left out (counted only when they are left out).
    public var interviewerCodings = 0

    public init(_ project: Project, _ query: Query) throws {
        let paths: Set<CodePath>? = query.code.map { code in
            Set((query.exact ? [code] : project.codebook.subtree(of: code)).map { CodePath($0.path) })
        }
        let coder = query.coder.map(CoderID.init), wantedDocument = query.document.map(DocumentID.init)
        let wantedCase = query.caseID.map(CaseID.init)
        try project.validate(query.conditions)
        if let coder = query.coder { try project.validateCoder(coder, allowingSuggestions: true) }
        let meetsConditions = query.conditions.isEmpty ? nil : project.conditionTest(query.conditions)
        let interviewer = query.withInterviewer ? nil : InterviewerTurns(project)
        // Segments (per document) where the --with code applies.
        var withSegments: [DocumentID: Set<Int>]?
        if let with = query.with {
            let paths = Set(project.codebook.subtree(of: with).map { CodePath($0.path) })
            var map: [DocumentID: Set<Int>] = [:]
            for c in project.humanCodings where paths.contains(CodePath(c.code)) {
                if let coder, CoderID(c.coder) != coder { continue }
                if let interviewer, interviewer.covers(c) { continue }
                map[DocumentID(c.document), default: []].formUnion(c.segments)
            }
            withSegments = map
        }
        let interviewed = Set(project.transcripts.map(\.caseID))
        var items: [Item] = []
        var interviewerCodings = 0
        for coding in project.codings {
            if let coder {
                guard CoderID(coding.coder) == coder else { continue }
            } else if coding.coder == CodingStore.suggestionCoder {
                continue
            }
            if let paths, !paths.contains(CodePath(coding.code)) { continue }
            if let wantedDocument, DocumentID(coding.document) != wantedDocument { continue }
            guard let document = project.documentsByID[coding.document.lowercased()] else { continue }
            if let withSegments {
                let near = withSegments[DocumentID(coding.document)] ?? []
                let hit = coding.segments.contains { s in document.kind.neighbourhood(of: s, within: query.within).contains { near.contains($0) } }
                if !hit { continue }
            }
            let caseID = project.caseID(of: coding, in: document)
            if let wantedCase, CaseID(caseID) != wantedCase { continue }
            if query.notInterviewed && interviewed.contains(caseID) { continue }
            if let meetsConditions, !meetsConditions(document, caseID) { continue }
            if let interviewer, interviewer.covers(coding) {
                interviewerCodings += 1
                continue
            }
            items.append(Item(coding: coding, caseID: caseID, speaker: document.segment(coding.firstSegment)?.speaker,
                              text: String(document.text(in: coding.range))))
        }
        let order = Dictionary(project.documentIDs.enumerated().map { (DocumentID($1), $0) }, uniquingKeysWith: { a, _ in a })
        items.sort { a, b in
            let da = order[DocumentID(a.coding.document)] ?? 0, db = order[DocumentID(b.coding.document)] ?? 0
            if da != db { return da < db }
            if a.coding.start != b.coding.start { return a.coding.start < b.coding.start }
            if a.coding.code != b.coding.code { return a.coding.code < b.coding.code }
            return a.coding.coder < b.coding.coder
        }
        self.items = items
        self.interviewerCodings = interviewerCodings
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
        let coders = Set(items.map { $0.coding.coder })
        var summary = "\(items.count) coding\(plural(items.count)) from \(documents) document\(plural(documents)) and \(cases) case\(plural(cases))"
        if coders.count > 1 { summary += ", by \(coders.count) coders (`--coder NAME` for one; matrices use the main coder)" }
        if interviewerCodings > 0 {
            summary += "; \(interviewerCodings) coding\(plural(interviewerCodings)) on interviewer turns left out (`--with-interviewer` shows them)"
        }
        return Report(title: title, blocks: [.paragraph(summary + "."), .table(table)])
    }
}

extension Project {
    /// An attribute of what a coding sits in. An interview: its own header first (a case interviewed before
    /// and after has two phases), then the case's attributes. A survey answer: see `SurveyAnswerAttributes`.
    func attribute(_ key: String, document: Transcript, case record: CaseRecord?) -> String? {
        if case .surveyAnswers(let survey, _) = document.kind {
            return answerAttributes.value(key, survey: survey, respondent: record?.id ?? "", case: record)
        }
        let key = key.lowercased()
        if key == "month", let date = attribute("date", document: document, case: record), date.count >= 7 {
            return String(date.prefix(7))
        }
        if let value = document.attribute(key), !Project.documentKeys.contains(key) { return value }
        return record?.attribute(key)
    }

    /// The case a coding belongs to: the transcript's case, or for survey answers the respondent of the segment.
    func caseID(of coding: Coding, in document: Transcript) -> String {
        document.caseID(ofSegment: coding.firstSegment)
    }
}
