/// A small reader for the few elements of a spreadsheet's XML parts (`row`, `c`, `v`, `t`, `si`, `sheet`,
/// `xf`, `numFmt`, `Relationship`): it walks the tags in order, with their attributes and the text between
/// them. Namespace prefixes are dropped; comments, processing instructions and CDATA-free markup only, as
/// Excel, LibreOffice and Google Sheets write. Kept to one type so it can give way to Coda's own XML reader.
struct SheetXMLScanner {
    enum Event {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next tag or text run, or nil at the end; text is returned with entities decoded.
    mutating func next() -> Event? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(HTMLEntities.decode(String(decoding: bytes[start..<i], as: UTF8.self)))
            }
            guard i + 1 < bytes.count else {
                i = bytes.count
                return nil
            }
            let kind = bytes[i + 1]
            if kind == UInt8(ascii: "?") || kind == UInt8(ascii: "!") {
                skip(past: kind == UInt8(ascii: "!") && starts(with: "<!--") ? Array("-->".utf8) : [UInt8(ascii: ">")])
                continue
            }
            let start = i + 1
            skipTag()
            var inner = Array(bytes[start..<max(start, i - 1)])
            if kind == UInt8(ascii: "/") { return .end(name: localName(Array(inner.dropFirst()))) }
            let selfClosing = inner.last == UInt8(ascii: "/")
            if selfClosing { inner.removeLast() }
            let nameEnd = inner.firstIndex { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } ?? inner.count
            return .start(
                name: localName(Array(inner[..<nameEnd])), attributes: attributes(inner[nameEnd...]),
                selfClosing: selfClosing)
        }
        return nil
    }

    private func starts(with text: String) -> Bool { bytes[i...].starts(with: Array(text.utf8)) }

    private mutating func skip(past terminator: [UInt8]) {
        while i < bytes.count, !bytes[i...].starts(with: terminator) { i += 1 }
        i = min(bytes.count, i + terminator.count)
    }

    /// Moves past the `>` that ends a tag, ignoring any `>` inside a quoted attribute value.
    private mutating func skipTag() {
        var quote: UInt8?
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if let q = quote {
                if c == q { quote = nil }
            } else if c == 34 || c == 39 {
                quote = c
            } else if c == 62 {
                return
            }
        }
    }

    private func localName(_ raw: [UInt8]) -> String {
        let name = String(decoding: raw, as: UTF8.self).trimmingWhitespace()
        return name.split(separator: ":").last.map(String.init) ?? name
    }

    private func attributes(_ raw: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var j = raw.startIndex
        while j < raw.endIndex {
            while j < raw.endIndex, raw[j] == 32 || raw[j] == 9 || raw[j] == 10 || raw[j] == 13 { j += 1 }
            let nameStart = j
            while j < raw.endIndex, raw[j] != UInt8(ascii: "=") { j += 1 }
            let name = localName(Array(raw[nameStart..<j]))
            j += 1
            guard j < raw.endIndex, raw[j] == UInt8(ascii: "\"") || raw[j] == UInt8(ascii: "'") else { break }
            let quote = raw[j]
            j += 1
            let valueStart = j
            while j < raw.endIndex, raw[j] != quote { j += 1 }
            result[name] = HTMLEntities.decode(String(decoding: raw[valueStart..<min(j, raw.endIndex)], as: UTF8.self))
            j += 1
        }
        return result
    }

    /// The text of every `t` element inside each `container` element (`si` of shared strings), skipping the
    /// phonetic runs (`rPh`) that are not part of the string.
    static func texts(in bytes: [UInt8], container: String) -> [String] {
        var scanner = SheetXMLScanner(bytes)
        var result: [String] = []
        var current: String?
        var inText = false
        var inPhonetic = false
        while let event = scanner.next() {
            switch event {
            case .start(let name, _, let selfClosing):
                if name == container {
                    current = ""
                    if selfClosing {
                        result.append("")
                        current = nil
                    }
                }
                if name == "t" && !selfClosing { inText = true }
                if name == "rPh" { inPhonetic = !selfClosing }
            case .end(let name):
                if name == container, let text = current {
                    result.append(text)
                    current = nil
                }
                if name == "t" { inText = false }
                if name == "rPh" { inPhonetic = false }
            case .text(let text):
                if inText && !inPhonetic { current? += text }
            }
        }
        return result
    }
}
