import Testing
@testable import CodaKit

/// A property test of `XMLReader`: random element trees are written out with every spelling XML allows for the
/// same content (entities, character references, CDATA, comments, processing instructions, both quotes, raw
/// tabs and line ends in attributes, CRLF, empty-element tags), and the events read back must be exactly the
/// ones the tree prescribes. The expectations are written by hand from the XML rules, not by another parser.
@Suite struct XMLReaderPropertyTests {
    /// One element of the random tree: name, attributes (name, value), and children that are text or elements.
    struct Node {
        enum Child { case text(String), element(Node) }
        var name: String
        var attributes: [(String, String)]
        var children: [Child]
    }

    static let alphabet: [Character] = ["a", "b", " ", "<", ">", "&", "'", "\"", "]", "é", "😀", "\n", "\t", "x", "ü", "-"]

    static func randomText(_ random: inout ZipTestRandom) -> String {
        String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
    }

    static func randomNode(_ random: inout ZipTestRandom, depth: Int) -> Node {
        let names = ["a", "b", "Code", "w:p", "x-y", "_z", "é1", "n.m"]
        var attributes: [(String, String)] = []
        for name in ["id", "name", "v:x", "t"].shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
            attributes.append((name, randomText(&random)))
        }
        var children: [Node.Child] = []
        for _ in 0..<Int.random(in: 0...(depth > 5 ? 0 : 4), using: &random) {
            children.append(Bool.random(using: &random)
                            ? .text(randomText(&random)) : .element(randomNode(&random, depth: depth + 1)))
        }
        return Node(name: names.randomElement(using: &random) ?? "a", attributes: attributes, children: children)
    }

    /// The events the tree prescribes, adjacent text merged, empty text dropped.
    static func expected(_ node: Node, into events: inout [XMLEvent]) {
        let name = XMLName(qualified: node.name, namespace: nil)
        let attributes = node.attributes.map {
            XMLAttribute(name: XMLName(qualified: $0.0, namespace: nil), value: $0.1)
        }
        events.append(.start(XMLTag(name: name, attributes: attributes)))
        for child in node.children {
            switch child {
            case let .text(text) where !text.isEmpty:
                if case let .text(before)? = events.last { events[events.count - 1] = .text(before + text) }
                else { events.append(.text(text)) }
            case .text: break
            case let .element(inner): expected(inner, into: &events)
            }
        }
        events.append(.end(name))
    }

    static func write(_ node: Node, _ random: inout ZipTestRandom) -> String {
        var out = "<" + node.name
        for (name, value) in node.attributes {
            let quote: Character = Bool.random(using: &random) ? "\"" : "'"
            out += [" ", "\n", "\t "].randomElement(using: &random)! + name
            out += ["=", " = ", "\n="].randomElement(using: &random)! + String(quote)
            out += writeAttribute(value, quote: quote, &random) + String(quote)
        }
        out += ["", " ", "\n"].randomElement(using: &random)!
        if node.children.isEmpty && Bool.random(using: &random) { return out + "/>" }
        out += ">"
        for child in node.children {
            if Int.random(in: 0..<6, using: &random) == 0 { out += "<!-- a -- comment -->" }
            if Int.random(in: 0..<6, using: &random) == 0 { out += ["<?x?>", "<?pi some data?>"].randomElement(using: &random)! }
            switch child {
            case let .text(text): out += writeText(text, &random)
            case let .element(inner): out += write(inner, &random)
            }
        }
        return out + "</" + node.name + ["", " ", "\n"].randomElement(using: &random)! + ">"
    }

    /// A tab or line end kept in an attribute must be a character reference; written raw it reads as a space.
    static func writeAttribute(_ value: String, quote: Character, _ random: inout ZipTestRandom) -> String {
        var out = ""
        for c in value {
            switch c {
            case "<": out += ["&lt;", "&#60;"].randomElement(using: &random)!
            case "&": out += ["&amp;", "&#x26;"].randomElement(using: &random)!
            case quote: out += quote == "\"" ? "&quot;" : "&apos;"
            case "\n": out += ["&#10;", "&#xA;"].randomElement(using: &random)!
            case "\t": out += "&#9;"
            default: out.append(c)
            }
        }
        return out
    }

    static func writeText(_ text: String, _ random: inout ZipTestRandom) -> String {
        if !text.contains("]]>"), !text.isEmpty, Int.random(in: 0..<4, using: &random) == 0 {
            return "<![CDATA[" + (Bool.random(using: &random) ? text.replacingOccurrences(of: "\n", with: "\r\n") : text) + "]]>"
        }
        var out = ""
        for c in text {
            switch c {
            case "<": out += ["&lt;", "&#60;", "&#x3c;"].randomElement(using: &random)!
            case "&": out += ["&amp;", "&#38;"].randomElement(using: &random)!
            case ">": out += ["&gt;", "&#62;"].randomElement(using: &random)!
            case "\n": out += ["\n", "\r\n", "&#10;"].randomElement(using: &random)!
            case "é": out += ["é", "&#233;", "&#xE9;"].randomElement(using: &random)!
            case "😀": out += ["😀", "&#x1F600;"].randomElement(using: &random)!
            case "'": out += ["'", "&apos;"].randomElement(using: &random)!
            default: out.append(c)
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomTreesReadBackExactly(seed: UInt64) throws {
        var random = ZipTestRandom(seed: seed)
        for _ in 0..<300 {
            let tree = Self.randomNode(&random, depth: 0)
            var expected: [XMLEvent] = []
            Self.expected(tree, into: &expected)
            let prolog = ["", "<?xml version=\"1.0\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- c -->\r\n"]
            let xml = prolog.randomElement(using: &random)! + Self.write(tree, &random) + ["", "\n", "<!-- end -->"].randomElement(using: &random)!
            let read = XMLReaderTests.events(xml)
            #expect(read == .success(expected), "document: \(xml)")
            if read != .success(expected) { return }
        }
    }
}
