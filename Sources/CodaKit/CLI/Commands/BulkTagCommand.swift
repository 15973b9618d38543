import Foundation

/// `coda tag --from FILE` and `coda untag --from FILE`: a table of codings in one run.
enum BulkTagCommand {
    static let discussion = "With `--from FILE` (CSV or TSV, `-` for standard input) every row of a table is one "
        + "coding: a header row names the columns document, segments, code and, optionally, phrase, memo and coder "
        + "(`--coder` is the coder of rows that name none). Every row is checked first; when any is bad, each is "
        + "reported with its line and nothing is written, unless `--skip-bad` applies the others."

    static let options = [
        OptionSpec(name: "from", valueName: "FILE", help: "a table of codings, one per row (CSV or TSV; `-` for stdin)"),
        OptionSpec(name: "skip-bad", valueName: nil, help: "with --from, apply the good rows even when some are bad"),
    ]

    /// Without `--from`, the command needs its positional arguments.
    static func requireArguments(_ invocation: Invocation, _ names: [String]) throws(UsageError) {
        if invocation.flag("skip-bad") { throw .conflicting("--skip-bad", "no --from") }
        for name in names where invocation.argumentList(name).isEmpty {
            throw .missingArgument(name: name, command: invocation.command.name)
        }
    }

    static func run(_ invocation: Invocation, mode: BulkTagger.Mode) throws -> ExitCode {
        let console = invocation.console
        for name in ["DOC", "SEGMENTS", "CODE"] where !invocation.argumentList(name).isEmpty {
            throw UsageError.conflicting("--from", invocation.argumentList(name)[0])
        }
        for name in ["phrase", "all", "memo", "none", "orphaned"] where invocation.option(name) != nil || invocation.flag(name) {
            throw UsageError.conflicting("--from", "--\(name) (put it in a column of the table)")
        }
        let source = invocation.option("from") ?? "-"
        let text: String
        let path: String
        if source == "-" {
            var lines: [String] = []
            while let line = console.readLine() { lines.append(line) }
            text = lines.joined(separator: "\n")
            path = "<stdin>"
        } else {
            let url = resolvePath(source, from: console.currentDirectory)
            path = source
            text = try ProjectLoader.text(of: url, path: source)
        }
        let project = try invocation.project()
        let coder = try invocation.coder()
        let tagger = BulkTagger(project: project, defaultCoder: coder, time: invocation.now)
        // The change is logged (and can be undone) as one change of the files the table's rows name.
        let targets = tagger.targets(text, path: path)
        let documents = Array(Set(targets.map(\.document))).sorted()
        let store = CodingStore(root: project.root)
        var found: [String: String] = [:]  // each coder's folder, looked for once
        let paths = Array(Set(targets.map {
            ChangeLog.codingsPath(coder: $0.coder, document: $0.document, root: project.root,
                                  coderFolder: store.coderFolder($0.coder, document: $0.document, found: &found))
        })).sorted()
        let action = mode == .tag ? "tag" : "untag"
        let outcome = try invocation.recording(action, coder: coder, documents: documents, paths: paths) {
            let outcome = try tagger.run(text, path: path, mode: mode, skipBad: invocation.flag("skip-bad"))
            let changed = mode == .tag ? outcome.added : outcome.removed
            return (outcome, Array(Set(changed.map(\.code))).sorted(),
                    "\(action) --from \(path): \(changed.count) coding\(plural(changed.count))")
        }
        for problem in outcome.problems { console.err(problem.description + "\n") }
        guard outcome.applied else {
            throw BulkCodingError.badRows(count: outcome.problems.count, total: outcome.rows)
        }
        console.line(summary(outcome, mode: mode))
        if !outcome.problems.isEmpty {
            console.errorLine("skipped \(outcome.problems.count) bad row\(plural(outcome.problems.count)) (listed above)")
            return .problemsFound
        }
        return .success
    }

    /// One line per coder: what the run changed.
    static func summary(_ outcome: BulkTagger.Outcome, mode: BulkTagger.Mode) -> String {
        let changed = mode == .tag ? outcome.added : outcome.removed
        var byCoder: [String: (codings: Int, documents: Set<String>)] = [:]
        for coding in changed {
            byCoder[coding.coder, default: (0, [])].codings += 1
            byCoder[coding.coder, default: (0, [])].documents.insert(coding.document)
        }
        let verb = mode == .tag ? "tagged" : "removed"
        var lines = byCoder.keys.sorted(by: naturalOrder).map { coder in
            let entry = byCoder[coder]!
            return "\(verb) \(entry.codings) coding\(plural(entry.codings)) in \(entry.documents.count) "
                + "document\(plural(entry.documents.count)) (\(coder))"
        }
        if lines.isEmpty { lines.append("\(verb) no codings") }
        var notes: [String] = []
        if !outcome.unchanged.isEmpty { notes.append("\(outcome.unchanged.count) already tagged") }
        if !outcome.memoUpdated.isEmpty { notes.append("\(outcome.memoUpdated.count) memo\(plural(outcome.memoUpdated.count)) updated") }
        if !notes.isEmpty { lines.append(notes.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
