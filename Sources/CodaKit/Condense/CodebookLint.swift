/// Checks a codebook for what makes coding unreliable: the same code twice, names that need a path,
/// codes without a definition, bad colours, names that cannot be referred to.
enum CodebookLint {
    static func check(_ codebook: Codebook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByPath: [String: Code] = [:]
        var byName: [String: [Code]] = [:]
        for code in codebook.codes {
            let key = code.path.lowercased()
            if let first = firstByPath[key] {
                diagnostics.append(Diagnostic(.error, at: code.location,
                                              "code `\(code.path)` is defined twice (first at \(first.location))",
                                              hint: "merge the two definitions or rename one"))
            } else {
                firstByPath[key] = code
            }
            byName[code.name.lowercased(), default: []].append(code)
            if code.name.contains("/") {
                diagnostics.append(Diagnostic(.error, at: code.location, "code name `\(code.name)` contains `/`, which separates parent and child in paths",
                                              hint: "use another character, e.g. `-` or `&`"))
            }
            if code.definition.isEmpty {
                diagnostics.append(Diagnostic(.warning, at: code.location, "code `\(code.path)` has no definition",
                                              hint: "add a line `Definition: …` so every coder applies it the same way"))
            }
        }
        for (_, codes) in byName where codes.count > 1 {
            let paths = Set(codes.map { $0.path.lowercased() })
            guard paths.count > 1 else { continue }
            for code in codes.dropFirst() where firstByPath[code.path.lowercased()]?.location == code.location {
                diagnostics.append(Diagnostic(.warning, at: code.location,
                                              "the name `\(code.name)` is used by \(codes.count) codes: " + codes.map { "`\($0.path)`" }.joined(separator: ", "),
                                              hint: "refer to these codes by path, or rename one"))
            }
        }
        for code in codebook.codes {
            for other in code.opposes where (try? codebook.resolve(other)) == nil {
                diagnostics.append(Diagnostic(.warning, at: code.location, "`\(code.name)` opposes `\(other)`, which is not a code"))
            }
        }
        diagnostics += structure(codebook)
        if codebook.codes.isEmpty, !codebook.files.isEmpty {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: codebook.files[0]), "the codebook has no codes",
                                          hint: "add a `## Code name` heading for each code"))
        }
        return diagnostics
    }
}
