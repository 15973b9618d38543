/// Coda's own XML reader: small, strict and iterative, for the XML that REFI-QDA and Word files use.
///
/// It reads elements, attributes, text, CDATA and namespaces; comments and processing instructions are skipped;
/// the five predefined entities and character references are replaced. A document type declaration is refused,
/// so external entities and entity expansion cannot happen by construction. The input must be UTF-8 (a UTF-8
/// byte order mark and `encoding="UTF-8"` are accepted). Reading is a loop over the bytes with an explicit stack,
/// never recursion, and `XMLLimits` bounds the depth, so no document can exhaust the stack. Every fault is an
/// `XMLError` with its line and column; the first one ends reading.
struct XMLReader {
    let bytes: [UInt8]
    let limits: XMLLimits
    var position: Int
    /// The open elements, innermost last: name, where the start tag began, and how many namespace bindings
    /// were in scope before it.
    private var open: [(name: XMLName, offset: Int, scope: Int)] = []
    private var bindings: [(prefix: Substring, uri: String)] = []
    private var pendingEnd = false
    private var sawRoot = false

    /// How deep the reader is: the number of open elements.
    var depth: Int { open.count }

    /// Checks the encoding and the XML declaration; the body is read by `next()`.
    init(_ bytes: [UInt8], limits: XMLLimits = .standard) throws(XMLError) {
        self.bytes = bytes
        self.limits = limits
        position = 0
        if bytes.count > limits.maxBytes {
            throw fault("the document is \(bytes.count) bytes, more than the \(limits.maxBytes) Coda reads", at: 0)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw fault("it is UTF-16, not UTF-8", at: 0)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if let bad = TextDecoder.firstInvalidUTF8Offset(bytes, from: position) {
            throw fault("it is not valid UTF-8 at byte \(bad)", at: bad)
        }
        if let control = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            let reason = "it contains the control character U+\(hex(bytes[control])), which XML does not allow"
            throw fault(reason, at: control)
        }
        try readDeclaration()
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(XMLError) -> XMLEvent? {
        if pendingEnd {
            pendingEnd = false
            return .end(close())
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                if open.isEmpty {
                    try skipWhitespaceOutsideRoot()
                    continue
                }
                return .text(try readText())
            }
            switch byte(at: position + 1) {
            case UInt8(ascii: "?"): try skipProcessingInstruction()
            case UInt8(ascii: "!"):
                if let text = try readMarkupDeclaration() { return .text(text) }
            case UInt8(ascii: "/"): return .end(try readEndTag())
            default: return .start(try readStartTag())
            }
        }
        if let innermost = open.last {
            let (line, _) = lineAndColumn(innermost.offset)
            let name = innermost.name.qualified
            throw fault("the document ends inside <\(name)>, opened on line \(line)", at: bytes.count)
        }
        if !sawRoot { throw fault("it has no root element", at: bytes.count) }
        return nil
    }

    // MARK: Tags

    private mutating func readStartTag() throws(XMLError) -> XMLTag {
        let start = position
        position += 1
        let qualified = try readName("an element name")
        if open.isEmpty && sawRoot {
            throw fault("a second root element <\(qualified)> follows the first; a document has one root", at: start)
        }
        if open.count >= limits.maxDepth {
            throw fault("elements nest more than \(limits.maxDepth) levels deep", at: start)
        }
        var raw: [(name: String, value: String, offset: Int)] = []
        while true {
            let hadSpace = skipWhitespace()
            guard position < bytes.count else {
                throw fault("the tag <\(qualified)> is not closed with '>'", at: start)
            }
            let c = bytes[position]
            if c == UInt8(ascii: ">") || (c == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: ">")) {
                position += c == UInt8(ascii: ">") ? 1 : 2
                pendingEnd = c == UInt8(ascii: "/")
                break
            }
            guard hadSpace else { throw fault("expected a space, '>' or '/>' in the tag <\(qualified)>", at: position) }
            let offset = position
            let name = try readName("an attribute name")
            if raw.contains(where: { $0.name == name }) {
                throw fault("the attribute \(name) appears twice in <\(qualified)>", at: offset)
            }
            if raw.count >= limits.maxAttributes {
                throw fault("<\(qualified)> has more than \(limits.maxAttributes) attributes", at: offset)
            }
            skipWhitespace()
            guard byte(at: position) == UInt8(ascii: "=") else {
                throw fault("the attribute \(name) in <\(qualified)> has no '=' and value", at: position)
            }
            position += 1
            skipWhitespace()
            raw.append((name, try readAttributeValue(name), offset))
        }
        let scope = bindings.count
        for attribute in raw {
            if attribute.name == "xmlns" {
                bindings.append(("", attribute.value))
            } else if attribute.name.hasPrefix("xmlns:") {
                bindings.append((attribute.name.dropFirst(6), attribute.value))
            }
        }
        let name = XMLName(qualified: qualified, namespace: namespace(of: qualified, isElement: true))
        let attributes = raw.map {
            XMLAttribute(name: XMLName(qualified: $0.name, namespace: namespace(of: $0.name, isElement: false)),
                         value: $0.value)
        }
        open.append((name, start, scope))
        sawRoot = true
        return XMLTag(name: name, attributes: attributes)
    }

    private mutating func readEndTag() throws(XMLError) -> XMLName {
        let start = position
        position += 2
        let qualified = try readName("an element name")
        skipWhitespace()
        guard byte(at: position) == UInt8(ascii: ">") else {
            throw fault("the end tag </\(qualified)> is not closed with '>'", at: position)
        }
        position += 1
        guard let innermost = open.last else {
            throw fault("the end tag </\(qualified)> closes nothing", at: start)
        }
        guard innermost.name.qualified == qualified else {
            let (line, _) = lineAndColumn(innermost.offset)
            let name = innermost.name.qualified
            throw fault("</\(qualified)> does not close <\(name)>, opened on line \(line)", at: start)
        }
        return close()
    }

    private mutating func close() -> XMLName {
        let element = open.removeLast()
        bindings.removeSubrange(element.scope...)
        return element.name
    }

    private func namespace(of qualified: String, isElement: Bool) -> String? {
        let prefix: Substring
        if let colon = qualified.firstIndex(of: ":") {
            prefix = qualified[..<colon]
        } else {
            guard isElement else { return nil }
            prefix = ""
        }
        if prefix == "xml" { return "http://www.w3.org/XML/1998/namespace" }
        if prefix == "xmlns" { return "http://www.w3.org/2000/xmlns/" }
        guard let uri = bindings.last(where: { $0.prefix == prefix })?.uri, !uri.isEmpty else { return nil }
        return uri
    }

    // MARK: Text, comments, processing instructions

    private mutating func readText() throws(XMLError) -> String {
        var out: [UInt8] = []
        while position < bytes.count {
            let c = bytes[position]
            switch c {
            case UInt8(ascii: "<"):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "&"):
                try readReference(into: &out)
            case 0x0D:
                out.append(0x0A)
                position += byte(at: position + 1) == 0x0A ? 2 : 1
            case UInt8(ascii: "]") where matches("]]>", at: position):
                throw fault("']]>' may only end a CDATA section; write it as ']]&gt;' in text", at: position)
            default:
                let run = position
                while position < bytes.count, !Self.endsTextRun(bytes[position]) { position += 1 }
                out.append(contentsOf: bytes[run..<max(position, run + 1)])
                position = max(position, run + 1)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A comment is skipped (nil); a CDATA section is returned as text; a DOCTYPE is refused.
    private mutating func readMarkupDeclaration() throws(XMLError) -> String? {
        let start = position
        if matches("<!--", at: position) {
            guard let end = find("-->", from: position + 4) else {
                throw fault("a comment is not closed with '-->'", at: start)
            }
            position = end + 3
            return nil
        }
        if matches("<![CDATA[", at: position) {
            guard !open.isEmpty else { throw fault("a CDATA section stands outside the root element", at: start) }
            guard let end = find("]]>", from: position + 9) else {
                throw fault("a CDATA section is not closed with ']]>'", at: start)
            }
            let text = normalizedNewlines(bytes[(position + 9)..<end])
            position = end + 3
            return text
        }
        if matches("<!DOCTYPE", at: position) {
            let reason = "it has a document type declaration, which Coda does not read "
                + "(no exchange or Word file has one)"
            throw fault(reason, at: start)
        }
        throw fault("'<!' starts neither a comment nor a CDATA section", at: start)
    }

    private mutating func skipProcessingInstruction() throws(XMLError) {
        let start = position
        position += 2
        let target = try readName("a processing instruction's name")
        if target.lowercased() == "xml" {
            throw fault("an XML declaration may only stand at the very start of the document", at: start)
        }
        guard let end = find("?>", from: position) else {
            throw fault("the processing instruction <?\(target) is not closed with '?>'", at: start)
        }
        position = end + 2
    }

    private static func endsTextRun(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == 0x0D || c == UInt8(ascii: "]")
    }

    private mutating func skipWhitespaceOutsideRoot() throws(XMLError) {
        if !skipWhitespace(), position < bytes.count {
            let what = sawRoot ? "after the root element" : "before the root element"
            throw fault("text stands \(what); everything must be inside one root element", at: position)
        }
    }
}
