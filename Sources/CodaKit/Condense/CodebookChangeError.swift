/// Why `coda codebook rename|merge|move|delete` refuses a change: nothing is written when one is thrown.
public enum CodebookChangeError: CodaError {
    case badName(name: String, reason: String)
    case nameTaken(name: String, parent: String?, existing: String)
    case sameCode(path: String)
    case insideItself(code: String, target: String)
    case hasChildren(code: String, children: [String])
    case inUse(code: String, codings: [String: Int], memos: Int, summaries: Int)
    case tooDeep(code: String)
    case alreadyThere(code: String, place: String)
    case missingPlace(merge: Bool)

    public var diagnostic: Diagnostic {
        switch self {
        case let .badName(name, reason):
            return Diagnostic(.error, at: nil, "`\(name)` cannot be a code name: \(reason)",
                              hint: "to put a code under another one, use `coda codebook move CODE --under PARENT`")
        case let .nameTaken(name, parent, existing):
            return Diagnostic(.error, at: nil,
                              "\(parent.map { "`\($0)`" } ?? "the top level") already has a code `\(existing)`",
                              hint: "to join the two codes, use `coda codebook merge '\(name)' --into '\(existing)'`")
        case .sameCode(let path):
            return Diagnostic(.error, at: nil, "`\(path)` would be merged into itself",
                              hint: "name the codes to merge, then `--into` the code that stays")
        case let .insideItself(code, target):
            return Diagnostic(.error, at: nil, "`\(target)` lies inside `\(code)`, so `\(code)` cannot go there",
                              hint: "move `\(target)` out first, e.g. `coda codebook move '\(target)' --top`")
        case let .hasChildren(code, children):
            let first = children.first ?? ""
            return Diagnostic(.error, at: nil,
                              "`\(code)` has child codes (\(children.joined(separator: ", "))); they would lose "
                                  + "their parent",
                              hint: "move or merge them first, e.g. `coda codebook move '\(first)' --under PARENT`")
        case let .inUse(code, codings, memos, summaries):
            var uses = codings.sorted { $0.key < $1.key }.map { "\($0.value) coding\(plural($0.value)) by \($0.key)" }
            if memos > 0 { uses.append("\(memos) memo\(plural(memos))") }
            if summaries > 0 { uses.append("\(summaries) framework summar\(summaries == 1 ? "y" : "ies")") }
            return Diagnostic(.error, at: nil, "`\(code)` is still used: " + uses.joined(separator: ", "),
                              hint: "keep that work under another code: `coda codebook delete '\(code)' "
                                  + "--reassign CODE`")
        case .tooDeep(let code):
            return Diagnostic(.error, at: nil, "moving `\(code)` there would need a heading deeper than `######`",
                              hint: "choose a parent nearer the top")
        case let .alreadyThere(code, place):
            return Diagnostic(.error, at: nil, "`\(code)` is already \(place)")
        case .missingPlace(let merge):
            return Diagnostic(.error, at: nil, merge ? "say which code stays: `--into TARGET`"
                                : "say where the code goes: `--under PARENT` or `--top`")
        }
    }
}
