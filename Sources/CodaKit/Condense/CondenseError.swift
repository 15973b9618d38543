/// Problems with a tagging, memo or suggestion command.
public enum CondenseError: CodaError {
    case phraseNotFound(phrase: String, document: String, segments: String)
    case phraseAmbiguous(phrase: String, count: Int)
    case emptySegment(document: String, number: Int)
    case nothingToUntag(document: String, segments: String, overlapping: [String])
    case noOrphans(document: String, coder: String)
    case reservedCoder(String)
    case emptyCoder
    case unknownSuggestion(String)
    case noSuggestionsSelected
    case badMemoTarget(String)
    case noCodingToAnnotate(document: String, segments: String, code: String)
    case suggestionsAlreadyReviewed(count: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .phraseNotFound(phrase, document, segments):
            return Diagnostic(.error, at: nil, "“\(phrase)” is not in \(document) ¶\(segments)",
                              hint: "check the words with `coda show \(document) \(segments)`; case and line breaks do not matter")
        case let .phraseAmbiguous(phrase, count):
            return Diagnostic(.error, at: nil, "“\(phrase)” occurs \(count) times in those segments",
                              hint: "make the phrase longer so it occurs once, or add `--all` to tag every occurrence")
        case let .emptySegment(document, number):
            return Diagnostic(.error, at: nil, "\(document) ¶\(number) is empty; there is nothing to code")
        case let .nothingToUntag(document, segments, overlapping):
            let hint = overlapping.isEmpty ? "`coda retrieve --document \(document)` lists the codings"
                : "codings that reach beyond ¶\(segments): " + overlapping.joined(separator: ", ") + "; untag them with their full segments"
            return Diagnostic(.error, at: nil, "no coding of yours lies within \(document) ¶\(segments)", hint: hint)
        case let .noOrphans(document, coder):
            return Diagnostic(.error, at: nil, "every coding of \(coder) in \(document) still finds its words",
                              hint: "`coda check` lists the codings that lost their words, with their coder")
        case .reservedCoder(let name):
            return Diagnostic(.error, at: nil, "`\(name)` is reserved for autocoding suggestions", hint: "choose another coder name with `--coder`")
        case .emptyCoder:
            return Diagnostic(.error, at: nil, "the coder name is empty", hint: "pass `--coder NAME` or set CODA_CODER")
        case .unknownSuggestion(let id):
            return Diagnostic(.error, at: nil, "there is no suggestion `\(id)`", hint: "`coda suggestions` lists them with their ids")
        case .noSuggestionsSelected:
            return Diagnostic(.error, at: nil, "no suggestions chosen", hint: "give suggestion ids, or `--all` (with `--code` or `--document` to narrow it)")
        case .badMemoTarget(let text):
            return Diagnostic(.error, at: nil, "`\(text)` is not something a memo can be on",
                              hint: "write `coda memo project TEXT`, `coda memo code CODE TEXT`, `coda memo document DOC TEXT` or `coda memo coding DOC SEGMENTS CODE TEXT`")
        case let .noCodingToAnnotate(document, segments, code):
            return Diagnostic(.error, at: nil, "you have no `\(code)` coding on \(document) ¶\(segments)",
                              hint: "tag it first: `coda tag \(document) \(segments) '\(code)' --memo TEXT`")
        case let .suggestionsAlreadyReviewed(count):
            return Diagnostic(.error, at: nil, count == 1 ? "that suggestion was accepted or rejected meanwhile, by another coda run"
                                : "those \(count) suggestions were accepted or rejected meanwhile, by another coda run",
                              hint: "`coda suggestions` lists the ones still waiting")
        }
    }

    public var isUsageError: Bool {
        switch self {
        case .badMemoTarget, .noSuggestionsSelected: return true
        default: return false
        }
    }
}
