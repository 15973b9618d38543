import Foundation

/// Applies and removes codes: turns "these segments (and maybe these words)" into spans of text, and
/// writes codings for one coder through the store.
public struct Tagger: Sendable {
    public var project: Project
    public var coder: String
    public var time: String

    public init(project: Project, coder: String, time: String) {
        self.project = project
        self.coder = coder
        self.time = time
    }

    /// The spans a command addresses: each run of consecutive segments, or the phrase inside them.
    public static func spans(in document: Transcript, selection: SegmentSelection, phrase: String?, all: Bool = false) throws -> [Range<Int>] {
        for n in selection.numbers where document.segment(n) == nil {
            throw ProjectError.segmentOutOfRange(document: document.id, number: n, count: document.segments.count)
        }
        // Consecutive segments make one span, except in survey answers, where each respondent is a case of their own.
        let isSurvey = document.kind.isSurveyAnswers
        var numbers = selection.numbers
        if isSurvey && numbers.count > 1 {
            numbers = numbers.filter { !document.segments[$0 - 1].range.isEmpty }
            if numbers.isEmpty { throw CondenseError.emptySegment(document: document.id, number: selection.numbers[0]) }
        }
        var runs: [ClosedRange<Int>] = []
        for n in numbers {
            if !isSurvey, let last = runs.last, last.upperBound + 1 == n { runs[runs.count - 1] = last.lowerBound...n } else { runs.append(n...n) }
        }
        var spans: [Range<Int>] = []
        for run in runs {
            let range = document.segments[run.lowerBound - 1].range.lowerBound..<document.segments[run.upperBound - 1].range.upperBound
            if range.isEmpty { throw CondenseError.emptySegment(document: document.id, number: run.lowerBound) }
            if let phrase {
                spans += PhraseFinder.find(phrase, in: document.text(in: range)).map { ($0.lowerBound + range.lowerBound)..<($0.upperBound + range.lowerBound) }
            } else {
                spans.append(range)
            }
        }
        if let phrase {
            if spans.isEmpty { throw CondenseError.phraseNotFound(phrase: phrase, document: document.id, segments: selection.compact) }
            if spans.count > 1 && !all { throw CondenseError.phraseAmbiguous(phrase: phrase, count: spans.count) }
        }
        return spans
    }

    public struct TagResult: Sendable {
        public var added: [Coding] = []
        public var unchanged: [Coding] = []
        public var memoUpdated: [Coding] = []
        /// New codings that lie inside another coding of the same code by the same coder (counted twice).
        public var nested: [(inner: Coding, outer: Coding)] = []
    }

    /// Adds one coding per span and code; the same coder, code and span twice is a no-op
    /// (a new `--memo` replaces the old memo).
    public func tag(_ document: Transcript, spans: [Range<Int>], codes: [Code], memo: String?) throws -> TagResult {
        try CodingStore(root: project.root).update(coder: coder, document: document) { codings in
            Tagger.add(spans: spans, codes: codes, in: document, coder: coder, time: time, memo: memo, to: &codings)
        }
    }

    /// Adds one coding per span and code to one coder's codings of a document, as `tag` does; shared with the
    /// bulk path (`coda tag --from`).
    static func add(spans: [Range<Int>], codes: [Code], in document: Transcript, coder: String, time: String,
                    memo: String?, to codings: inout [Coding]) -> TagResult {
        var result = TagResult()
        var index = Dictionary(codings.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for span in spans {
            for code in codes {
                let coding = Coding(span, in: document, code: code.path, coder: coder, time: time, memo: memo ?? "")
                if let existing = index[coding.key] {
                    if let memo, codings[existing].memo != memo {
                        codings[existing].memo = memo
                        result.memoUpdated.append(codings[existing])
                    } else {
                        result.unchanged.append(codings[existing])
                    }
                } else {
                    if let outer = codings.first(where: { $0.code == coding.code && $0.start <= coding.start && coding.end <= $0.end }) {
                        result.nested.append((coding, outer))
                    }
                    index[coding.key] = codings.count
                    codings.append(coding)
                    result.added.append(coding)
                }
            }
        }
        return result
    }

    /// Removes this coder's codings (of the given codes, or of any code) that lie within the spans;
    /// finding none is an error that names the codings reaching beyond them.
    public func untag(_ document: Transcript, spans: [Range<Int>], codes: [Code], label: String) throws -> [Coding] {
        let removed = try remove(document, spans: spans, codes: codes)
        if removed.isEmpty {
            let paths = Set(codes.map { $0.path.lowercased() })
            let overlapping = project.codings.filter { c in
                c.document == document.id && c.coder == coder && (paths.isEmpty || paths.contains(c.code.lowercased()))
                    && spans.contains { $0.overlaps(c.range) }
            }.map { "`\($0.code)` ¶\($0.segmentLabel)" }
            throw CondenseError.nothingToUntag(document: document.id, segments: label, overlapping: overlapping)
        }
        return removed
    }

    /// Removes this coder's codings (of the given codes, or of any code) that lie within the spans, and returns them.
    func remove(_ document: Transcript, spans: [Range<Int>], codes: [Code]) throws -> [Coding] {
        let paths = Set(codes.map { $0.path.lowercased() })
        return try CodingStore(root: project.root).update(coder: coder, document: document) { codings in
            Tagger.remove(within: spans, paths: paths, from: &codings)
        }
    }

    /// Removes the codings (of the code paths, lower-cased, or of any code when empty) that lie within the spans,
    /// and returns them; shared with the bulk path (`coda untag --from`).
    static func remove(within spans: [Range<Int>], paths: Set<String>, from codings: inout [Coding]) -> [Coding] {
        var removed: [Coding] = []
        codings.removeAll { coding in
            let codeMatches = paths.isEmpty || paths.contains(coding.code.lowercased())
            let inside = spans.contains { $0.lowerBound <= coding.start && coding.end <= $0.upperBound }
            if codeMatches && inside { removed.append(coding); return true }
            return false
        }
        return removed
    }

    /// Sets the memo of this coder's codings of `code` within the spans.
    /// With `appendingOn` (a date), a memo already on a coding is kept and the new one added below it, dated and signed.
    /// Returns how many codings were found and how many of them changed (a memo replaced by its own text does not).
    public func annotate(_ document: Transcript, spans: [Range<Int>], code: Code, memo: String, label: String,
                         appendingOn date: String? = nil) throws -> (codings: Int, changed: Int) {
        let store = CodingStore(root: project.root)
        let count = try store.update(coder: coder, document: document) { codings in
            var count = (codings: 0, changed: 0)
            for i in codings.indices where codings[i].code.lowercased() == code.path.lowercased()
                && spans.contains(where: { $0.lowerBound <= codings[i].start && codings[i].end <= $0.upperBound }) {
                let old = codings[i].memo.trimmingWhitespace()
                let new = date == nil || old.isEmpty ? memo : old + "\n\n\(date!) · \(coder): " + memo
                count.codings += 1
                if new != codings[i].memo { count.changed += 1 }
                codings[i].memo = new
            }
            return count
        }
        if count.codings == 0 {
            throw CondenseError.noCodingToAnnotate(document: document.id, segments: label, code: code.name)
        }
        return count
    }
}
