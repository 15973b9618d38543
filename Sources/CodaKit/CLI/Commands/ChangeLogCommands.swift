extension CommandSpec {
    static let log = CommandSpec(
        name: "log", summary: "list the recorded changes to codings and the codebook: who, when, what",
        discussion: "Every tag, untag, memo on a coding, accepted or rejected suggestion, codebook rename, merge, "
            + "move and delete, and check --fix is recorded in Changes/ (one plain-text file per coder, so git "
                + "merges them).",
        options: [OptionSpec(name: "coder", valueName: "NAME", help: "only this coder's changes"),
                  OptionSpec(name: "code", valueName: "CODE", help: "only changes naming this code (or one below it)"),
                  OptionSpec(name: "document", valueName: "DOC", help: "only changes in this document")],
        formats: [.table, .md, .csv, .tsv, .json, .html],
        examples: ["coda log", "coda log --coder nurul --code Queues"], group: .condense
    ) { invocation in
        let root = try invocation.projectRoot()
        // A change killed before its log line is logged first (one-document commands leave that to the next change).
        ProjectTransaction.recoverIfNeeded(root: root.standardizedFileURL)
        var filter = ChangeLogReport.Filter(coder: invocation.option("coder"), document: invocation.option("document"))
        if let name = invocation.option("code") {
            // A code that a rename or delete removed is still found in the log by its old path.
            let codebook = try invocation.project().codebook
            filter.codes = [(try? codebook.resolve(name))?.path ?? name]
        }
        invocation.emit(ChangeLogReport.report(ChangeLog(root: root).entries(), filter: filter))
        return .success
    }

    static let undo = CommandSpec(
        name: "undo", summary: "undo your last recorded change (a rename puts back codebook and codings together)",
        discussion: "Puts back every file the change wrote, at once, and records the undo in the log. Refused when "
            + "a later change touched the same files: undo that one first.",
        options: [.coder], examples: ["coda undo", "coda undo --coder amir"], group: .condense
    ) { invocation in
        let coder = try invocation.coder()
        let outcome = try ChangeUndo.undoLast(root: try invocation.projectRoot(), coder: coder, time: invocation.now)
        let entry = outcome.undone
        invocation.console.line("undid \(entry.action) of \(entry.time) by \(entry.coder): \(entry.summary)")
        invocation.console.line("  put back \(outcome.files.count) file\(plural(outcome.files.count)): "
                                + outcome.files.joined(separator: ", "))
        return .success
    }
}

extension Invocation {
    /// Runs a change of codings files and records it in `coder`'s change log when a file changed.
    func recording<T>(_ action: String, coder: String, documents: [String], paths: [String]? = nil,
                      _ body: () throws -> (value: T, codes: [String], summary: String)) throws -> T {
        let root = try projectRoot()
        let files = paths ?? documents.map { ChangeLog.codingsPath(coder: coder, document: $0, root: root) }
        return try ChangeLog.record(root: root, coder: coder, time: now, action: action, paths: files,
                                    documents: documents, body)
    }
}
