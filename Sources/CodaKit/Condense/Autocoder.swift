import Foundation

/// Suggests codings from the codebook's keywords and speaker rules. A suggestion is the whole segment
/// where a keyword occurs (or spoken by a matching speaker), stored under the coder `auto` until the
/// researcher accepts or rejects it. Segments already coded with the code, already suggested or
/// rejected are skipped.
public struct Autocoder: Sendable {
    public var project: Project
    public var codes: [Code]
    public var time: String

    public init(project: Project, codes: [Code], time: String) {
        self.project = project
        self.codes = codes
        self.time = time
    }

    public struct Outcome: Sendable {
        public var suggestions: [Coding]
        public var problems: [Diagnostic]
        /// Hits not suggested because the segment already has the code, or the suggestion was made or rejected before.
        public var alreadyCoded = 0
        public var alreadySuggested = 0
    }

    /// Speakers whose turns are never suggested (`--not-speaker Interviewer`).
    public var skipSpeakers: [String] = []

    public func suggest(documents: [Transcript]? = nil) -> Outcome {
        let matcher = KeywordMatcher(codes: codes)
        let docs = documents ?? project.documentsInOrder
        var taken = Set<TakenKey>()
        for c in project.codings { taken.insert(TakenKey(c)) }
        for c in project.rejectedSuggestions { taken.insert(TakenKey(c)) }
        // A segment is taken for a code when any coding of that code covers it: a human one, or a pending suggestion.
        var covered: [String: [Int: Set<String>]] = [:]
        var suggested: [String: [Int: Set<String>]] = [:]
        for c in project.humanCodings {
            for n in c.segments { covered[c.document.lowercased(), default: [:]][n, default: []].insert(c.code.lowercased()) }
        }
        for c in project.suggestions {
            for n in c.segments { suggested[c.document.lowercased(), default: [:]][n, default: []].insert(c.code.lowercased()) }
        }
        // Each document is matched on its own (on every core); `taken` and `covered` are only read.
        let paths = codes.map { $0.path.lowercased() }
        let speakerRules = codes.enumerated().filter { !$0.element.speakers.isEmpty }.map { ($0.offset, $0.element.speakers) }
        let time = self.time
        let frozenTaken = taken
        let frozenCovered = covered
        let frozenSuggested = suggested
        let skip = skipSpeakers
        let perDocument = docs.parallelMap { document -> (found: [Coding], coded: Int, suggested: Int) in
            var found: [Coding] = []
            var coded = 0, suggested = 0
            var scratch = KeywordMatcher.Scratch()
            let docCovered = frozenCovered[document.id.lowercased()] ?? [:]
            let docSuggested = frozenSuggested[document.id.lowercased()] ?? [:]
            for segment in document.segments where !segment.range.isEmpty {
                if let speaker = segment.speaker, skip.contains(where: { Autocoder.matches(pattern: $0, speaker) }) { continue }
                var why: [Int: [String]] = [:]
                if !matcher.isEmpty {
                    for hit in matcher.matches(in: segment.text, scratch: &scratch) where !(why[hit.codeIndex]?.contains(hit.keyword) ?? false) {
                        why[hit.codeIndex, default: []].append(hit.keyword)
                    }
                }
                if let speaker = segment.speaker {
                    for (index, patterns) in speakerRules where patterns.contains(where: { Autocoder.matches(pattern: $0, speaker) }) {
                        why[index, default: []].append("speaker \(speaker)")
                    }
                }
                guard !why.isEmpty else { continue }
                let print = fingerprint(segment.text)
                let excerpt = Coding.excerpt(of: segment.text)
                for (index, reasons) in why.sorted(by: { $0.key < $1.key }) {
                    if docCovered[segment.number]?.contains(paths[index]) == true { coded += 1; continue }
                    if docSuggested[segment.number]?.contains(paths[index]) == true { suggested += 1; continue }
                    let coding = Coding(document: document.id, code: codes[index].path, start: segment.range.lowerBound, end: segment.range.upperBound,
                                        firstSegment: segment.number, lastSegment: segment.number, coder: CodingStore.suggestionCoder,
                                        time: time, fingerprint: print, excerpt: excerpt,
                                        memo: "autocode: " + reasons.prefix(3).joined(separator: ", "))
                    if !frozenTaken.contains(TakenKey(coding)) { found.append(coding) } else { suggested += 1 }
                }
            }
            return (found, coded, suggested)
        }
        let suggestions = perDocument.flatMap(\.found)
        var outcome = Outcome(suggestions: suggestions, problems: matcher.problems)
        outcome.alreadyCoded = perDocument.reduce(0) { $0 + $1.coded }
        outcome.alreadySuggested = perDocument.reduce(0) { $0 + $1.suggested }
        return outcome
    }

    /// Keyword hits per code over the documents, without making suggestions (like `grep -c`, per code):
    /// for refining keywords before autocoding.
    public func countHits(documents: [Transcript]? = nil) -> (rows: [(code: String, hits: Int, segments: Int, documents: Int)], bytes: Int) {
        let matcher = KeywordMatcher(codes: codes)
        let docs = documents ?? project.documentsInOrder
        let codeCount = codes.count
        // Documents are matched on every core, in chunks; each chunk adds up its own counts.
        let chunks = stride(from: 0, to: docs.count, by: 64).map { $0..<min(docs.count, $0 + 64) }
        let partial = chunks.parallelMap { chunk -> (hits: [Int], segments: [Int], documents: [Int], bytes: Int) in
            var hits = [Int](repeating: 0, count: codeCount)
            var segments = [Int](repeating: 0, count: codeCount)
            var documentCounts = [Int](repeating: 0, count: codeCount)
            var seenInSegment = [Int](repeating: -1, count: codeCount)
            var seenInDocument = [Int](repeating: -1, count: codeCount)
            var bytes = 0
            var scratch = KeywordMatcher.Scratch()
            var segmentNumber = 0
            for d in chunk {
                for segment in docs[d].segments where !segment.range.isEmpty {
                    bytes += segment.text.utf8.count
                    segmentNumber += 1
                    for hit in matcher.matches(in: segment.text, scratch: &scratch) {
                        hits[hit.codeIndex] += 1
                        if seenInSegment[hit.codeIndex] != segmentNumber { seenInSegment[hit.codeIndex] = segmentNumber; segments[hit.codeIndex] += 1 }
                        if seenInDocument[hit.codeIndex] != d { seenInDocument[hit.codeIndex] = d; documentCounts[hit.codeIndex] += 1 }
                    }
                }
            }
            return (hits, segments, documentCounts, bytes)
        }
        var hits = [Int](repeating: 0, count: codeCount)
        var segments = hits, documentCounts = hits
        var bytes = 0
        for p in partial {
            for i in 0..<codeCount { hits[i] += p.hits[i]; segments[i] += p.segments[i]; documentCounts[i] += p.documents[i] }
            bytes += p.bytes
        }
        return (codes.indices.map { (codes[$0].path, hits[$0], segments[$0], documentCounts[$0]) }, bytes)
    }

    /// Writes suggestions to `Codings/auto/`, one file per document.
    public func save(_ suggestions: [Coding]) throws {
        let store = CodingStore(root: project.root)
        let byDocument = Dictionary(grouping: suggestions, by: \.document)
        for id in byDocument.keys.sorted() {
            guard let document = try? project.document(id) else { continue }
            try store.update(coder: CodingStore.suggestionCoder, document: document) { codings in
                let existing = Set(codings.map(\.key))
                codings += byDocument[id, default: []].filter { !existing.contains($0.key) }
            }
        }
    }

    /// `Pak *` matches `Pak Rahman`; matching ignores case.
    static func matches(pattern: String, _ name: String) -> Bool {
        let p = pattern.lowercased(), n = name.lowercased()
        guard p.contains("*") else { return p == n }
        let parts = p.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(n)
        for (i, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if i == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if i == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let r = rest.range(of: part) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return true
    }

    private struct TakenKey: Hashable {
        var document: String, code: String, start: Int, end: Int
        init(_ c: Coding) { document = c.document.lowercased(); code = c.code.lowercased(); start = c.start; end = c.end }
    }
}


