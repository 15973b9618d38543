import Foundation

/// What a REFI-QDA import keeps so that an export gives the other tool back its own elements: the GUIDs of
/// codes, sources, users and selections, codes that were not codable (folders), code descriptions as written,
/// and the sources' order. Kept in `Exchange/<project>-refi-qda.tsv`, one element per line, sorted, so a diff
/// shows what changed:
///
///     code  Problems/Queues  2f1c…  codable=false  description=Waiting in line\nat the office  fields=9d41…
///
/// A description as written is given back only while the code's fields are still those it was read into
/// (`fields` is a digest of them): once the researcher edits the code, Coda's own fields are exported.
struct RefiIdentities: Sendable {
    static let folder = "Exchange"
    static let header = "# REFI-QDA identities kept from an import, so that Coda's REFI-QDA exports give the other "
        + "tool back its own elements. One per line, tab-separated: kind (code, source, user, selection), Coda name, GUID, "
        + "then key=value fields."

    enum Kind: String, CaseIterable, Sendable { case code, source, user, selection }

    struct Entry: Sendable {
        var kind: Kind
        var name: String
        var guid: String
        var fields: [String: String] = [:]
    }

    private var entries: [Kind: [String: Entry]] = [:]

    init(_ list: [Entry] = []) {
        for entry in list where entries[entry.kind]?[entry.name.lowercased()] == nil {
            entries[entry.kind, default: [:]][entry.name.lowercased()] = entry
        }
    }

    /// Every `Exchange/*.tsv` of the project, in file name order; the first entry for a name wins.
    init(root: URL) {
        let folder = root.appendingPathComponent(Self.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var list: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".tsv") {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            list += Self.parse(String(decoding: data, as: UTF8.self))
        }
        self.init(list)
    }

    func entry(_ kind: Kind, _ name: String) -> Entry? { entries[kind]?[name.lowercased()] }

    func guid(_ kind: Kind, _ name: String) -> String? { entry(kind, name)?.guid }

    /// The Coda names of the kept elements of one kind, sorted.
    func names(of kind: Kind) -> [String] { (entries[kind] ?? [:]).values.map(\.name).sorted() }

    var isEmpty: Bool { entries.isEmpty }

    static func parse(_ text: String) -> [Entry] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let kind = Kind(rawValue: String(fields[0])),
                  RefiGUID.isValid(String(fields[2])) else {
                return nil
            }
            var entry = Entry(kind: kind, name: CodingFile.unescape(fields[1]), guid: String(fields[2]))
            for field in fields.dropFirst(3) {
                guard let equals = field.firstIndex(of: "=") else { continue }
                entry.fields[String(field[..<equals])] = CodingFile.unescape(field[field.index(after: equals)...])
            }
            return entry
        }
    }

    static func render(_ list: [Entry]) -> String {
        let lines = list.map { entry -> String in
            let fields = entry.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(CodingFile.escape($0.value))" }
            return ([entry.kind.rawValue, CodingFile.escape(entry.name), entry.guid] + fields).joined(separator: "\t")
        }
        let order = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1.rawValue, $0) })
        let rank = { (line: String) in order[String(line.prefix { $0 != "\t" })] ?? 0 }
        let sorted = lines.sorted { (rank($0), $0) < (rank($1), $1) }
        return header + "\n" + sorted.map { $0 + "\n" }.joined()
    }

    /// The GUID Coda's export gives an element that was not imported (derived from its name).
    static func derivedGUID(_ kind: Kind, _ name: String) -> String {
        switch kind {
        case .code: return RefiCodebookExport.guid(forCodePath: name)
        case .source: return RefiProjectExport.derivedSourceGUID(name)
        case .user: return RefiGUID.make("user:" + name.lowercased())
        case .selection: return RefiGUID.make("selection:" + name)
        }
    }

    /// A short digest of a code's Coda fields, to tell whether the researcher changed them since the import.
    static func digest(_ code: Code) -> String { digest(RefiCodeDescription.text(for: code)) }

    static func digest(_ text: String) -> String {
        String(RefiGUID.fnv1a64(text, seed: 0xCBF2_9CE4_8422_2325), radix: 16)
    }

    /// How to store a document's text so the tool that wrote it gets its own bytes back: with its BOM and CRLF
    /// line ends, while the text is still the one imported.
    func storage(of document: Transcript) -> (bom: Bool, crlf: Bool) {
        guard let entry = entry(.source, document.id), entry.fields["text"] == Self.digest(document.text) else {
            return (false, false)
        }
        return (entry.fields["bom"] == "true", entry.fields["lineEnds"] == "crlf")
    }

    /// The description to export for `code`: the one it was imported with while its fields are unchanged.
    func description(for code: Code) -> String? {
        guard let entry = entry(.code, code.path), let written = entry.fields["description"],
              entry.fields["fields"] == Self.digest(code) else { return nil }
        return written
    }

    /// Whether the code was imported as not codable (a folder) and has not been made codable since.
    func isFolder(_ code: Code) -> Bool { entry(.code, code.path)?.fields["codable"] == "false" }
}
