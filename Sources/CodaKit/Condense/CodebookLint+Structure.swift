import Foundation

extension CodebookLint {
    /// What the tree itself gets wrong: a `re:` keyword that is no regular expression, a code named like one of its
    /// ancestors (so its name points at itself), and `Formerly:` names that clash with a code or with each other.
    static func structure(_ codebook: Codebook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var formerOwners: [String: Code] = [:]
        for code in codebook.codes {
            for keyword in code.keywords where keyword.lowercased().hasPrefix("re:") {
                do {
                    _ = try NSRegularExpression(pattern: String(keyword.dropFirst(3)), options: [.caseInsensitive])
                } catch {
                    diagnostics.append(Diagnostic(.error, at: code.location,
                                                  "keyword `\(keyword)` of `\(code.name)` is not a valid "
                                                      + "regular expression",
                                                  hint: "check the pattern after `re:` (brackets and "
                                                      + "parentheses must close), "
                                                    + "or write the words without `re:`"))
                }
            }
            let ancestors = code.pathComponents.dropLast().map { $0.lowercased() }
            if ancestors.contains(code.name.lowercased()) {
                diagnostics.append(Diagnostic(.warning, at: code.location,
                                              "code `\(code.path)` has the name of its own ancestor, so "
                                                  + "`\(code.name)` alone "
                                                + "names both and reads as a code inside itself",
                                              hint: "rename one: `coda codebook rename '\(code.path)' NEW`"))
            }
            for former in code.formerly {
                let key = former.lowercased()
                if let current = try? codebook.resolve(former), current.path != code.path {
                    diagnostics.append(Diagnostic(.warning, at: code.location,
                                                  "`\(code.name)` was formerly `\(former)`, but "
                                                      + "`\(current.path)` still has that name; "
                                                    + "codings of `\(former)` stay with `\(current.path)`",
                                                  hint: "to move them, use `coda codebook merge "
                                                      + "'\(current.path)' --into '\(code.path)'`"))
                }
                if let owner = formerOwners[key], owner.path != code.path {
                    diagnostics.append(Diagnostic(.error, at: code.location,
                                                  "`\(code.path)` and `\(owner.path)` both say they were "
                                                      + "formerly `\(former)`",
                                                  hint: "keep the `Formerly:` line under one of them"))
                }
                formerOwners[key] = code
            }
        }
        return diagnostics
    }
}
