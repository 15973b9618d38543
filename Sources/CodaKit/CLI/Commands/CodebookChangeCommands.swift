extension CommandSpec {
    static let codebookRename = CommandSpec(
        name: "codebook rename", summary: "rename a code; every coder's codings, memos and summaries follow",
        discussion: "Changes the code's heading in the Markdown codebook (nothing else in the file) and rewrites "
            + "every coding, suggestion, memo and framework summary that names the code or a code below it, all "
                + "at once.",
        arguments: [ArgumentSpec(name: "CODE", help: "the code to rename (name or path)"),
                    ArgumentSpec(name: "NEW",
                                 help: "its new name (a name, not a path; to move it use `codebook move`)")],
        options: [.coder], examples: ["coda codebook rename Cost 'Contribution cost'"], group: .condense
    ) { invocation in
        try runCodebookChange(.rename(code: invocation.argument("CODE")!, to: invocation.argument("NEW")!), invocation)
    }

    static let codebookMerge = CommandSpec(
        name: "codebook merge", summary: "merge codes into one; their codings, memos and summaries move to it",
        discussion: "Removes the merged codes' sections from the codebook. Where one coder had two merged codes "
            + "on the same words, one coding stays, with both memos.",
        arguments: [ArgumentSpec(name: "CODE", help: "the codes to merge", variadic: true)],
        options: [OptionSpec(name: "into", valueName: "TARGET", help: "the code that stays (required)"), .coder],
        examples: ["coda codebook merge Crowding Waiting --into Queues"], group: .condense
    ) { invocation in
        guard let target = invocation.option("into") else { throw CodebookChangeError.missingPlace(merge: true) }
        return try runCodebookChange(.merge(codes: invocation.argumentList("CODE"), into: target), invocation)
    }

    static let codebookMove = CommandSpec(
        name: "codebook move", summary: "move a code (with the codes below it) under another parent",
        arguments: [ArgumentSpec(name: "CODE", help: "the code to move")],
        options: [OptionSpec(name: "under", valueName: "PARENT", help: "the new parent"),
                  OptionSpec(name: "top", valueName: nil, help: "make it a top-level code"), .coder],
        examples: ["coda codebook move Queues --under 'Order taking'", "coda codebook move Queues --top"],
        group: .condense
    ) { invocation in
        let parent = invocation.option("under")
        if parent != nil && invocation.flag("top") { throw UsageError.conflicting("--under", "--top") }
        guard parent != nil || invocation.flag("top") else { throw CodebookChangeError.missingPlace(merge: false) }
        return try runCodebookChange(.move(code: invocation.argument("CODE")!, under: parent), invocation)
    }

    static let codebookDelete = CommandSpec(
        name: "codebook delete",
        summary: "delete a code; refused while work uses it unless --reassign says where it goes",
        arguments: [ArgumentSpec(name: "CODE", help: "the code to delete")],
        options: [OptionSpec(name: "reassign", valueName: "TARGET",
                             help: "give its codings, memos and summaries to this code"),
                  .coder],
        examples: ["coda codebook delete Crowding --reassign Queues"], group: .condense
    ) { invocation in
        let change = CodebookChange.delete(code: invocation.argument("CODE")!, reassign: invocation.option("reassign"))
        return try runCodebookChange(change, invocation)
    }

    private static func runCodebookChange(_ change: CodebookChange, _ invocation: Invocation) throws -> ExitCode {
        let root = try invocation.projectRoot()
        let plan = try CodebookRefactor.apply(change, root: root, coder: try invocation.coder(), time: invocation.now)
        let console = invocation.console
        console.line(plan.summary)
        for (coder, count) in plan.codingsPerCoder.sorted(by: { $0.key < $1.key }) {
            console.line("  \(coder): \(count) coding\(plural(count))")
        }
        if plan.codingsPerCoder.isEmpty { console.line("  no codings used it") }
        console.line("  \(plan.changes.count) file\(plural(plan.changes.count)) changed: "
                     + plan.changes.map(\.path).joined(separator: ", "))
        for note in plan.notes { console.errorLine("note: " + note) }
        return .success
    }
}
