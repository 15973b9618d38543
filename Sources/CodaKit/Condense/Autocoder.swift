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
    /// How much text a keyword suggestion covers (`--span`); speaker rules always suggest the whole segment.
    public var span = SuggestionSpan.segment

    /// Runs `body` with a matcher of the codes' keywords; when a `re:` keyword runs out of its step budget anywhere,
    /// runs it again without that keyword, so no result depends on where the budget ran out. Returns the result and
    /// the matcher's problems (an invalid or too slow expression).
    private func withinBudget<T>(_ body: (KeywordMatcher) -> (T, overBudget: Set<String>)) -> (T, [Diagnostic]) {
        let matcher = KeywordMatcher(codes: codes)
        let (result, overBudget) = body(matcher)
        guard !overBudget.isEmpty else { return (result, matcher.problems) }
        let second = KeywordMatcher(codes: codes, excluding: overBudget)
        return (body(second).0, second.problems)
    }

    public func suggest(documents: [Transcript]? = nil) -> Outcome {
        let ((suggestions, coded, suggested), problems) = withinBudget { matcher in suggest(documents, matcher) }
        var outcome = Outcome(suggestions: suggestions, problems: problems)
        outcome.alreadyCoded = coded
        outcome.alreadySuggested = suggested
        return outcome
    }

    private func suggest(_ documents: [Transcript]?,
                         _ matcher: KeywordMatcher) -> ((found: [Coding], coded: Int, suggested: Int), overBudget: Set<String>) {
        let docs = documents ?? project.documentsInOrder
        // A segment is taken for a code when any coding of that code covers it: a human one, or a pending suggestion.
        // Every coding is on the segments its span touches, so a span coded or suggested before is caught there;
        // only rejected suggestions need their own check.
        let covered = Autocoder.codesBySegment(project.humanCodings)
        let suggested = Autocoder.codesBySegment(project.suggestions)
        let rejected = Set(project.rejectedSuggestions.map(\.spanKey))
        // Each document is matched on its own (on every core); the maps are only read.
        let paths = codes.map { $0.path.lowercased() }
        let speakerRules = codes.indices.filter { !codes[$0].speakers.isEmpty }.map { (index: $0, patterns: codes[$0].speakers.map(SpeakerPattern.init)) }
        let skip = skipSpeakers.map(SpeakerPattern.init)
        let time = self.time
        let span = self.span
        let perDocument = docs.parallelMap { document -> (found: [Coding], coded: Int, suggested: Int, overBudget: Set<String>) in
            var found: [Coding] = []
            var coded = 0, alreadySuggested = 0
            var scratch = KeywordMatcher.Scratch()
            let docCovered = covered[document.id.lowercased()] ?? [:]
            let docSuggested = suggested[document.id.lowercased()] ?? [:]
            // Per speaker, worked out at their first turn: whether their turns are skipped, and the codes whose speaker rules they match.
            var bySpeaker: [String: (skip: Bool, codes: [Int])] = [:]
            func rules(_ speaker: String) -> (skip: Bool, codes: [Int]) {
                if let known = bySpeaker[speaker] { return known }
                let name = speaker.lowercased()
                let found = (skip: skip.contains { $0.matches(name) },
                             codes: speakerRules.filter { rule in rule.patterns.contains { $0.matches(name) } }.map(\.index))
                bySpeaker[speaker] = found
                return found
            }
            for segment in document.segments where !segment.range.isEmpty {
                if let speaker = segment.speaker, rules(speaker).skip { continue }
                var why: [Int: [String]] = [:]
                var hitRanges: [Int: [Range<Int>]] = [:]
                if !matcher.isEmpty {
                    for hit in matcher.matches(in: segment.text, scratch: &scratch) {
                        hitRanges[hit.codeIndex, default: []].append(hit.range)
                        if !(why[hit.codeIndex]?.contains(hit.keyword) ?? false) {
                            why[hit.codeIndex, default: []].append(hit.keyword)
                        }
                    }
                }
                if let speaker = segment.speaker {
                    for index in rules(speaker).codes { why[index, default: []].append("speaker \(speaker)") }
                }
                guard !why.isEmpty else { continue }
                var words: (fingerprint: String, excerpt: String)?
                for (index, reasons) in why.sorted(by: { $0.key < $1.key }) {
                    if docCovered[segment.number]?.contains(paths[index]) == true { coded += 1; continue }
                    if docSuggested[segment.number]?.contains(paths[index]) == true { alreadySuggested += 1; continue }
                    let bySpeaker = reasons.contains { $0.hasPrefix("speaker ") }
                    let ranges = span == .segment || bySpeaker ? [0..<segment.range.count]
                        : span.ranges(of: hitRanges[index] ?? [], in: segment.text)
                    for range in ranges {
                        let whole = range == 0..<segment.range.count
                        let start = segment.range.lowerBound + range.lowerBound
                        let end = segment.range.lowerBound + range.upperBound
                        let text = whole ? segment.text : document.text(in: start..<end)
                        let (print, excerpt) = (whole ? words : nil) ?? (fingerprint(text), Coding.excerpt(of: text))
                        if whole { words = (print, excerpt) }
                        let coding = Coding(document: document.id, code: codes[index].path, start: start, end: end,
                                            firstSegment: segment.number, lastSegment: segment.number,
                                            coder: CodingStore.suggestionCoder, time: time, fingerprint: print, excerpt: excerpt,
                                            memo: "autocode: " + reasons.prefix(3).joined(separator: ", "))
                        if !rejected.contains(coding.spanKey) { found.append(coding) } else { alreadySuggested += 1 }
                    }
                }
            }
            return (found, coded, alreadySuggested, scratch.overBudget)
        }
        let totals = (found: perDocument.flatMap(\.found), coded: perDocument.reduce(0) { $0 + $1.coded },
                      suggested: perDocument.reduce(0) { $0 + $1.suggested })
        return (totals, perDocument.reduce(into: Set<String>()) { $0.formUnion($1.overBudget) })
    }

    /// For each document (its id lower-cased), the codes (paths lower-cased) on each of its segments.
    private static func codesBySegment(_ codings: [Coding]) -> [String: [Int: Set<String>]] {
        var map: [String: [Int: Set<String>]] = [:]
        for c in codings {
            let document = c.document.lowercased(), code = c.code.lowercased()
            for n in c.segments { map[document, default: [:]][n, default: []].insert(code) }
        }
        return map
    }

    /// Keyword hits per code over the documents, without making suggestions (like `grep -c`, per code):
    /// for refining keywords before autocoding.
    public func countHits(documents: [Transcript]? = nil)
        -> (rows: [(code: String, hits: Int, segments: Int, documents: Int)], bytes: Int, problems: [Diagnostic]) {
        let ((rows, bytes), problems) = withinBudget { matcher in countHits(documents, matcher) }
        return (rows, bytes, problems)
    }

    private func countHits(_ documents: [Transcript]?, _ matcher: KeywordMatcher)
        -> ((rows: [(code: String, hits: Int, segments: Int, documents: Int)], bytes: Int), overBudget: Set<String>) {
        let docs = documents ?? project.documentsInOrder
        let codeCount = codes.count
        // Documents are matched on every core, in chunks; each chunk adds up its own counts.
        let chunks = stride(from: 0, to: docs.count, by: 64).map { $0..<min(docs.count, $0 + 64) }
        let partial = chunks.parallelMap { chunk -> (hits: [Int], segments: [Int], documents: [Int], bytes: Int,
                                                      overBudget: Set<String>) in
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
            return (hits, segments, documentCounts, bytes, scratch.overBudget)
        }
        var hits = [Int](repeating: 0, count: codeCount)
        var segments = hits, documentCounts = hits
        var bytes = 0
        for p in partial {
            for i in 0..<codeCount { hits[i] += p.hits[i]; segments[i] += p.segments[i]; documentCounts[i] += p.documents[i] }
            bytes += p.bytes
        }
        let overBudget = partial.reduce(into: Set<String>()) { $0.formUnion($1.overBudget) }
        return ((codes.indices.map { (codes[$0].path, hits[$0], segments[$0], documentCounts[$0]) }, bytes), overBudget)
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

    /// A speaker pattern, lower-cased and cut at its stars once: `Pak *` matches `Pak Rahman`; matching ignores case.
    struct SpeakerPattern: Sendable {
        let pattern: String
        let parts: [String]

        init(_ pattern: String) {
            self.pattern = pattern.lowercased()
            parts = self.pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        }

        /// Whether the pattern matches `name`, which is already lower-cased.
        func matches(_ name: String) -> Bool {
            guard parts.count > 1 else { return pattern == name }
            var rest = Substring(name)
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
    }
}
