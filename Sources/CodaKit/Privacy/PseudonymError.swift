/// Problems pseudonymising a project or restoring it. Nothing is written when one of these is reported.
public enum PseudonymError: CodaError {
    case keyInsideProject(path: String)
    case keyInsideGit(path: String, repository: String)
    case keyFolderMissing(path: String)
    case keyMissing(path: String)
    case badKeyLine(path: String, line: Int)
    case badNamesFile(path: String, reason: String)
    case alreadyApplied(path: String)
    case notApplied(path: String)
    case keyDoesNotMatch(path: String, files: [String])
    case noNameInProject(path: String)
    case badPseudonym(real: String, pseudonym: String)
    case duplicatePseudonym(pseudonym: String, reals: [String])
    case pseudonymInText(pseudonym: String, place: String)
    case sharedWord(word: String, names: [String])
    case unsure(places: [String])
    case codingsNotInPlace(count: Int)
    case unreadable(paths: [String])
    case verificationFailed(detail: String)
    case cannotWrite(path: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .keyInsideProject(let path):
            return Diagnostic(.error, at: nil, "the key \(path) would be inside the project folder, which is what you share",
                              hint: "put the key in a private folder outside the project, e.g. `--key ~/private/study.key`")
        case let .keyInsideGit(path, repository):
            return Diagnostic(.error, at: nil, "the key \(path) would be inside the git work tree \(repository), where a commit could publish it",
                              hint: "put the key in a private folder that is not under git, e.g. `--key ~/private/study.key`")
        case .keyFolderMissing(let path):
            return Diagnostic(.error, at: nil, "the folder of the key \(path) does not exist", hint: "create the folder first, or choose another place")
        case .keyMissing(let path):
            return Diagnostic(.error, at: nil, "there is no key \(path)",
                              hint: "give the key that `coda pseudonymise --key FILE --apply` wrote")
        case let .badKeyLine(path, line):
            return Diagnostic(.error, at: SourceLocation(file: path, line: line),
                              "this line of the key is not `kind<TAB>real<TAB>pseudonym` (kind: person, email or phone) nor a line Coda wrote",
                              hint: "fix the line; a key Coda wrote is best left as it is below `state`")
        case let .badNamesFile(path, reason):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot read the list of names: \(reason)",
                              hint: "one name per line, optionally `Name = Pseudonym`; lines starting with # are comments")
        case .alreadyApplied(let path):
            return Diagnostic(.error, at: nil, "the key \(path) has already been applied to this project",
                              hint: "`coda pseudonymise --reverse --key \(path)` restores the names")
        case .notApplied(let path):
            return Diagnostic(.error, at: nil, "the key \(path) has not been applied, so there is nothing to restore",
                              hint: "`coda pseudonymise --key \(path) --apply` applies it")
        case let .keyDoesNotMatch(path, files):
            let listed = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? ", …" : "")
            return Diagnostic(.error, at: nil,
                              "the key \(path) does not match this project: \(files.count) file\(plural(files.count)) differ from what the key recorded (\(listed))",
                              hint: "use the key written when this project was pseudonymised; if you edited these files since, undo those edits first (e.g. with git)")
        case .noNameInProject(let path):
            return Diagnostic(.error, at: nil, "none of the names in the key \(path) occurs in this project",
                              hint: "check that this is the key of this project, or give a new key file to have Coda propose one")
        case let .badPseudonym(real, pseudonym):
            return Diagnostic(.error, at: nil, "the pseudonym `\(pseudonym)` for `\(real)` contains a character that would break a file (tab, line end, comma, semicolon, colon or quote)",
                              hint: "choose a pseudonym of letters, digits, spaces, brackets or hyphens, e.g. `P01` or `Participant 3`")
        case let .duplicatePseudonym(pseudonym, reals):
            return Diagnostic(.error, at: nil, "the pseudonym `\(pseudonym)` is given to \(reals.map { "`\($0)`" }.joined(separator: " and ")): they could no longer be told apart",
                              hint: "give each a pseudonym of its own in the key, or merge them into one line if they are the same person")
        case let .pseudonymInText(pseudonym, place):
            return Diagnostic(.error, at: nil, "the pseudonym `\(pseudonym)` already occurs in the project (\(place)): readers could not tell it from the replaced names",
                              hint: "choose another pseudonym for it in the key")
        case let .sharedWord(word, names):
            return Diagnostic(.error, at: nil, "`\(word)` alone could be \(names.map { "`\($0)`" }.joined(separator: " or ")): Coda cannot tell which pseudonym it takes",
                              hint: "write the full names in the text where `\(word)` stands alone, or make them one line of the key if they are the same person")
        case .unsure(let places):
            let listed = places.prefix(8).joined(separator: "; ") + (places.count > 8 ? "; …" : "")
            return Diagnostic(.error, at: nil, "\(places.count) place\(plural(places.count)) may be a common word rather than a name: \(listed)",
                              hint: "look at them with `--dry-run`, then run again with `--unsure replace` (they are the name) or `--unsure keep` (they are the word)")
        case .codingsNotInPlace(let count):
            return Diagnostic(.error, at: nil, "\(count) coding\(plural(count)) are not where their files say, so they cannot be carried exactly",
                              hint: "`coda check --fix` saves their new positions; `coda check` lists those that lost their words")
        case .unreadable(let paths):
            return Diagnostic(.error, at: nil, "\(paths.count) file\(plural(paths.count)) could not be read: \(paths.joined(separator: ", "))",
                              hint: "`coda check` shows what is wrong; fix them first, so no name is left in them")
        case .verificationFailed(let detail):
            return Diagnostic(.error, at: nil, "the pseudonymised project did not check out (\(detail)); every file was restored",
                              hint: "please report this with the key's first lines (not the key itself)")
        case let .cannotWrite(path, reason):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot write: \(reason)",
                              hint: "check that you may write there, then run the same command again: it finishes or undoes what was started")
        }
    }
}
