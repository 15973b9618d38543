/// The small pieces `XMLReader` is made of: names, attribute values, references, the XML declaration, positions.
extension XMLReader {
    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where bytes[offset + k] != pointer[k] { return false }
        return true
    }

    func find(_ literal: StaticString, from offset: Int) -> Int? {
        let first = literal.utf8Start[0]
        var i = offset
        while i < bytes.count {
            if bytes[i] == first, matches(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// Skips whitespace; true when there was any.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
        return position > start
    }

    /// A name: a letter, `_`, `:` or any non-ASCII character first, then also digits, `-` and `.`.
    mutating func readName(_ what: String) throws(XMLError) -> String {
        let start = position
        while position < bytes.count {
            let c = bytes[position]
            let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            let startChar = letter || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
            let nameChar = startChar || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard position == start ? startChar : nameChar else { break }
            position += 1
        }
        guard position > start else {
            let found = position < bytes.count ? "'\(String(decoding: [bytes[position]], as: UTF8.self))'" : "the end"
            throw fault("expected \(what), found \(found)", at: position)
        }
        guard position - start <= limits.maxNameLength else {
            throw fault("a name is longer than \(limits.maxNameLength) bytes", at: start)
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A quoted value; references are replaced and tabs and line ends become spaces, as XML prescribes.
    mutating func readAttributeValue(_ name: String) throws(XMLError) -> String {
        guard let quote = byte(at: position), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw fault("the value of \(name) must be in quotes", at: position)
        }
        let start = position
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count else { throw fault("the value of \(name) is not closed", at: start) }
            let c = bytes[position]
            switch c {
            case quote:
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw fault("'<' in the value of \(name); write it as '&lt;'", at: position)
            case UInt8(ascii: "&"):
                try readReference(into: &out)
            case 0x0D:
                out.append(0x20)
                position += byte(at: position + 1) == 0x0A ? 2 : 1
            case 0x09, 0x0A:
                out.append(0x20)
                position += 1
            default:
                out.append(c)
                position += 1
            }
        }
    }

    /// Replaces `&lt;` `&gt;` `&amp;` `&apos;` `&quot;`, `&#NNN;` and `&#xHHH;`; any other entity is an error,
    /// since entities would need a DTD, which Coda never reads.
    mutating func readReference(into out: inout [UInt8]) throws(XMLError) {
        let start = position
        var end = position + 1
        while end < bytes.count, end - start <= 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw fault("'&' starts no reference ending in ';'; write a plain ampersand as '&amp;'", at: start)
        }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        position = end + 1
        switch body {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "apos": out.append(UInt8(ascii: "'"))
        case "quot": out.append(UInt8(ascii: "\""))
        default:
            guard body.hasPrefix("#") else {
                throw fault("the entity &\(body); is not one of XML's five (&lt; &gt; &amp; &apos; &quot;), "
                            + "and Coda does not read DTDs", at: start)
            }
            let hexadecimal = body.hasPrefix("#x")
            let digits = body.dropFirst(hexadecimal ? 2 : 1)
            guard !digits.isEmpty, digits.allSatisfy({ hexadecimal ? $0.isHexDigit : ("0"..."9").contains($0) }),
                  let value = UInt32(digits, radix: hexadecimal ? 16 : 10), Self.isXMLCharacter(value),
                  let scalar = Unicode.Scalar(value) else {
                throw fault("&\(body); is not a character XML allows", at: start)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    /// `<?xml version="1.x" encoding="UTF-8" standalone="yes|no"?>` at the very start, if present.
    mutating func readDeclaration() throws(XMLError) {
        guard matches("<?xml", at: position),
              let next = byte(at: position + 5), Self.isWhitespace(next) || next == UInt8(ascii: "?") else { return }
        let start = position
        position += 5
        var seen: [String] = []
        while true {
            let hadSpace = skipWhitespace()
            if matches("?>", at: position) {
                position += 2
                break
            }
            guard hadSpace, position < bytes.count else {
                let example = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                throw fault("the XML declaration is malformed; it should read \(example)", at: start)
            }
            let offset = position
            let name = try readName("version, encoding or standalone")
            skipWhitespace()
            guard byte(at: position) == UInt8(ascii: "=") else {
                throw fault("\(name) in the XML declaration has no '=' and value", at: position)
            }
            position += 1
            skipWhitespace()
            let value = try readAttributeValue(name)
            try checkDeclared(name, value, after: seen, at: offset)
            seen.append(name)
        }
        guard seen.first == "version" else {
            throw fault("the XML declaration must begin with version=\"1.0\"", at: start)
        }
    }

    private func checkDeclared(_ name: String, _ value: String, after seen: [String], at offset: Int) throws(XMLError) {
        let order = ["version", "encoding", "standalone"]
        guard let rank = order.firstIndex(of: name), !seen.contains(name),
              seen.allSatisfy({ (order.firstIndex(of: $0) ?? rank) < rank }) else {
            throw fault("\(name) is out of place in the XML declaration", at: offset)
        }
        switch name {
        case "version" where !value.hasPrefix("1.") || value.count < 3 || !value.dropFirst(2).allSatisfy(\.isNumber):
            throw fault("the XML version \"\(value)\" is not 1.x", at: offset)
        case "encoding" where !["utf-8", "utf8"].contains(value.lowercased()):
            throw fault("it declares the encoding \(value.isEmpty ? "\"\"" : value), not UTF-8", at: offset)
        case "standalone" where value != "yes" && value != "no":
            throw fault("standalone must be \"yes\" or \"no\", not \"\(value)\"", at: offset)
        default: break
        }
    }

    func normalizedNewlines(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(0x0D) else { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: TextDecoder.normalizeNewlines(Array(slice), from: 0), as: UTF8.self)
    }

    func lineAndColumn(_ offset: Int) -> (Int, Int) {
        TextDecoder.lineAndColumn(of: offset, in: bytes)
    }

    func fault(_ reason: String, at offset: Int) -> XMLError {
        let (line, column) = lineAndColumn(offset)
        return XMLError(line: line, column: column, reason: reason)
    }

    func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
