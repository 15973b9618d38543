import Foundation

extension CommandSpec {
    static let pseudonymise = CommandSpec(
        name: "pseudonymise",
        summary: "replace participants' names, emails and phone numbers by pseudonyms, keeping every coding",
        discussion: "Without --apply, finds the identifiers (speaker labels, names in headers, the survey's name, "
            + "phone and email columns, emails and phone numbers, your --names list) and writes the proposed "
            + "pseudonyms to the key, which must lie outside the project and outside git. Edit the pseudonyms "
            + "there, look at every replacement with --dry-run, then --apply rewrites transcripts, surveys, memos, "
            + "review notes and framework summaries, and carries every coding onto the same words. All files "
            + "change or none. --reverse restores every file byte for byte from the key.",
        options: [
            OptionSpec(name: "key", valueName: "FILE",
                       help: "the key (real → pseudonym); kept private, never inside the project"),
            OptionSpec(name: "apply", valueName: nil, help: "rewrite the project with the key's pseudonyms"),
            OptionSpec(name: "dry-run", valueName: nil,
                       help: "list every replacement with its place, and what is unsure; write nothing"),
            OptionSpec(name: "reverse", valueName: nil, help: "restore the names from the key, byte for byte"),
            OptionSpec(name: "names", valueName: "FILE", help: "more names, one a line, optionally `Name = Pseudonym`"),
            OptionSpec(name: "unsure", valueName: "CHOICE",
                       help: "names that are also common words, at a sentence start: replace or keep them",
                       choices: TextRewrite.Unsure.allCases.map(\.rawValue)),
            OptionSpec(name: "show-key", valueName: nil, help: "print the names and pseudonyms in full"),
        ],
        examples: ["coda pseudonymise --key ~/private/study.key",
                   "coda pseudonymise --key ~/private/study.key --dry-run",
                   "coda pseudonymise --key ~/private/study.key --apply",
                   "coda pseudonymise --key ~/private/study.key --reverse"],
        group: .project
    ) { invocation in
        let console = invocation.console
        guard let keyOption = invocation.option("key") else {
            throw UsageError.missingValue(option: "key", valueName: "FILE")
        }
        let modes = ["apply", "dry-run", "reverse"].filter(invocation.flag)
        if modes.count > 1 { throw UsageError.conflicting("--" + modes[0], "--" + modes[1]) }
        let pseudonymiser = Pseudonymiser(root: try invocation.projectRoot(),
                                          keyURL: resolvePath(keyOption, from: console.currentDirectory),
                                          keyPath: keyOption)
        if invocation.flag("reverse") {
            let n = try pseudonymiser.reverse().filesChanged
            console.line("restored \(n) file\(plural(n)) byte for byte from \(keyOption)")
            return .success
        }
        let unsure = invocation.option("unsure").flatMap(TextRewrite.Unsure.init(rawValue:))
        let outcome = try pseudonymiser.run(names: try namesList(invocation), unsure: unsure,
                                            apply: invocation.flag("apply"), write: !invocation.flag("dry-run"))
        PseudonymReport(outcome: outcome, keyPath: keyOption)
            .print(to: console, dryRun: invocation.flag("dry-run"), applied: invocation.flag("apply"),
                   showKey: invocation.flag("show-key"))
        return .success
    }

    /// The researcher's `--names FILE`, if given.
    private static func namesList(_ invocation: Invocation) throws -> [(real: String, pseudonym: String?)] {
        guard let path = invocation.option("names") else { return [] }
        let url = resolvePath(path, from: invocation.console.currentDirectory)
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw PseudonymError.badNamesFile(path: path, reason: "it does not exist or is not UTF-8 text")
        }
        return IdentifierFinder.readNames(text)
    }
}
