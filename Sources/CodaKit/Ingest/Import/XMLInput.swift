import Foundation

/// Checks an XML part of a package before `XMLParser` sees it. On Linux, FoundationXML runs libxml2 in recovery
/// mode and traps on names that are not valid UTF-8, and it expands entities; so a part must be UTF-8 (as Word and
/// LibreOffice write them), declare no other encoding, and have no DTD (no Office part has one). Anything else
/// is refused here with a reason, so damaged or hostile input ends in an error, never in a crash or a blow-up.
enum XMLInput {
    /// Why `bytes` cannot be handed to the parser, or nil when they can.
    static func problem(with bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "it is UTF-16, not UTF-8" }
        if let bad = TextDecoder.firstInvalidUTF8Offset(bytes, from: start) { return "it is not valid UTF-8 (at byte \(bad))" }
        if bytes.contains(0) { return "it contains a NUL byte" }
        if contains(bytes, "<!DOCTYPE") || contains(bytes, "<!ENTITY") { return "it has a document type declaration" }
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            return "it declares the encoding \(encoding), not UTF-8"
        }
        return nil
    }

    /// The `encoding="…"` of the XML declaration at the start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard let open = head.range(of: "<?xml"), let close = head.range(of: "?>", range: open.upperBound..<head.endIndex),
              let key = head.range(of: "encoding", range: open.upperBound..<close.lowerBound) else { return nil }
        let rest = head[key.upperBound..<close.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
