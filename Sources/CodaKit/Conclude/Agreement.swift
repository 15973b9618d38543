/// Inter-coder agreement between two coders. A decision is whether a code applies to a unit: a segment
/// (`segment`, the default) or a character of segment text (`char`, as NVivo's coding comparison).
/// The units are the segments both coders read (`AgreementUnits`), coded or not, so "one coder coded it,
/// the other read it and chose no code" counts as the disagreement it is. Reported per code, per document
/// and pooled over the codes either coder used.
public struct Agreement: Sendable {
    public enum Unit: String, Sendable, CaseIterable {
        case segment
        case char
    }

    public struct CodeRow: Sendable {
        public var code: Code
        public var result: AgreementResult
    }

    /// One document's decisions, pooled over the codes of `rows` (as NVivo reports each source).
    public struct DocumentRow: Sendable {
        public var document: String
        /// Segments compared in this document.
        public var segments: Int
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
    public var perDocument: [DocumentRow]
    public var pooled: AgreementResult
    public var meanKappa: MeanKappa
    public var disagreements: [Disagreement]
    /// Codes of the selection that neither coder used on the compared segments (left out of the pooled figures).
    public var unusedCodes: [String]
    /// How many segments are compared, and how many of them are survey respondents' answers.
    public var segmentCount: Int
    public var surveyRespondents: Int
    /// Interviewer turns left out of the units (0 with `withInterviewer`).
    public var interviewerTurns: Int

    public init(_ project: Project, coderA: String, coderB: String, codes roots: [Code], unit: Unit,
                withInterviewer: Bool = false) throws {
        for coder in [coderA, coderB] { try project.validateCoder(coder) }
        guard CoderID(coderA) != CoderID(coderB) else { throw ConcludeError.sameCoder(coderA) }
        self.coderA = coderA
        self.coderB = coderB
        self.unit = unit
        let codes = roots.isEmpty ? project.codebook.codes : project.codebook.subtrees(of: roots)
        let units = AgreementUnits(project, coderA: coderA, coderB: coderB, withInterviewer: withInterviewer)
        guard !units.documents.isEmpty else { throw ConcludeError.noCommonDocuments(coderA, coderB) }
        documents = units.documents.map(\.document.id)
        segmentCount = units.documents.reduce(0) { $0 + $1.segments.count }
        surveyRespondents = units.documents.filter(\.document.isSurveyAnswers).reduce(0) { $0 + $1.segments.count }
        interviewerTurns = units.interviewerTurns
        var tally = Tally(unit: unit)
        for code in codes { tally.count(code, units: units) }
        rows = tally.rows
        unusedCodes = tally.unused
        disagreements = tally.disagreements
        perDocument = units.documents.indices.map { d in
            DocumentRow(document: units.documents[d].document.id, segments: units.documents[d].segments.count,
                        result: AgreementResult.pooled(tally.byDocument.map { $0[d] }))
        }
        pooled = AgreementResult.pooled(rows.map(\.result.counts))
        meanKappa = AgreementResult.meanKappa(rows.map(\.result.counts))
    }

    /// The 2×2 tables of each code, overall and per document, and the disagreements behind them.
    private struct Tally {
        var unit: Unit
        var rows: [CodeRow] = []
        var unused: [String] = []
        var disagreements: [Disagreement] = []
        /// For each code of `rows`, its table in each document.
        var byDocument: [[AgreementCounts]] = []

        init(unit: Unit) { self.unit = unit }

        /// For each code, the documents (by index) where either coder used it, in document order; and every
        /// document's table when neither did. Made once: looking each code up in each document's codings is
        /// millions of string-keyed lookups on a large project, and most codes are absent from most documents.
        private var usedIn: [CodePath: [Int]]?
        private var allNeither: [AgreementCounts] = []

        private mutating func index(_ units: AgreementUnits) -> [CodePath: [Int]] {
            if let usedIn { return usedIn }
            var index: [CodePath: [Int]] = [:]
            for d in units.documents.indices {
                var counts = AgreementCounts()
                counts.neither = unit == .segment ? units.documents[d].segments.count : units.documents[d].characters
                allNeither.append(counts)
                for path in Set(units.documents[d].codingsA.keys).union(units.documents[d].codingsB.keys) {
                    index[path, default: []].append(d)
                }
            }
            usedIn = index
            return index
        }

        mutating func count(_ code: Code, units: AgreementUnits) {
            let path = CodePath(code.path)
            let documents = index(units)[path] ?? []
            // Neither coder used the code in the other documents: every unit there is a "neither".
            var perDocument = allNeither
            var used = false
            for d in documents {
                let documentUnits = units.documents[d]
                let a = documentUnits.codingsA[path] ?? [], b = documentUnits.codingsB[path] ?? []
                var counts = AgreementCounts()
                for n in documentUnits.segments {
                    let segment = documentUnits.document.segments[n - 1]
                    // A segment neither coder's codings touch is a "neither" whole, decided without building lists.
                    let range = segment.range
                    func touches(_ coding: Coding) -> Bool { coding.range.overlaps(range) }
                    guard a.contains(where: touches) || b.contains(where: touches) else {
                        counts.neither += unit == .segment ? 1 : segment.range.count
                        continue
                    }
                    let inA = a.filter { $0.range.overlaps(segment.range) }.map { Agreement.clamp($0.range, to: segment.range) }
                    let inB = b.filter { $0.range.overlaps(segment.range) }.map { Agreement.clamp($0.range, to: segment.range) }
                    if !inA.isEmpty || !inB.isEmpty { used = true }
                    decide(inA, inB, segment: segment, document: documentUnits.document.id, code: code.path, into: &counts)
                }
                perDocument[d] = counts
            }
            guard used else {
                unused.append(code.path)
                return
            }
            rows.append(CodeRow(code: code, result: AgreementResult.pooled(perDocument)))
            byDocument.append(perDocument)
        }

        private mutating func decide(_ inA: [Range<Int>], _ inB: [Range<Int>], segment: Segment, document: String,
                                     code: String, into counts: inout AgreementCounts) {
            switch unit {
            case .segment:
                let x = !inA.isEmpty, y = !inB.isEmpty
                switch (x, y) {
                case (true, true): counts.both += 1
                case (true, false): counts.onlyA += 1
                case (false, true): counts.onlyB += 1
                case (false, false): counts.neither += 1
                }
                if x != y {
                    disagreements.append(Disagreement(document: document, segment: segment, code: code, byA: x, byB: y, characters: 0))
                }
            case .char:
                let lengthA = unionLength(inA), lengthB = unionLength(inB)
                let both = Agreement.intersectionLength(inA, inB)
                counts.both += both
                counts.onlyA += lengthA - both
                counts.onlyB += lengthB - both
                counts.neither += segment.range.count - (lengthA + lengthB - both)
                let differ = lengthA + lengthB - 2 * both
                if differ > 0 {
                    disagreements.append(Disagreement(document: document, segment: segment, code: code,
                                                      byA: lengthA > 0, byB: lengthB > 0, characters: differ))
                }
            }
        }
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
                if let agreement = try? Agreement(project, coderA: first, coderB: second, codes: [], unit: .segment) {
                    agreements.append(agreement)
                }
            }
        }
        return agreements
    }

    static func clamp(_ r: Range<Int>, to s: Range<Int>) -> Range<Int> { max(r.lowerBound, s.lowerBound)..<min(r.upperBound, s.upperBound) }

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
