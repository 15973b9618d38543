/// All codes of a project (from every file in `Codebooks/`), in the order they are written.
public struct Codebook: Sendable {
    public var titles: [String]
    public var codes: [Code]
    /// The files the codes came from, relative to the project.
    public var files: [String]

    private var byPath: [String: Int] = [:]
    private var byName: [String: [Int]] = [:]

    public init(titles: [String] = [], codes: [Code] = [], files: [String] = []) {
        self.titles = titles
        self.codes = codes
        self.files = files
        for (index, code) in codes.enumerated() {
            let key = code.path.lowercased()
            if byPath[key] == nil { byPath[key] = index }
            byName[code.name.lowercased(), default: []].append(index)
        }
    }

    public var title: String { titles.first ?? "Codebook" }

    public func code(path: String) -> Code? {
        byPath[path.lowercased()].map { codes[$0] }
    }

    public var topLevel: [Code] { codes.filter { $0.depth == 1 } }

    public func children(of code: Code) -> [Code] {
        let prefix = code.path.lowercased() + "/"
        return codes.filter { $0.depth == code.depth + 1 && $0.path.lowercased().hasPrefix(prefix) }
    }

    /// The code itself and every code below it.
    public func subtree(of code: Code) -> [Code] {
        let path = code.path.lowercased()
        return codes.filter { $0.path.lowercased() == path || $0.path.lowercased().hasPrefix(path + "/") }
    }

    /// The codes under any of `roots` (each root included), each once, in codebook order.
    public func subtrees(of roots: [Code]) -> [Code] {
        let paths = roots.map { $0.path.lowercased() }
        return codes.filter { code in
            let path = code.path.lowercased()
            return paths.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
    }

    /// Finds a code by name (any case) or by path `Parent/Child`; a path may also be given from any
    /// level down (`Flower of Service/Information` or `Information`).
    public func resolve(_ reference: String) throws(CodebookError) -> Code {
        let wanted = reference.trimmingWhitespace()
        let lowered = wanted.lowercased()
        if let index = byPath[lowered] { return codes[index] }
        if !lowered.contains("/") {
            let matches = byName[lowered] ?? []
            if matches.count == 1 { return codes[matches[0]] }
            if matches.count > 1 { throw .ambiguous(name: wanted, paths: matches.map { codes[$0].path }) }
        } else {
            let matches = codes.filter { $0.path.lowercased().hasSuffix("/" + lowered) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw .ambiguous(name: wanted, paths: matches.map(\.path)) }
        }
        if let current = formerCode(for: wanted) { return current }
        // Suggest each close code once: by its name when that is unique, else by its path.
        let candidates = codes.map(\.name) + codes.filter { $0.depth > 1 }.map(\.path)
        var seen = Set<String>()
        var suggestions: [String] = []
        for candidate in EditDistance.closest(to: wanted, in: candidates, limit: 8) {
            let matches = candidate.contains("/") ? code(path: candidate).map { [$0] } ?? []
                : (byName[candidate.lowercased()] ?? []).map { codes[$0] }
            for code in matches where seen.insert(code.path.lowercased()).inserted {
                suggestions.append((byName[code.name.lowercased()]?.count ?? 0) == 1 ? code.name : code.path)
            }
        }
        throw .unknownCode(name: wanted, suggestions: Array(suggestions.prefix(5)))
    }
}

/// Problems with a codebook or with a code a command refers to.
public enum CodebookError: CodaError {
    case unknownCode(name: String, suggestions: [String])
    case ambiguous(name: String, paths: [String])
    case empty

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownCode(name, suggestions):
            let hint = suggestions.isEmpty ? "`coda codebook` lists the codes"
                : "closest codes: " + suggestions.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(.error, at: nil, "the codebook has no code `\(name)`", hint: hint)
        case let .ambiguous(name, paths):
            return Diagnostic(.error, at: nil, "`\(name)` names more than one code",
                              hint: "use the path: " + paths.map { "`\($0)`" }.joined(separator: " or "))
        case .empty:
            return Diagnostic(.error, at: nil, "the project has no codes yet",
                              hint: "write a codebook in Codebooks/ (see `coda init` for an example)")
        }
    }
}
