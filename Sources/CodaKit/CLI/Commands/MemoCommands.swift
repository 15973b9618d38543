extension CommandSpec {
    static let memo = CommandSpec(
        name: "memo", summary: "write a memo on the project, a code, a document or a coding",
        discussion: "Memos are Markdown files under Memos/ (one per code or document), each memo dated and signed. "
            + "A memo on a coding is stored with the coding; a second one is added below the first, dated, unless --replace.",
        arguments: [ArgumentSpec(name: "TARGET", help: "project | code CODE | document DOC | coding DOC SEGMENTS CODE, then the text", variadic: true)],
        options: [.coder, OptionSpec(name: "replace", valueName: nil,
                                     help: "on a coding, replace its memo (by default a new memo is added below, dated)")],
        examples: ["coda memo project \"Participants over 50 never mention the video.\"", "coda memo code Queues \"Two meanings: waiting in line, and the queue-number app.\"",
                   "coda memo document R017 \"Interview cut short; he had to catch a bus.\"", "coda memo coding R017 12 'JHT claims' \"Third visit for the same claim.\""],
        group: .condense
    ) { invocation in
        let words = invocation.argumentList("TARGET")
        let project = try MemoRequest.document(in: words).map { try invocation.project(forDocument: $0) }
            ?? invocation.projectWithoutDocuments()
        let author = try invocation.coder()
        let date = Clock.minute(Clock.now(invocation.console.environment))
        switch try MemoRequest.parse(words, project: project) {
        case let .coding(document, selection, code, spans, text):
            let place = "\(document.id) ¶\(selection.compact) \(code.path)"
            let n = try invocation.recording("memo", coder: author, documents: [document.id]) {
                (try Tagger(project: project, coder: author, time: invocation.now)
                    .annotate(document, spans: spans, code: code, memo: text, label: selection.compact,
                              appendingOn: invocation.flag("replace") ? nil : date),
                 [code.path], "memo on " + place)
            }
            if n.changed == 0 {
                invocation.console.line("memo already holds that text: \(place)")
                return .success
            }
            let verb = invocation.flag("replace") ? "memo replaced on" : "memo added to"
            let same = n.changed < n.codings ? " (\(n.codings - n.changed) already held that text)" : ""
            invocation.console.line("\(verb) \(n.changed) coding\(plural(n.changed)) of \(code.path) in "
                                        + "\(document.id) ¶\(selection.compact)\(same)")
        case let .memo(target, text):
            let path = try MemoStore(root: project.root).append(text, to: target, author: author, date: date)
            invocation.console.line("memo on \(target) saved in \(path)")
        }
        return .success
    }

    static let memos = CommandSpec(
        name: "memos", summary: "list memos on the project, codes, documents and codings",
        options: [OptionSpec(name: "code", valueName: "CODE", help: "only memos on this code (and its children) and its codings"),
                  OptionSpec(name: "document", valueName: "DOC", help: "only memos on this document and its codings")],
        formats: OutputFormat.allCases, group: .condense
    ) { invocation in
        let project = try invocation.project()
        let code = try invocation.option("code").map { name throws(CodebookError) in try project.codebook.resolve(name) }
        let document = try invocation.option("document").map { id throws(ProjectError) in try project.document(id).id }
        invocation.emit(MemoList.report(project, code: code, document: document))
        return .success
    }
}
