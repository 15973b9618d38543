/// Reviewing autocoding suggestions: list them, accept them (they become the researcher's own codings)
/// or reject them (they are remembered so autocoding does not suggest them again).
public enum Suggestions {
    /// A short stable handle for a suggestion, from what it points at.
    public static func id(_ coding: Coding) -> String {
        String(fingerprint("\(coding.document)|\(coding.start)|\(coding.end)|\(coding.code.lowercased())").prefix(7))
    }

    public struct Filter: Sendable {
        public var ids: [String] = []
        public var all = false
        public var code: Code?
        public var document: String?

        public init(ids: [String] = [], all: Bool = false, code: Code? = nil, document: String? = nil) {
            self.ids = ids
            self.all = all
            self.code = code
            self.document = document
        }
    }

    /// The suggestions a filter picks, in document order.
    public static func select(_ project: Project, _ filter: Filter, requireChoice: Bool) throws -> [Coding] {
        var pool = CodingFile.sorted(project.suggestions)
        if let code = filter.code {
            let paths = Set(project.codebook.subtree(of: code).map { $0.path.lowercased() })
            pool = pool.filter { paths.contains($0.code.lowercased()) }
        }
        if let document = filter.document { pool = pool.filter { $0.document.lowercased() == document.lowercased() } }
        if !filter.ids.isEmpty {
            let byID = Dictionary(pool.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            return try filter.ids.map { wanted in
                guard let hit = byID[wanted.lowercased()] ?? pool.first(where: { id($0).hasPrefix(wanted.lowercased()) && wanted.count >= 4 }) else {
                    throw CondenseError.unknownSuggestion(wanted)
                }
                return hit
            }
        }
        if requireChoice && !filter.all { throw CondenseError.noSuggestionsSelected }
        return pool
    }

    public static func report(_ project: Project, _ chosen: [Coding]) -> Report {
        var table = Table(columns: [Table.Column("ID", key: "id"), Table.Column("Document", key: "document"), .number("¶", key: "segment"),
                                    Table.Column("Code", key: "code"), Table.Column("Why", key: "why"), Table.Column("Text", key: "text")])
        var matchers: [String: KeywordMatcher] = [:]
        for c in chosen {
            let text = project.documentsByID[c.document.lowercased()].map { String($0.text(in: c.range)) } ?? c.excerpt
            let key = c.code.lowercased()
            if matchers[key] == nil, let code = try? project.codebook.resolve(c.code) { matchers[key] = KeywordMatcher(codes: [code]) }
            let shown = matchers[key].map { SuggestionContext.text(text, matcher: $0) } ?? text.collapsingWhitespace().truncated(to: 90)
            table.append([Cell(id(c)), Cell(c.document), Cell(c.segmentLabel), Cell(c.code),
                          Cell(c.memo.replacingOccurrences(of: "autocode: ", with: "")), Cell(shown)])
        }
        var report = Report(title: "Suggestions")
        report.add(.paragraph(chosen.isEmpty ? "No suggestions waiting. Run `coda autocode` to make some."
                                : "\(chosen.count) suggestion\(plural(chosen.count)) waiting. Accept with `coda suggestions accept ID...` (or `--all`), reject with `coda suggestions reject ID...`."))
        report.add(.table(table))
        return report
    }

    /// Turns suggestions into codings of `coder` and removes them from the `auto` coder.
    public static func accept(_ chosen: [Coding], project: Project, coder: String, time: String) throws -> Int {
        var accepted = 0
        _ = try move(chosen, project: project, to: coder) { group, codings in
            let existing = Set(codings.map(\.spanKey))
            for s in group where !existing.contains(s.spanKey) {
                var c = s
                c.coder = coder
                c.time = time
                c.memo = ""
                codings.append(c)
                accepted += 1
            }
        }
        return accepted
    }

    /// Removes suggestions and remembers them as rejected.
    public static func reject(_ chosen: [Coding], project: Project) throws -> Int {
        try move(chosen, project: project, to: CodingStore.suggestionCoder, rejected: true) { group, codings in
            let existing = Set(codings.map(\.key))
            codings += group.filter { !existing.contains($0.key) }
        }
    }

    /// Under the project lock, document by document: keeps the chosen suggestions that are still waiting (another
    /// run may have accepted or rejected some meanwhile), lets `add` put them into the file of `coder` (its rejected
    /// file when `rejected`), then removes them from the `auto` coder. None still waiting is an error.
    private static func move(_ chosen: [Coding], project: Project, to coder: String, rejected: Bool = false,
                             _ add: ([Coding], inout [Coding]) -> Void) throws -> Int {
        let store = CodingStore(root: project.root)
        return try FileLock.withLock(store.lockURL) {
            var moved = 0
            for (documentID, group) in Dictionary(grouping: chosen, by: \.document).sorted(by: { $0.key < $1.key }) {
                let document = try project.document(documentID)
                let waiting = try store.update(coder: CodingStore.suggestionCoder, document: document) { Set($0.map(\.key)) }
                let present = group.filter { waiting.contains($0.key) }
                guard !present.isEmpty else { continue }
                try store.update(coder: coder, document: document, rejected: rejected) { add(present, &$0) }
                let keys = Set(present.map(\.key))
                try store.update(coder: CodingStore.suggestionCoder, document: document) { codings in
                    codings.removeAll { keys.contains($0.key) }
                }
                moved += present.count
            }
            if moved == 0 && !chosen.isEmpty { throw CondenseError.suggestionsAlreadyReviewed(count: chosen.count) }
            return moved
        }
    }
}
