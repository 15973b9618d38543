extension CommandSpec {
    static let tag = CommandSpec(
        name: "tag", summary: "apply codes to segments of a document",
        discussion: "Each run of consecutive segments becomes one coding per code (4-6 is one span, 4,9 two). `--phrase` narrows "
            + "the span to those words inside the segments (case and line breaks do not matter). In survey answers each respondent "
            + "is coded separately. Tagging the same span with the same code twice does nothing; a new --memo replaces the old "
            + "one. With several codes, the memo goes on each of their codings. " + BulkTagCommand.discussion,
        arguments: [ArgumentSpec(name: "DOC", help: "the document id (a transcript, or SURVEY:KEY for open answers)", optional: true),
                    ArgumentSpec(name: "SEGMENTS", help: "segment numbers: 4, 4-6 or 4,9", optional: true),
                    ArgumentSpec(name: "CODE", help: "code names or paths (Parent/Child)", optional: true, variadic: true)],
        options: [OptionSpec(name: "phrase", valueName: "TEXT", help: "code only these words inside the segments"),
                  OptionSpec(name: "all", valueName: nil, help: "with --phrase, code every occurrence"),
                  OptionSpec(name: "memo", valueName: "TEXT", help: "a memo on the coding"), .coder] + BulkTagCommand.options,
        examples: ["coda tag P01 4 Queues", "coda tag R017 12-14 'JHT claims' 'Unaware of JMO'",
                   "coda tag S01 7 Information --phrase \"how to claim\" --memo \"asked twice\"", "coda tag pre-survey:Q4 17 Queues",
                   "coda tag --from codings.csv"],
        group: .condense
    ) { invocation in
        if invocation.option("from") != nil { return try BulkTagCommand.run(invocation, mode: .tag) }
        try BulkTagCommand.requireArguments(invocation, ["DOC", "SEGMENTS", "CODE"])
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        let codes = try invocation.codes(invocation.argumentList("CODE"), in: project)
        let selection = try invocation.segments()
        if invocation.flag("all") && invocation.option("phrase") == nil { throw UsageError.conflicting("--all", "no --phrase") }
        let spans = try Tagger.spans(in: document, selection: selection, phrase: invocation.option("phrase"), all: invocation.flag("all"))
        let tagger = Tagger(project: project, coder: try invocation.coder(), time: invocation.now)
        let result = try tagger.tag(document, spans: spans, codes: codes, memo: invocation.option("memo"))
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
            + "or, with no CODE, of every code. " + BulkTagCommand.discussion,
        arguments: [ArgumentSpec(name: "DOC", help: "the document id", optional: true),
                    ArgumentSpec(name: "SEGMENTS", help: "segment numbers: 4, 4-6 or 4,9", optional: true),
                    ArgumentSpec(name: "CODE", help: "the codes to remove (default: all)", optional: true, variadic: true)],
        options: [OptionSpec(name: "phrase", valueName: "TEXT", help: "only codings on these words"),
                  OptionSpec(name: "all", valueName: nil, help: "with --phrase, every occurrence"), .coder] + BulkTagCommand.options,
        examples: ["coda untag P01 4 Queues", "coda untag P01 4-6", "coda untag --from wrong-codings.tsv"], group: .condense
    ) { invocation in
        if invocation.option("from") != nil { return try BulkTagCommand.run(invocation, mode: .untag) }
        try BulkTagCommand.requireArguments(invocation, ["DOC", "SEGMENTS"])
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        let codes = try invocation.argumentList("CODE").isEmpty ? [] : invocation.codes(invocation.argumentList("CODE"), in: project)
        let selection = try invocation.segments()
        let spans = try Tagger.spans(in: document, selection: selection, phrase: invocation.option("phrase"), all: invocation.flag("all"))
        let tagger = Tagger(project: project, coder: try invocation.coder(), time: invocation.now)
        let removed = try tagger.untag(document, spans: spans, codes: codes, label: selection.compact)
        for c in removed { invocation.console.line("removed \(c.document) ¶\(c.segmentLabel) \(c.code) (\(c.coder))") }
        return .success
    }

    static let code = CommandSpec(
        name: "code", summary: "code a document interactively, segment by segment",
        discussion: "Shows each segment with a little context and asks for codes: names or unique starts, comma-separated, "
            + "then `-- memo` if you like. `-name` removes a code, `?` lists the codebook, `m TEXT` writes a memo, Enter skips, "
            + "`b` goes back, `q` quits. Every answer is saved at once. Answers can also be piped in, one per line.",
        arguments: [ArgumentSpec(name: "DOC", help: "the document id")],
        options: [OptionSpec(name: "uncoded", valueName: nil, help: "only segments you have not coded yet"), .coder],
        examples: ["coda code R017 --uncoded", "printf 'queue\\n\\ninfo, jht -- came twice\\nq\\n' | coda code R017"], group: .condense
    ) { invocation in
        let project = try invocation.project(forDocument: invocation.argument("DOC")!)
        let document = try project.document(invocation.argument("DOC")!)
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        let coder = InteractiveCoder(project: project, document: document, coder: try invocation.coder(), console: invocation.console,
                                     time: invocation.now, onlyUncoded: invocation.flag("uncoded"))
        _ = try coder.run()
        return .success
    }
}
