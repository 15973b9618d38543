/// Inter-coder agreement between two coders on the documents both have coded. A decision is whether a
/// code applies to a unit: a segment (`segment`, the default) or a character of segment text (`char`, as
/// NVivo's coding comparison). Reported per code and pooled over the codes either coder used.
/// In survey answers each respondent's answer counts as a document of its own: it is compared when
/// both coders coded it (a second coder usually codes a sample of respondents).
public struct Agreement: Sendable {
    public enum Unit: String, Sendable, CaseIterable {
        case segment
        case char
    }

    public struct CodeRow: Sendable {
        public var code: Code
        public var result: AgreementResult
    }

    /// A segment where the coders differ on a code.
    public struct Disagreement: Sendable {
        public var document: String
        public var segment: Segment
        public var code: String
        public var byA: Bool
        public var byB: Bool
        /// For `char`: how many characters of the segment only one coder coded.
        public var characters: Int
    }

    public var coderA: String
    public var coderB: String
    public var unit: Unit
    public var documents: [String]
    public var rows: [CodeRow]
    public var pooled: AgreementResult
    public var meanKappa: MeanKappa
    public var disagreements: [Disagreement]
    /// Codes of the selection that neither coder used in these documents (left out of the pooled figures).
    public var unusedCodes: [String]
    /// How many survey respondents both coders coded (each compared as a document).
    public var surveyRespondents: Int

    public init(_ project: Project, coderA: String, coderB: String, codes roots: [Code], unit: Unit) throws {
        for coder in [coderA, coderB] { try project.validateCoder(coder) }
        guard coderA.lowercased() != coderB.lowercased() else { throw ConcludeError.sameCoder(coderA) }
        self.coderA = coderA
        self.coderB = coderB
        self.unit = unit
        let codes = roots.isEmpty ? project.codebook.codes : project.codebook.subtrees(of: roots)
        func mine(_ coder: String) -> [Coding] { project.humanCodings.filter { $0.coder.lowercased() == coder.lowercased() } }
        let a = mine(coderA), b = mine(coderB)
        let common = Set(a.map { $0.document.lowercased() }).intersection(b.map { $0.document.lowercased() })
        guard !common.isEmpty else { throw ConcludeError.noCommonDocuments(coderA, coderB) }
        let documents = project.documentsInOrder.filter { common.contains($0.id.lowercased()) }
        self.documents = documents.map(\.id)
        let byDocA = Dictionary(grouping: a, by: { $0.document.lowercased() })
        let byDocB = Dictionary(grouping: b, by: { $0.document.lowercased() })
        // Survey answers: only respondents both coders coded.
        var surveySegments: [String: Set<Int>] = [:]
        for document in documents where document.isSurveyAnswers {
            let key = document.id.lowercased()
            let sa = Set((byDocA[key] ?? []).flatMap { Array($0.segments) })
            let sb = Set((byDocB[key] ?? []).flatMap { Array($0.segments) })
            surveySegments[key] = sa.intersection(sb)
        }
        // Group the codings by document and code once; a code is only looked at in the documents where it was used.
        func index(_ byDoc: [String: [Coding]]) -> [String: [String: [Coding]]] {
            byDoc.mapValues { Dictionary(grouping: $0, by: { $0.code.lowercased() }) }
        }
        let indexA = index(byDocA), indexB = index(byDocB)
        var documentsByCode: [String: Set<String>] = [:]
        for (doc, codes) in indexA { for code in codes.keys { documentsByCode[code, default: []].insert(doc) } }
        for (doc, codes) in indexB { for code in codes.keys { documentsByCode[code, default: []].insert(doc) } }
        // The units of each document: its non-empty segments (for survey answers, those both coded).
        var unitNumbers: [Set<Int>] = []
        var totalUnits = 0
        for document in documents {
            let sample = surveySegments[document.id.lowercased()]
            let segments = document.segments.filter { !$0.range.isEmpty && (sample?.contains($0.number) ?? true) }
            unitNumbers.append(Set(segments.map(\.number)))
            totalUnits += unit == .segment ? segments.count : segments.reduce(0) { $0 + $1.range.count }
        }
        // Plain arrays of what the loop below needs, so it never copies a whole transcript.
        let documentKeys = documents.map { $0.id.lowercased() }
        let documentIDs = documents.map(\.id)
        let documentSegments = documents.map(\.segments)
        let documentIndex = Dictionary(documentKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [CodeRow] = []
        var unused: [String] = []
        var disagreements: [Disagreement] = []
        for code in codes {
            let path = code.path.lowercased()
            var counts = AgreementCounts()
            var used = false
            var unitsSeen = 0
            let present = documentsByCode[path] ?? []
            for d in present.compactMap({ documentIndex[$0] }).sorted() {
                let key = documentKeys[d]
                let documentID = documentIDs[d]
                let ca = indexA[key]?[path] ?? []
                let cb = indexB[key]?[path] ?? []
                let sample = surveySegments[key]
                if let sample {
                    if (ca + cb).contains(where: { !sample.isDisjoint(with: $0.segments) }) { used = true }
                } else if !ca.isEmpty || !cb.isEmpty {
                    used = true
                }
                // Only segments a coding touches can differ from "neither".
                var touched = Set<Int>()
                for c in ca + cb { for n in c.segments where unitNumbers[d].contains(n) { touched.insert(n) } }
                for n in touched.sorted() {
                    let segment = documentSegments[d][n - 1]
                    unitsSeen += unit == .segment ? 1 : segment.range.count
                    let inA = ca.filter { $0.range.overlaps(segment.range) }.map { Agreement.clamp($0.range, to: segment.range) }
                    let inB = cb.filter { $0.range.overlaps(segment.range) }.map { Agreement.clamp($0.range, to: segment.range) }
                    switch unit {
                    case .segment:
                        let x = !inA.isEmpty, y = !inB.isEmpty
                        switch (x, y) {
                        case (true, true): counts.both += 1
                        case (true, false): counts.onlyA += 1
                        case (false, true): counts.onlyB += 1
                        case (false, false): counts.neither += 1
                        }
                        if x != y { disagreements.append(Disagreement(document: documentID, segment: segment, code: code.path, byA: x, byB: y, characters: 0)) }
                    case .char:
                        let lengthA = unionLength(inA), lengthB = unionLength(inB)
                        let both = Agreement.intersectionLength(inA, inB)
                        counts.both += both
                        counts.onlyA += lengthA - both
                        counts.onlyB += lengthB - both
                        counts.neither += segment.range.count - (lengthA + lengthB - both)
                        let differ = lengthA + lengthB - 2 * both
                        if differ > 0 {
                            disagreements.append(Disagreement(document: documentID, segment: segment, code: code.path,
                                                              byA: lengthA > 0, byB: lengthB > 0, characters: differ))
                        }
                    }
                }
            }
            // Every unit of the documents where the code does not occur is a "neither".
            counts.neither += totalUnits - unitsSeen
            if used { rows.append(CodeRow(code: code, result: AgreementResult(counts: counts))) } else { unused.append(code.path) }
        }
        self.rows = rows
        self.unusedCodes = unused
        self.surveyRespondents = surveySegments.values.reduce(0) { $0 + $1.count }
        self.pooled = AgreementResult.pooled(rows.map(\.result.counts))
        self.meanKappa = AgreementResult.meanKappa(rows.map(\.result.counts))
        self.disagreements = disagreements
    }

    /// Agreement on all codes by segment for every pair of coders with documents in common, the main coder
    /// of the project first in a pair.
    static func everyPair(_ project: Project) -> [Agreement] {
        let coders = project.coders
        let main = CodingFilter.defaultCoder(project)
        var agreements: [Agreement] = []
        for (i, a) in coders.enumerated() {
            for b in coders[(i + 1)...] {
                let (first, second) = b == main ? (b, a) : (a, b)
                if let agreement = try? Agreement(project, coderA: first, coderB: second, codes: [], unit: .segment) { agreements.append(agreement) }
            }
        }
        return agreements
    }

    private static func clamp(_ r: Range<Int>, to s: Range<Int>) -> Range<Int> { max(r.lowerBound, s.lowerBound)..<min(r.upperBound, s.upperBound) }

    /// Length of the intersection of two unions of ranges.
    static func intersectionLength(_ a: [Range<Int>], _ b: [Range<Int>]) -> Int {
        var overlaps: [Range<Int>] = []
        for x in a { for y in b where x.overlaps(y) { overlaps.append(max(x.lowerBound, y.lowerBound)..<min(x.upperBound, y.upperBound)) } }
        return unionLength(overlaps)
    }
}

/// Problems with conclusions, agreement and review notes.
public enum ConcludeError: CodaError {
    case sameCoder(String)
    case noCommonDocuments(String, String)
    case badNoteTarget(String)
    case unknownNote(String, open: [String])
    case noThemes

    public var diagnostic: Diagnostic {
        switch self {
        case .sameCoder(let c):
            return Diagnostic(.error, at: nil, "agreement needs two different coders, not `\(c)` twice", hint: "`coda matrix code-coder` lists who coded what")
        case let .noCommonDocuments(a, b):
            return Diagnostic(.error, at: nil, "`\(a)` and `\(b)` have not coded any document in common",
                              hint: "agreement compares the documents both have coded; ask the second coder to code one of the first coder's documents")
        case .badNoteTarget(let text):
            return Diagnostic(.error, at: nil, "`\(text)` is not something a note can be on",
                              hint: "write `coda note project TEXT`, `coda note code CODE TEXT`, `coda note coding DOC SEGMENT CODE TEXT` or `coda note cell KIND ROW COLUMN TEXT`")
        case let .unknownNote(id, open):
            return Diagnostic(.error, at: nil, "there is no open note `\(id)`",
                              hint: open.isEmpty ? "there are no open notes" : "open notes: " + open.joined(separator: ", "))
        case .noThemes:
            return Diagnostic(.error, at: nil, "the codebook has no codes to draw themes from", hint: "write a codebook in Codebooks/")
        }
    }

    public var isUsageError: Bool {
        if case .badNoteTarget = self { return true }
        return false
    }
}
