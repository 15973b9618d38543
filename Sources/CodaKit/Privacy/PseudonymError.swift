/// Problems pseudonymising a project or restoring it. Nothing is written when one of these is reported.
public enum PseudonymError: CodaError {
    case keyInsideProject(path: String)
    case keyInsideGit(path: String, repository: String)
    case keyFolderMissing(path: String)
    case keyMissing(path: String)
    case badKeyLine(path: String, line: Int)
    case badNamesFile(path: String, reason: String)
    case alreadyApplied(path: String)
    case interrupted(path: String)
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
    /// Files were being changed when a write failed: the key stays `applying`.
    case stoppedWriting(path: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .badKeyLine(path, line):
            return Diagnostic(.error, at: SourceLocation(file: path, line: line),
                              "this line of the key is not `kind<TAB>real<TAB>pseudonym` "
                                  + "(kind: person, email or phone) nor a line Coda wrote",
                              hint: "fix the line; a key Coda wrote is best left as it is below `state`")
        case let .stoppedWriting(path, reason):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot write: \(reason)",
                              hint: "check that you may write there, then run the same command again: "
                                  + "it finishes or undoes what was started")
        case let .badNamesFile(path, reason):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot read the list of names: \(reason)",
                              hint: "one name per line, optionally `Name = Pseudonym`; # starts a comment")
        default:
            let (message, hint) = messageAndHint
            return Diagnostic(.error, at: nil, message, hint: hint)
        }
    }

    private static let privateFolder = "put the key in a private folder outside the project and outside git, "
        + "e.g. `--key ~/private/study.key`"

    private var messageAndHint: (String, String) {
        switch self {
        case .keyInsideProject(let path):
            return ("the key \(path) would be inside the project folder, which is what you share",
                    PseudonymError.privateFolder)
        case let .keyInsideGit(path, repository):
            return ("the key \(path) would be inside the git work tree \(repository), where a commit could publish it",
                    PseudonymError.privateFolder)
        case .keyFolderMissing(let path):
            return ("the folder of the key \(path) does not exist", "create the folder first, or choose another place")
        case .keyMissing(let path):
            return ("there is no key \(path)", "give the key that `coda pseudonymise --key FILE --apply` wrote")
        case .alreadyApplied(let path):
            return ("the key \(path) has already been applied to this project",
                    "`coda pseudonymise --reverse --key \(path)` restores the names")
        case .interrupted(let path):
            return ("the pseudonymisation recorded in the key \(path) was stopped part-way",
                    "`coda pseudonymise --key \(path) --apply` finishes it; `--reverse` undoes it")
        case .notApplied(let path):
            return ("the key \(path) has not been applied, so there is nothing to restore",
                    "`coda pseudonymise --key \(path) --apply` applies it")
        case let .keyDoesNotMatch(path, files):
            let listed = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? ", …" : "")
            return ("the key \(path) does not match this project: \(files.count) file\(plural(files.count)) "
                        + "differ from what the key recorded (\(listed))",
                    "use the key written when this project was pseudonymised; if you edited these files since, "
                        + "undo those edits first (e.g. with git)")
        case .noNameInProject(let path):
            return ("none of the names in the key \(path) occurs in this project",
                    "check that this is the key of this project, or give a new key file to have Coda propose one")
        case let .badPseudonym(real, pseudonym):
            return ("the pseudonym `\(pseudonym)` for `\(real)` could break a file or a speaker label "
                        + "(it holds a tab, line end, comma, semicolon, colon, quote or, for a person, a bracket)",
                    "choose a pseudonym of letters, digits, spaces, dots or hyphens, e.g. `P01` or `Participant 3`")
        case let .duplicatePseudonym(pseudonym, reals):
            return ("the pseudonym `\(pseudonym)` is given to \(PseudonymError.listed(reals, "and")): "
                        + "they could no longer be told apart",
                    "give each a pseudonym of its own in the key, or merge them into one line if they are one person")
        case let .pseudonymInText(pseudonym, place):
            return ("the pseudonym `\(pseudonym)` already occurs in the project (\(place)): "
                        + "readers could not tell it from the replaced names",
                    "choose another pseudonym for it in the key")
        case let .sharedWord(word, names):
            return ("`\(word)` alone could be \(PseudonymError.listed(names, "or")): "
                        + "Coda cannot tell which pseudonym it takes",
                    "write the full names in the text where `\(word)` stands alone, "
                        + "or make them one line of the key if they are the same person")
        case .unsure(let places):
            let listed = places.prefix(8).joined(separator: "; ") + (places.count > 8 ? "; …" : "")
            return ("\(places.count) place\(plural(places.count)) may be a common word rather than a name: \(listed)",
                    "look at them with `--dry-run`, then run again with `--unsure replace` (they are the name) "
                        + "or `--unsure keep` (they are the word)")
        case .codingsNotInPlace(let count):
            let placement = count == 1 ? "is not where its file says, so it" : "are not where their files say, so they"
            return ("\(count) coding\(plural(count)) \(placement) cannot be carried exactly",
                    "`coda check --fix` saves their new positions; `coda check` lists those that lost their words")
        case .unreadable(let paths):
            return ("\(paths.count) file\(plural(paths.count)) could not be read: \(paths.joined(separator: ", "))",
                    "`coda check` shows what is wrong; fix them first, so no name is left in them")
        case .verificationFailed(let detail):
            return ("the pseudonymised project did not check out (\(detail)); every file was restored",
                    "please report this with the key's first lines (not the key itself)")
        case .badKeyLine, .badNamesFile, .stoppedWriting:
            return (diagnostic.message, diagnostic.hint ?? "")
        }
    }

    private static func listed(_ names: [String], _ conjunction: String) -> String {
        names.map { "`\($0)`" }.joined(separator: " \(conjunction) ")
    }
}
