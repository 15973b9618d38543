import Foundation

/// `coda check --identifiers --key FILE`: every place where a name, email or phone number of the key still
/// stands in the project, so a project can be verified before it is shared. The places name the pseudonym,
/// not the name, so the report itself can be shown.
enum IdentifierScan {
    static func diagnostics(root: URL, key: PseudonymKey) -> [Diagnostic] {
        let matcher = PseudonymMatcher(key.entries)
        var found: [Diagnostic] = []
        for path in Pseudonymiser.files(in: root) {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  let text = TextLines([UInt8](data)) else { continue }
            // The change log's fields are escaped (a tab as `\t`): names are looked for in the text they stand for.
            let escaped = path.hasPrefix(ChangeLog.folder + "/")
            for (number, line) in text.lines.enumerated() {
                let content = escaped ? CodingFile.unescape(Substring(line.content)) : line.content
                for match in matcher.matches(in: Array(content.unicodeScalars)) {
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
}
