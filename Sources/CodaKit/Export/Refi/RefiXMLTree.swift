import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

    /// Parses a whole document; a file that is not well-formed XML is an `ImportError.invalid` naming the line.
    static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> RefiXMLTree {
        // FoundationXML can trap on some malformed input (names that are not UTF-8): check the bytes first.
        if let problem = XMLInput.problem(with: bytes) {
            throw .invalid(file: file, reason: "Coda cannot read this XML: \(problem)",
                           hint: "it may be damaged; export it again from the other tool, as UTF-8")
        }
        let builder = RefiXMLTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it has no root element"
            throw .invalid(file: file, reason: "the file is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(reason)",
                           hint: "it may be damaged or not a REFI-QDA file; export it again from the other tool")
        }
        return root
    }
}

/// Collects `XMLParser` events into a `RefiXMLTree`.
final class RefiXMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [RefiXMLTree] = []
    private(set) var root: RefiXMLTree?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(RefiXMLTree(name: local, attributes: attributes, children: [], text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
