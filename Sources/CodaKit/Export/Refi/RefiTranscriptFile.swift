/// The text of an imported transcript: a `---` header with `id:`, `case:` and attributes, then the source
/// text exactly as Coda will read it back, so imported positions stay valid.
enum RefiTranscriptFile {
    static func render(id: String, caseID: String?, attributes: [(key: String, value: String)], body: String,
                       paragraphs: Bool = false) -> String {
        var out = "---\nid: \(id)\n"
        if let caseID { out += "case: \(caseID.collapsingWhitespace())\n" }
        for (key, value) in attributes { out += "\(key): \(value)\n" }
        if paragraphs { out += RefiTurnStructure.paragraphsHeader }
        return out + "---\n" + body
    }

    /// A variable name as a header key: lower case, spaces as `_`, no `:`. Nil when nothing is left, or for
    /// the keys Coda reserves for the document itself.
    static func key(_ name: String) -> String? {
        let key = name.lowercased().replacingOccurrences(of: ":", with: " ").collapsingWhitespace().replacingOccurrences(of: " ", with: "_")
        guard !key.isEmpty, key != "id", key != "case" else { return nil }
        return key
    }

    /// A short file name for an imported title: the part before a `:` subtitle, lower case, words joined by `-`.
    static func fileStem(_ title: String) -> String {
        var text = title
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) >= 3 { text = String(text[..<colon]) }
        var stem = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                stem.unicodeScalars.append(scalar)
            } else if !stem.isEmpty && !stem.hasSuffix("-") {
                stem += "-"
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        if stem.count > 40, let cut = stem.prefix(40).lastIndex(of: "-") { stem = String(stem[..<cut]) }
        return stem.isEmpty ? "imported" : String(stem.prefix(40))
    }

    /// A value on one header line.
    static func value(_ text: String) -> String { text.collapsingWhitespace() }
}
