/// An XML element as read for import: its local name (any `prefix:` dropped, since tools disagree on
/// namespace spellings), attributes, child elements and text. Small enough to hold a whole .qde in memory.
struct RefiXMLTree: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [RefiXMLTree]
    var text: String

    func attribute(_ key: String) -> String? { attributes[key] }

    func child(_ name: String) -> RefiXMLTree? { children.first { $0.name == name } }

    func children(_ name: String) -> [RefiXMLTree] { children.filter { $0.name == name } }

    /// The namespace the element declares for itself (`xmlns`, or `xmlns:p` when it is written `p:Name`).
    var namespace: String? {
        attributes["xmlns"] ?? attributes.filter { $0.key.hasPrefix("xmlns:") && $0.value.hasPrefix("urn:QDA-XML") }.map(\.value).sorted().first
    }

    /// Parses a whole document with `XMLReader`; a file that is not well-formed XML, or that nests deeper than
    /// its limits, is an `ImportError.invalid` naming the line and column.
    static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> RefiXMLTree {
        do throws(XMLError) {
            var reader = try XMLReader(bytes)
            var stack: [RefiXMLTree] = []
            var root: RefiXMLTree?
            while let event = try reader.next() {
                switch event {
                case let .start(tag):
                    stack.append(RefiXMLTree(name: String(tag.name.local), attributes: tag.attributeDictionary,
                                             children: [], text: ""))
                case .end:
                    guard let element = stack.popLast() else { break }
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                case let .text(text):
                    if !stack.isEmpty { stack[stack.count - 1].text += text }
                }
            }
            guard let root else { throw XMLError(line: 1, column: 1, reason: "it has no root element") }
            return root
        } catch {
            let place = "line \(error.line), column \(error.column)"
            throw .invalid(file: file, reason: "the file is not well-formed XML (\(place)): \(error.reason)",
                           hint: "it may be damaged or not a REFI-QDA file; "
                               + "export it again from the other tool, as UTF-8")
        }
    }
}
