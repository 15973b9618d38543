import Foundation

extension CommandSpec {
    static let retrieve = CommandSpec(
        name: "retrieve", summary: "the coded segments of a code, a case or a group of cases",
        discussion: "A parent code includes its children unless --exact. Without --coder, every coder's codings (not suggestions). "
            + "--where filters on case attributes (transcript headers, survey columns) and may be repeated.",
        arguments: [ArgumentSpec(name: "CODE", help: "a code name or path (default: every code)", optional: true)],
        options: [OptionSpec(name: "case", valueName: "ID", help: "only this case"),
                  OptionSpec(name: "where", valueName: "ATTR=VALUE", help: "only cases with this attribute value", repeatable: true),
                  OptionSpec(name: "coder", valueName: "NAME", help: "only this coder's codings (`auto` for suggestions)"),
                  OptionSpec(name: "document", valueName: "DOC", help: "only this document"),
                  OptionSpec(name: "exact", valueName: nil, help: "leave out the code's children"),
                  OptionSpec(name: "with", valueName: "CODE", help: "only segments where this code also applies (a co-occurrence cell)"),
                  OptionSpec(name: "within", valueName: "N", help: "with --with: also segments at most N apart"),
                  OptionSpec(name: "not-interviewed", valueName: nil, help: "only survey respondents who have no transcript (a pooled survey column)"),
                  .withInterviewer],
        formats: OutputFormat.allCases,
        examples: ["coda retrieve Queues", "coda retrieve 'Flower of Service' --where phase=after", "coda retrieve --case R017 --format md"],
        group: .condense
    ) { invocation in
        let project = try invocation.project()
        var query = Retrieval.Query()
        query.code = try invocation.argument("CODE").map { name throws(CodebookError) in try project.codebook.resolve(name) }
        query.exact = invocation.flag("exact")
        query.caseID = invocation.option("case")
        if let caseID = query.caseID { _ = try project.knownCase(caseID) }
        query.conditions = try invocation.conditions()
        query.coder = invocation.option("coder")
        query.document = try invocation.option("document").map { id throws(ProjectError) in try project.document(id).id }
        query.with = try invocation.option("with").map { name throws(CodebookError) in try project.codebook.resolve(name) }
        query.within = try invocation.intOption("within") ?? 0
        query.notInterviewed = invocation.flag("not-interviewed")
        query.withInterviewer = invocation.flag("with-interviewer")
        let retrieval = try Retrieval(project, query)
        var title = "Retrieved: " + (query.code?.path ?? "all codes")
        if let c = query.caseID { title += ", case \(c)" }
        for (a, v) in query.conditions { title += ", \(a)=\(v)" }
        if let with = query.with { title += ", with \(with.path)" }
        invocation.emit(retrieval.report(title: title))
        return .success
    }

    static let check = CommandSpec(
        name: "check", summary: "find every problem: unreadable files, codebook, surveys, codings that lost their words",
        discussion: "Exits with 1 when it finds errors. When transcripts were edited after coding, codings follow their words; "
            + "--fix saves their new positions. Codings whose words cannot be found are reported, never moved.",
        options: [OptionSpec(name: "fix", valueName: nil, help: "save the new positions of codings that followed their words"),
                  OptionSpec(name: "identifiers", valueName: nil,
                             help: "also report names from the key (--key) still in the project"),
                  OptionSpec(name: "key", valueName: "FILE", help: "the pseudonymisation key, for --identifiers")],
        formats: [.table, .md, .csv, .tsv, .json], group: .condense
    ) { invocation in
        var project = try invocation.project()
        let swept = TemporaryFiles.sweepProject(project.root)
        if !swept.isEmpty {
            invocation.console.errorLine("removed \(swept.count) temporary file\(plural(swept.count)) left by interrupted coda runs")
        }
        // The key is read before --fix writes anything; its problems are added after the reload, which drops them.
        let key = invocation.flag("identifiers") ? try identifierKey(invocation, root: project.root) : nil
        if invocation.flag("fix"), !project.movedCodings.isEmpty {
            let moved = project.movedCodings
            let root = project.root
            let paths = Set(moved.flatMap { coding in
                [ChangeLog.codingsPath(coder: coding.coder, document: coding.document, root: root)]
                    + (coding.coder == CodingStore.suggestionCoder
                        ? [ChangeLog.codingsPath(coder: coding.coder, document: coding.document, rejected: true, root: root)] : [])
            }).sorted()
            let documents = Array(Set(moved.map(\.document))).sorted()
            let saved = try invocation.recording("check --fix", coder: try invocation.coder(), documents: documents, paths: paths) {
                let n = try ProjectCheck.fix(project)
                return (n, Array(Set(moved.map(\.code))).sorted(), "saved the new positions of \(n) coding\(plural(n))")
            }
            invocation.console.errorLine("saved the new positions of \(saved) coding\(plural(saved))")
            project = try invocation.reload()
        }
        if let key {
            let found = IdentifierScan.diagnostics(root: project.root, key: key)
            project.diagnostics = (project.diagnostics + found).sortedForDisplay()
        }
        let pending = ChangeLog(root: project.root).unreadablePendingProblems()
        if !pending.isEmpty { project.diagnostics = (project.diagnostics + pending).sortedForDisplay() }
        invocation.emit(ProjectCheck.report(project))
        return project.diagnostics.errorCount > 0 ? .problemsFound : .success
    }

    private static func identifierKey(_ invocation: Invocation, root: URL) throws -> PseudonymKey {
        guard let path = invocation.option("key") else {
            throw UsageError.missingValue(option: "key", valueName: "FILE")
        }
        let url = resolvePath(path, from: invocation.console.currentDirectory)
        guard let key = try Pseudonymiser(root: root, keyURL: url, keyPath: path).readKey() else {
            throw PseudonymError.keyMissing(path: path)
        }
        return key
    }
}
