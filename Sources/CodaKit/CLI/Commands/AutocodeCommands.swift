import Dispatch

extension CommandSpec {
    static let autocode = CommandSpec(
        name: "autocode", summary: "suggest codings from the codebook's keywords and speaker rules",
        discussion: "Keywords match whole words ignoring case; \"quoted phrases\" match consecutive words; `word*` matches word starts; "
            + "`re:PATTERN` is a regular expression. A suggestion is the whole segment, or with `--span` just the matched words or "
            + "their sentence (speaker rules always give the segment). Suggestions are stored under the coder `auto` "
            + "until you accept or reject them with `coda suggestions`.",
        options: [OptionSpec(name: "code", valueName: "CODE", help: "only this code (and its children)", repeatable: true),
                  OptionSpec(name: "document", valueName: "DOC", help: "only this document", repeatable: true),
                  OptionSpec(name: "dry-run", valueName: nil, help: "show the suggestions without saving them"),
                  OptionSpec(name: "not-speaker", valueName: "NAME", help: "never suggest this speaker's turns, e.g. Interviewer (`*` matches any characters)", repeatable: true),
                  OptionSpec(name: "span", valueName: "SPAN", help: "what a keyword suggestion covers: segment (default), sentence or word",
                             choices: SuggestionSpan.allCases.map(\.rawValue)),
                  OptionSpec(name: "list", valueName: nil, help: "list every suggestion, not only the counts per code"),
                  OptionSpec(name: "count", valueName: nil, help: "only count keyword hits per code (segments and documents too); saves nothing")],
        formats: [.table, .md, .csv, .tsv, .json],
        examples: ["coda autocode --dry-run", "coda autocode --code Queues --not-speaker Interviewer", "coda autocode --span sentence", "coda suggestions"], group: .condense
    ) { invocation in
        let project = try invocation.project()
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        let chosen = invocation.optionList("code")
        let codes = chosen.isEmpty ? project.codebook.codes : project.codebook.subtrees(of: try invocation.codes(chosen, in: project))
        let documents = try invocation.optionList("document").map { id throws(ProjectError) in try project.document(id) }
        var autocoder = Autocoder(project: project, codes: codes, time: invocation.now)
        autocoder.skipSpeakers = invocation.optionList("not-speaker")
        autocoder.span = invocation.option("span").flatMap(SuggestionSpan.init(rawValue:)) ?? .segment
        if invocation.flag("count") {
            let started = DispatchTime.now()
            let (rows, bytes, problems) = autocoder.countHits(documents: documents.isEmpty ? nil : documents)
            for problem in problems { invocation.console.errorLine(problem.description) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            if invocation.console.environment["CODA_TIMING"] != nil {
                invocation.console.errorLine("matching: \(bytes) bytes in \(formatDecimal(seconds, places: 3)) s (\(formatDecimal(Double(bytes) / 1e6 / max(seconds, 1e-9), places: 1)) MB/s)")
            }
            invocation.emit(AutocodeReport.hits(rows, codes: codes))
            return problems.errorCount > 0 ? .problemsFound : .success
        }
        let outcome = autocoder.suggest(documents: documents.isEmpty ? nil : documents)
        for problem in outcome.problems { invocation.console.errorLine(problem.description) }
        if !invocation.flag("dry-run") { try autocoder.save(outcome.suggestions) }
        let report = AutocodeReport.suggestions(outcome, project: project, codes: codes, dryRun: invocation.flag("dry-run"), list: invocation.flag("list"))
        invocation.emit(report)
        return outcome.problems.errorCount > 0 ? .problemsFound : .success
    }

    static let suggestionsOptions: [OptionSpec] = [
        OptionSpec(name: "code", valueName: "CODE", help: "only suggestions of this code (and its children)"),
        OptionSpec(name: "document", valueName: "DOC", help: "only suggestions in this document"),
    ]

    static let suggestions = CommandSpec(
        name: "suggestions", summary: "list autocoding suggestions waiting for review",
        options: suggestionsOptions, formats: [.table, .md, .csv, .tsv, .json, .html],
        examples: ["coda suggestions", "coda suggestions accept 3fa91c0 77b2e10", "coda suggestions accept --all --code Queues",
                   "coda suggestions reject --all --document S02"],
        group: .condense
    ) { invocation in
        let project = try invocation.project()
        let chosen = try Suggestions.select(project, try suggestionFilter(invocation, project), requireChoice: false)
        invocation.emit(Suggestions.report(project, chosen))
        return .success
    }

    static let suggestionsAccept = CommandSpec(
        name: "suggestions accept", summary: "accept suggestions: they become your codings",
        arguments: [ArgumentSpec(name: "ID", help: "suggestion ids as `coda suggestions` lists them", optional: true, variadic: true)],
        options: suggestionsOptions + [OptionSpec(name: "all", valueName: nil, help: "every suggestion (narrow with --code, --document)"), .coder],
        group: .condense
    ) { invocation in
        let project = try invocation.project()
        let chosen = try Suggestions.select(project, try suggestionFilter(invocation, project), requireChoice: true)
        let coder = try invocation.coder()
        let documents = Array(Set(chosen.map(\.document))).sorted()
        let root = project.root
        let paths = documents.flatMap {
            [ChangeLog.codingsPath(coder: coder, document: $0, root: root), ChangeLog.codingsPath(coder: CodingStore.suggestionCoder, document: $0, root: root)]
        }
        let accepted = try invocation.recording("accept", coder: coder, documents: documents, paths: paths) {
            let n = try Suggestions.accept(chosen, project: project, coder: coder, time: invocation.now)
            return (n, Array(Set(chosen.map(\.code))).sorted(), "accepted \(n) suggestion\(plural(n))")
        }
        invocation.console.line("accepted \(accepted) suggestion\(plural(accepted)) as codings of \(coder)")
        return .success
    }

    static let suggestionsReject = CommandSpec(
        name: "suggestions reject", summary: "reject suggestions: autocode will not suggest them again",
        arguments: [ArgumentSpec(name: "ID", help: "suggestion ids as `coda suggestions` lists them", optional: true, variadic: true)],
        options: suggestionsOptions + [OptionSpec(name: "all", valueName: nil, help: "every suggestion (narrow with --code, --document)"),
                                       .coder],
        group: .condense
    ) { invocation in
        let project = try invocation.project()
        let chosen = try Suggestions.select(project, try suggestionFilter(invocation, project), requireChoice: true)
        let documents = Array(Set(chosen.map(\.document))).sorted()
        let root = project.root
        let paths = documents.flatMap {
            [ChangeLog.codingsPath(coder: CodingStore.suggestionCoder, document: $0, root: root),
             ChangeLog.codingsPath(coder: CodingStore.suggestionCoder, document: $0, rejected: true, root: root)]
        }
        let rejected = try invocation.recording("reject", coder: try invocation.coder(), documents: documents, paths: paths) {
            let n = try Suggestions.reject(chosen, project: project)
            return (n, Array(Set(chosen.map(\.code))).sorted(), "rejected \(n) suggestion\(plural(n))")
        }
        invocation.console.line("rejected \(rejected) suggestion\(plural(rejected))")
        return .success
    }

    private static func suggestionFilter(_ invocation: Invocation, _ project: Project) throws -> Suggestions.Filter {
        Suggestions.Filter(ids: invocation.argumentList("ID"), all: invocation.flag("all"),
                           code: try invocation.option("code").map { name throws(CodebookError) in try project.codebook.resolve(name) },
                           document: try invocation.option("document").map { id throws(ProjectError) in try project.document(id).id })
    }
}
