extension CommandSpec {
    static let tag = CommandSpec(
        name: "tag", summary: "apply codes to segments of a document",
        discussion: "Each run of consecutive segments becomes one coding per code (4-6 is one span, 4,9 two). `--phrase` narrows "
            + "the span to those words inside the segments (case and line breaks do not matter). In survey answers each respondent "
            + "is coded separately. Tagging the same span with the same code twice does nothing; a new --memo replaces the old "
            + "one. With several codes, the memo goes on each of their codings. `--none` records that you read the segments "
            + "and no code applies: agreement counts such segments, which matters most in survey answers. "
            + BulkTagCommand.discussion,
        arguments: [ArgumentSpec(name: "DOC", help: "the document id (a transcript, or SURVEY:KEY for open answers)",
                                 optional: true),
                    ArgumentSpec(name: "SEGMENTS", help: "segment numbers: 4, 4-6 or 4,9", optional: true),
                    ArgumentSpec(name: "CODE", help: "code names or paths (Parent/Child)", optional: true, variadic: true)],
        options: [OptionSpec(name: "phrase", valueName: "TEXT", help: "code only these words inside the segments"),
                  OptionSpec(name: "all", valueName: nil, help: "with --phrase, code every occurrence"),
                  OptionSpec(name: "memo", valueName: "TEXT", help: "a memo on the coding"),
                  OptionSpec(name: "none", valueName: nil, help: "record that you read the segments and no code applies"), .coder]
            + BulkTagCommand.options,
        examples: ["coda tag P01 4 Queues", "coda tag R017 12-14 'JHT claims' 'Unaware of JMO'",
                   "coda tag S01 7 Information --phrase \"how to claim\" --memo \"asked twice\"", "coda tag pre-survey:Q4 17 Queues",
                   "coda tag pre-survey:Q4 23-24 --none", "coda tag --from codings.csv"],
        group: .condense
    ) { invocation in
        if invocation.option("from") != nil { return try BulkTagCommand.run(invocation, mode: .tag) }
        try BulkTagCommand.requireArguments(invocation, ["DOC", "SEGMENTS"])
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        let selection = try invocation.segments()
        if invocation.flag("none") { return try markReviewed(invocation, project: project, document: document, selection: selection) }
        guard !invocation.argumentList("CODE").isEmpty else { throw UsageError.missingArgument(name: "CODE (or --none)", command: "tag") }
        let codes = try invocation.codes(invocation.argumentList("CODE"), in: project)
        if invocation.flag("all") && invocation.option("phrase") == nil { throw UsageError.conflicting("--all", "no --phrase") }
        let spans = try Tagger.spans(in: document, selection: selection, phrase: invocation.option("phrase"), all: invocation.flag("all"))
        let coder = try invocation.coder()
        let tagger = Tagger(project: project, coder: coder, time: invocation.now)
        let result = try invocation.recording("tag", coder: coder, documents: [document.id]) {
            (try tagger.tag(document, spans: spans, codes: codes, memo: invocation.option("memo")), codes.map(\.path),
             "tagged \(document.id) ¶\(selection.compact) " + codes.map(\.path).joined(separator: ", "))
        }
        let console = invocation.console
        for c in result.added {
            console.line("tagged \(c.document) ¶\(c.segmentLabel) \(c.code) (\(c.coder)): “\(String(document.text(in: c.range)).collapsingWhitespace().truncated(to: 60))”")
        }
        for (inner, outer) in result.nested {
            console.errorLine("note: this \(inner.code) coding lies inside your \(inner.code) coding of ¶\(outer.segmentLabel), so it counts twice; `coda untag` one of them if that is not what you meant")
        }
        for c in result.memoUpdated { console.line("memo updated on \(c.document) ¶\(c.segmentLabel) \(c.code)") }
        for c in result.unchanged { console.line("already tagged: \(c.document) ¶\(c.segmentLabel) \(c.code) (\(c.coder))") }
        return .success
    }

    static let untag = CommandSpec(
        name: "untag", summary: "remove your codings from segments of a document",
        discussion: "Removes the coder's codings that lie within the addressed segments (or exactly on --phrase), of the given codes "
            + "or, with no CODE, of every code. With --orphaned, no segments: removes the codings whose words were edited "
            + "away (tag the words again where they are now first, so nothing is lost). " + BulkTagCommand.discussion,
        arguments: [ArgumentSpec(name: "DOC", help: "the document id", optional: true),
                    ArgumentSpec(name: "SEGMENTS", help: "segment numbers: 4, 4-6 or 4,9", optional: true),
                    ArgumentSpec(name: "CODE", help: "the codes to remove (default: all)", optional: true, variadic: true)],
        options: [OptionSpec(name: "phrase", valueName: "TEXT", help: "only codings on these words"),
                  OptionSpec(name: "all", valueName: nil, help: "with --phrase, every occurrence"),
                  OptionSpec(name: "orphaned", valueName: nil, help: "codings whose words `coda check` can no longer find"),
                  .coder] + BulkTagCommand.options,
        examples: ["coda untag P01 4 Queues", "coda untag P01 4-6", "coda untag R017 --orphaned Queues",
                   "coda untag --from wrong-codings.tsv"], group: .condense
    ) { invocation in
        if invocation.option("from") != nil { return try BulkTagCommand.run(invocation, mode: .untag) }
        try BulkTagCommand.requireArguments(invocation, ["DOC"])
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        if invocation.flag("orphaned") {
            // No segments: every word after DOC names a code.
            let codes = (invocation.argument("SEGMENTS").map { [$0] } ?? []) + invocation.argumentList("CODE")
            let coder = try invocation.coder()
            let removed = try invocation.recording("untag", coder: coder, documents: [document.id]) {
                let removed = try Tagger(project: project, coder: coder, time: invocation.now).untagOrphaned(document, codes: codes)
                return (removed, Array(Set(removed.map(\.code))).sorted(),
                        "removed \(removed.count) coding\(plural(removed.count)) that lost their words from \(document.id)")
            }
            for c in removed {
                invocation.console.line("removed \(c.document) ¶\(c.segmentLabel) \(c.code) (\(c.coder)), "
                                        + "which was on “\(c.excerpt.truncated(to: 60))”")
            }
            return .success
        }
        guard invocation.argument("SEGMENTS") != nil else {
            throw UsageError.missingArgument(name: "SEGMENTS", command: "untag")
        }
        let codes = try invocation.argumentList("CODE").isEmpty ? [] : invocation.codes(invocation.argumentList("CODE"), in: project)
        let selection = try invocation.segments()
        let spans = try Tagger.spans(in: document, selection: selection, phrase: invocation.option("phrase"), all: invocation.flag("all"))
        let coder = try invocation.coder()
        let tagger = Tagger(project: project, coder: coder, time: invocation.now)
        let removed = try invocation.recording("untag", coder: coder, documents: [document.id]) {
            let removed = try tagger.untag(document, spans: spans, codes: codes, label: selection.compact)
            return (removed, Array(Set(removed.map(\.code))).sorted(), "removed \(removed.count) coding\(plural(removed.count)) "
                    + "from \(document.id) ¶\(selection.compact)")
        }
        for c in removed { invocation.console.line("removed \(c.document) ¶\(c.segmentLabel) \(c.code) (\(c.coder))") }
        return .success
    }

    static let code = CommandSpec(
        name: "code", summary: "code a document interactively, segment by segment",
        discussion: "Shows each segment with a little context and asks for codes: names or unique starts, comma-separated, "
            + "then `-- memo` if you like. `-name` removes a code, `?` lists the codebook, `:m TEXT` writes a memo, Enter skips, "
            + "`:b` goes back, `:q` quits (commands start with `:` or are whole words: memo, skip, back, quit, help). "
            + "Every answer is saved at once; codings made meanwhile in another terminal show. Answers can also be piped in, "
            + "one per line: an answer that names no code makes the run exit with 1.",
        arguments: [ArgumentSpec(name: "DOC", help: "the document id"),
                    ArgumentSpec(name: "SEGMENT", help: "the segment to start at (default: the first)", optional: true)],
        options: [OptionSpec(name: "uncoded", valueName: nil, help: "only segments you have not coded yet"), .coder],
        examples: ["coda code R017 --uncoded", "coda code R017 12", "printf 'queue\\n\\ninfo, jht -- came twice\\n:q\\n' | coda code R017"], group: .condense
    ) { invocation in
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        let start = try invocation.argument("SEGMENT").map { word in
            let selection = try SegmentSelection(parsing: word)
            guard selection.numbers.count == 1, let n = selection.numbers.first else {
                throw UsageError.unexpectedArgument(word, command: "code")
            }
            guard n <= document.segments.count else {
                throw ProjectError.segmentOutOfRange(document: document.id, number: n, count: document.segments.count)
            }
            return n
        }
        let coder = InteractiveCoder(project: project, document: document, coder: try invocation.coder(), console: invocation.console,
                                     time: invocation.now, onlyUncoded: invocation.flag("uncoded"), startSegment: start)
        let result = try coder.run()
        return result.unknownCodes > 0 && !invocation.console.stdinIsTerminal ? .problemsFound : .success
    }
}

extension CommandSpec {
    /// `coda tag DOC SEGMENTS --none`: the coder read these segments and no code applies.
    static func markReviewed(_ invocation: Invocation, project: Project, document: Transcript,
                             selection: SegmentSelection) throws -> ExitCode {
        if !invocation.argumentList("CODE").isEmpty { throw UsageError.conflicting("--none", "codes") }
        for option in ["phrase", "memo", "all"] where invocation.flag(option) {
            throw UsageError.conflicting("--none", "--\(option)")
        }
        for n in selection.numbers where document.segment(n) == nil {
            throw ProjectError.segmentOutOfRange(document: document.id, number: n, count: document.segments.count)
        }
        let coder = try invocation.coder()
        let numbers = selection.numbers.filter { !document.segments[$0 - 1].range.isEmpty }
        if numbers.isEmpty { throw CondenseError.emptySegment(document: document.id, number: selection.numbers[0]) }
        let marked = try ReviewStore(root: project.root).mark(coder: coder, document: document, segments: numbers)
        let console = invocation.console
        let label = { (numbers: [Int]) in SegmentSelection(numbers: numbers).compact }
        console.line(marked.isEmpty ? "already marked as read: \(document.id) ¶\(label(numbers)) (\(coder))"
                     : "marked as read, no code applies: \(document.id) ¶\(label(marked)) (\(coder))")
        let empty = selection.numbers.filter { document.segments[$0 - 1].range.isEmpty }
        if !empty.isEmpty { console.errorLine("note: ¶\(label(empty)) \(empty.count == 1 ? "is" : "are") empty; there is nothing to read") }
        let mine = project.humanCodings.filter { DocumentID($0.document) == DocumentID(document.id) && CoderID($0.coder) == CoderID(coder) }
        let coded = Set(mine.flatMap { Array($0.segments) }).intersection(numbers)
        if !coded.isEmpty {
            console.errorLine("note: you have codings on ¶\(label(Array(coded))); they stay (`coda untag` removes one if no code applies)")
        }
        return .success
    }
}
