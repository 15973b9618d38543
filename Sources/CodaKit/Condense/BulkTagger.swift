/// Applies or removes a whole table of codings in one run: every row is checked against the project first, and
/// nothing is written while any row is bad (unless the caller chose to skip bad rows). All files change under
/// one hold of the project lock.
public struct BulkTagger: Sendable {
    public enum Mode: Sendable { case tag, untag }

    public var project: Project
    /// The coder for rows that name none.
    public var defaultCoder: String
    public var time: String

    public init(project: Project, defaultCoder: String, time: String) {
        self.project = project
        self.defaultCoder = defaultCoder
        self.time = time
    }

    /// What a run did, and the rows it could not apply (each located by file and line).
    public struct Outcome: Sendable {
        public var rows = 0
        public var added: [Coding] = []
        public var unchanged: [Coding] = []
        public var memoUpdated: [Coding] = []
        public var removed: [Coding] = []
        public var problems: [Diagnostic] = []
        /// False when bad rows stopped the run before anything was written.
        public var applied = false
    }

    /// One good row, resolved against the project.
    struct PlannedRow {
        var row: BulkCodingTable.Row
        var document: Transcript
        var spans: [Range<Int>]
        var code: Code?
        var coder: String
    }

    /// Reads the table in `text` (from `path`, for messages) and applies it. With bad rows and `skipBad` false,
    /// writes nothing and reports every bad row.
    public func run(_ text: String, path: String, mode: Mode, skipBad: Bool) throws -> Outcome {
        let table = try BulkCodingTable(text: text, path: path)
        guard !table.rows.isEmpty else { throw BulkCodingError.nothingToDo(file: path) }
        var outcome = Outcome()
        outcome.rows = table.rows.count
        var planned: [PlannedRow] = []
        for row in table.rows {
            do {
                planned.append(try plan(row, mode: mode))
            } catch let error as any CodaError {
                var problem = error.diagnostic
                problem.location = SourceLocation(file: path, line: row.line)
                outcome.problems.append(problem)
            }
        }
        if !outcome.problems.isEmpty && !skipBad { return outcome }
        try apply(planned, mode: mode, into: &outcome)
        outcome.applied = true
        return outcome
    }

    /// The coder and document id of every row whose document and coder are valid: the files a run may change.
    func targets(_ text: String, path: String) -> [(coder: String, document: String)] {
        guard let table = try? BulkCodingTable(text: text, path: path) else { return [] }
        return table.rows.compactMap { row in
            guard let document = try? project.document(row.document),
                  let coder = try? CoderIdentity.check(row.coder ?? defaultCoder) else { return nil }
            return (coder, document.id)
        }
    }

    /// Checks one row as `coda tag` or `coda untag` would check the same arguments.
    func plan(_ row: BulkCodingTable.Row, mode: Mode) throws -> PlannedRow {
        if row.document.isEmpty { throw BulkRowError.empty(column: "document") }
        if row.segments.isEmpty { throw BulkRowError.empty(column: "segments") }
        if row.code.isEmpty && mode == .tag { throw BulkRowError.empty(column: "code") }
        let document = try project.document(row.document)
        let selection = try SegmentSelection(parsing: row.segments)
        let spans = try Tagger.spans(in: document, selection: selection, phrase: row.phrase)
        let code = row.code.isEmpty ? nil : try project.codebook.resolve(row.code)
        let coder = try CoderIdentity.check(row.coder ?? defaultCoder)
        if mode == .untag {
            var mine = project.codings.filter { $0.document == document.id && $0.coder.lowercased() == coder.lowercased() }
            let paths = Set(code.map { [$0.path.lowercased()] } ?? [])
            if Tagger.remove(within: spans, paths: paths, from: &mine).isEmpty { throw CondenseError.nothingToUntag(document: document.id, segments: selection.compact, overlapping: []) }
        }
        if mode == .untag && row.memo != nil { throw BulkRowError.memoOnUntag }
        return PlannedRow(row: row, document: document, spans: spans, code: code, coder: coder)
    }

    /// Writes the planned rows, grouped by coder and document, under one hold of the lock.
    func apply(_ planned: [PlannedRow], mode: Mode, into outcome: inout Outcome) throws {
        var groups: [String: [PlannedRow]] = [:]
        var order: [CodingStore.FileChange] = []
        for item in planned {
            let key = item.coder.lowercased() + "\u{0}" + item.document.id
            if groups[key] == nil { order.append(CodingStore.FileChange(coder: item.coder, document: item.document)) }
            groups[key, default: []].append(item)
        }
        let results = try CodingStore(root: project.root).updateMany(order) { file, codings -> Outcome in
            let rows = groups[file.coder.lowercased() + "\u{0}" + file.document.id] ?? []
            var result = Outcome()
            for item in rows {
                switch mode {
                case .tag: tag(item, into: &codings, result: &result)
                case .untag: untag(item, from: &codings, result: &result)
                }
            }
            return result
        }
        for result in results {
            outcome.added += result.added
            outcome.unchanged += result.unchanged
            outcome.memoUpdated += result.memoUpdated
            outcome.removed += result.removed
        }
    }

    private func tag(_ item: PlannedRow, into codings: inout [Coding], result: inout Outcome) {
        guard let code = item.code else { return }
        let tagged = Tagger.add(spans: item.spans, codes: [code], in: item.document, coder: item.coder, time: time,
                                memo: item.row.memo, to: &codings)
        result.added += tagged.added
        result.unchanged += tagged.unchanged
        result.memoUpdated += tagged.memoUpdated
    }

    private func untag(_ item: PlannedRow, from codings: inout [Coding], result: inout Outcome) {
        let paths = item.code.map { [$0.path.lowercased()] } ?? []
        result.removed += Tagger.remove(within: item.spans, paths: Set(paths), from: &codings)
    }
}

/// What is wrong with one row of a table of codings.
enum BulkRowError: CodaError {
    case empty(column: String)
    case memoOnUntag

    var diagnostic: Diagnostic {
        switch self {
        case .empty(let column):
            return Diagnostic(.error, at: nil, "the `\(column)` cell is empty", hint: "fill it in, or delete the row")
        case .memoOnUntag:
            return Diagnostic(.error, at: nil, "a row to untag has a memo", hint: "leave the `memo` cell empty when removing codings")
        }
    }
}
