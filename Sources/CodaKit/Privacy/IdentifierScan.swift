import Foundation

/// `coda check --identifiers --key FILE`: every place where a name, email or phone number of the key still
/// stands in the project, so a project can be verified before it is shared. The places name the pseudonym,
/// not the name, so the report itself can be shown.
enum IdentifierScan {
    static func diagnostics(root: URL, key: PseudonymKey) -> [Diagnostic] {
        let matcher = PseudonymMatcher(key.entries)
        let files = Pseudonymiser.files(in: root)
        let commonWords = KeyProposal(texts: Pseudonymiser.texts(in: root, files: files)).lowerCaseWords
        var found: [Diagnostic] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  let text = TextLines([UInt8](data)) else { continue }
            // The change log's fields are escaped (a tab as `\t`): names are looked for in the text they stand for.
            let escaped = path.hasPrefix(ChangeLog.folder + "/")
            for (number, line) in text.lines.enumerated() {
                let content = escaped ? CodingFile.unescape(Substring(line.content)) : line.content
                let scalars = Array(content.unicodeScalars)
                let matches = matcher.matches(in: scalars)
                found += likelyNameParts(in: scalars, names: matches, key: key, commonWords: commonWords,
                                         path: path, line: number + 1)
                for match in matches {
                    let entry = key.entries[match.entry]
                    let place = SourceLocation(file: path, line: number + 1, column: match.range.lowerBound + 1)
                    let what = entry.kind == .person ? "name" : entry.kind.rawValue
                    found.append(Diagnostic(.error, at: place,
                                            "the \(what) that the key turns into `\(entry.pseudonym)` is still here",
                                            hint: "`coda pseudonymise --key FILE --apply` replaces it"))
                }
            }
        }
        return found
    }

    /// Words beside a name or pseudonym of the key, or starting like a name, that the key leaves out: warnings,
    /// since they may be ordinary words. The key's own names are not printed.
    private static func likelyNameParts(in scalars: [Unicode.Scalar], names: [PseudonymMatcher.Match],
                                        key: PseudonymKey, commonWords: Set<String>, path: String,
                                        line: Int) -> [Diagnostic] {
        let tokens = NameToken.tokens(scalars)
        var anchors = names.filter { key.entries[$0.entry].kind == .person }.map { ($0.range, $0.entry) }
        for (index, entry) in key.entries.enumerated() where entry.kind == .person {
            let words = NameToken.tokens(Array(entry.pseudonym.unicodeScalars)).map(\.folded)
            anchors += LikelyNamePart.occurrences(of: words, in: tokens).map { ($0, index) }
        }
        return LikelyNamePart.find(in: scalars, anchors: anchors, entries: key.entries, commonWords: commonWords)
            .map { part in
                let word = String(String.UnicodeScalarView(scalars[part.range]))
                let pseudonym = key.entries[part.entry].pseudonym
                let example = part.reason == .startsLikeName ? word
                    : part.range.lowerBound < part.anchor.lowerBound ? "\(word) …" : "… \(word)"
                let why = part.reason == .startsLikeName ? "starts like the name" : "stands beside the name"
                let place = SourceLocation(file: path, line: line, column: part.range.lowerBound + 1)
                return Diagnostic(.warning, at: place,
                                  "`\(word)` \(why) that the key turns into `\(pseudonym)` and may be part of it",
                                  hint: "if it is, add it with the name it belongs to (`\(example) = \(pseudonym)`) "
                                      + "to the key or to a `--names FILE` and pseudonymise again "
                                      + "(after `coda pseudonymise --reverse --key FILE` if it was applied)")
            }
    }
}
