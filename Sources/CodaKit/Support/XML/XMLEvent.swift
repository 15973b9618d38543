/// A qualified XML name split at its prefix, with the namespace the prefix (or the default `xmlns`) is bound to.
/// A prefix nobody declared leaves `namespace` nil rather than failing, since exchange files are often careless.
struct XMLName: Hashable, Sendable {
    var qualified: String
    var namespace: String?

    /// The part after any `prefix:`.
    var local: Substring {
        guard let colon = qualified.firstIndex(of: ":") else { return qualified[...] }
        return qualified[qualified.index(after: colon)...]
    }

    var prefix: Substring? {
        qualified.firstIndex(of: ":").map { qualified[..<$0] }
    }
}

/// One attribute as written (qualified name), its value with references replaced and whitespace normalised.
struct XMLAttribute: Hashable, Sendable {
    var name: XMLName
    var value: String
}

/// A start tag: its name and attributes in document order.
struct XMLTag: Hashable, Sendable {
    var name: XMLName
    var attributes: [XMLAttribute]

    /// The value of the attribute written `qualified` (e.g. `Type` or `xmlns:w`).
    subscript(qualified: String) -> String? {
        attributes.first { $0.name.qualified == qualified }?.value
    }

    /// Attributes keyed by their qualified names.
    var attributeDictionary: [String: String] {
        Dictionary(attributes.map { ($0.name.qualified, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// What `XMLReader.next()` reports: a start tag, an end tag, or character data (text and CDATA).
/// An empty-element tag `<a/>` is reported as a start followed by an end.
enum XMLEvent: Hashable, Sendable {
    case start(XMLTag)
    case end(XMLName)
    case text(String)
}
