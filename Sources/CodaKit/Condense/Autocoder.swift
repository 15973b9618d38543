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
    }

    public func suggest(documents: [Transcript]? = nil) -> Outcome {
        let matcher = KeywordMatcher(codes: codes)
        let docs = documents ?? project.documentsInOrder
        var taken = Set<TakenKey>()
        for c in project.codings { taken.insert(TakenKey(c)) }
        for c in project.rejectedSuggestions { taken.insert(TakenKey(c)) }
        // A segment is taken for a code when any coding of that code covers it.
        var covered: [String: [Int: Set<String>]] = [:]
        for c in project.codings {
            for n in c.segments { covered[c.document.lowercased(), default: [:]][n, default: []].insert(c.code.lowercased()) }
        }
        var suggestions: [Coding] = []
        for document in docs {
            let docCovered = covered[document.id.lowercased()] ?? [:]
            for segment in document.segments where !segment.range.isEmpty {
                var why: [Int: [String]] = [:]
                if !matcher.isEmpty {
                    for hit in matcher.matches(in: Substring(segment.text)) where !(why[hit.codeIndex]?.contains(hit.keyword) ?? false) {
                        why[hit.codeIndex, default: []].append(hit.keyword)
                    }
                }
                if let speaker = segment.speaker {
                    for (index, code) in codes.enumerated() where code.speakers.contains(where: { Autocoder.matches(pattern: $0, speaker) }) {
                        why[index, default: []].append("speaker \(speaker)")
                    }
                }
                for (index, reasons) in why.sorted(by: { $0.key < $1.key }) {
                    let code = codes[index]
                    if docCovered[segment.number]?.contains(code.path.lowercased()) == true { continue }
                    let coding = Coding(document: document.id, code: code.path, start: segment.range.lowerBound, end: segment.range.upperBound,
                                        firstSegment: segment.number, lastSegment: segment.number, coder: CodingStore.suggestionCoder,
                                        time: time, fingerprint: fingerprint(segment.text), excerpt: Coding.excerpt(of: Substring(segment.text)),
                                        memo: "autocode: " + reasons.prefix(3).joined(separator: ", "))
                    if taken.insert(TakenKey(coding)).inserted { suggestions.append(coding) }
                }
            }
        }
        return Outcome(suggestions: suggestions, problems: matcher.problems)
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

extension Project {
    /// Transcripts then survey open questions, in a stable order.
    public var documentsInOrder: [Transcript] {
        documentIDs.compactMap { documentsByID[$0.lowercased()] }
    }
}
