/// A small XML element tree and its serialisation, for writing .qdc and .qde files. Attributes keep the order
/// they are given in and elements are indented by two spaces, except text elements, whose content is written
/// exactly (so `PlainTextContent` and `Description` keep their line breaks).
struct RefiXMLNode {
    var name: String
    var attributes: [(String, String)] = []
    var children: [RefiXMLNode] = []
    var text: String?

    init(_ name: String, _ attributes: [(String, String?)] = [], children: [RefiXMLNode] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes.compactMap { key, value in value.map { (key, $0) } }
        self.children = children
        self.text = text
    }

    /// The whole document, with the XML declaration, ending in a newline.
    func document() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(to: &out, indent: 0)
        return out
    }

    func write(to out: inout String, indent: Int) {
        out += String(repeating: "  ", count: indent) + "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(XMLEscape.attribute(value))\"" }
        if let text {
            out += ">" + XMLEscape.text(text) + "</\(name)>\n"
        } else if children.isEmpty {
            out += "/>\n"
        } else {
            out += ">\n"
            for child in children { child.write(to: &out, indent: indent + 1) }
            out += String(repeating: "  ", count: indent) + "</\(name)>\n"
        }
    }
}

/// Escaping for XML 1.0: markup characters become entities, and characters XML 1.0 cannot hold at all
/// (control characters other than tab, LF and CR) are dropped.
enum XMLEscape {
    static func text(_ value: String) -> String { escape(value, attribute: false) }
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
