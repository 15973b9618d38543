extension CommandSpec {
    static let memo = CommandSpec(
        name: "memo", summary: "write a memo on the project, a code, a document or a coding",
        discussion: "Memos are Markdown files under Memos/ (one per code or document), each memo dated and signed. "
            + "A memo on a coding is stored with the coding.",
        arguments: [ArgumentSpec(name: "TARGET", help: "project | code CODE | document DOC | coding DOC SEGMENTS CODE, then the text", variadic: true)],
        options: [.coder],
        examples: ["coda memo project \"Participants over 50 never mention the video.\"", "coda memo code Queues \"Two meanings: waiting in line, and the queue-number app.\"",
                   "coda memo document R017 \"Interview cut short; he had to catch a bus.\"", "coda memo coding R017 12 'JHT claims' \"Third visit for the same claim.\""],
        group: .condense
    ) { invocation in
        let project = try invocation.project()
        var words = invocation.argumentList("TARGET")
        let author = try invocation.coder()
        let date = Clock.minute(Clock.now(invocation.console.environment))
        guard let kind = words.first?.lowercased() else { throw CondenseError.badMemoTarget("") }
        words.removeFirst()
        let target: Memo.Target
        switch kind {
        case "project" where words.count == 1:
            target = .project
        case "code" where words.count == 2:
            target = .code(try project.codebook.resolve(words.removeFirst()).path)
        case "document", "doc":
            guard words.count == 2 else { throw CondenseError.badMemoTarget(invocation.argumentList("TARGET").joined(separator: " ")) }
            target = .document(try project.document(words.removeFirst()).id)
        case "coding" where words.count == 4:
            let document = try project.document(words[0])
            let selection = try SegmentSelection(parsing: words[1])
            let code = try project.codebook.resolve(words[2])
            let spans = try Tagger.spans(in: document, selection: selection, phrase: nil)
            let n = try Tagger(project: project, coder: author, time: invocation.now).annotate(document, spans: spans, code: code, memo: words[3], label: selection.compact)
            invocation.console.line("memo written on \(n) coding\(plural(n)) of \(code.path) in \(document.id) ¶\(selection.compact)")
            return .success
        default:
            throw CondenseError.badMemoTarget(invocation.argumentList("TARGET").joined(separator: " "))
        }
        let path = try MemoStore(root: project.root).append(words[0], to: target, author: author, date: date)
        invocation.console.line("memo on \(target) saved in \(path)")
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
