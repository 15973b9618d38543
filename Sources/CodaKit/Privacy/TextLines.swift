/// A UTF-8 file as lines that keep their own line ends (LF, CRLF or CR) and the byte order mark, so that
/// changing some lines and joining them again leaves every other byte as it was.
struct TextLines: Sendable {
    var byteOrderMark: Bool
    var lines: [(content: String, end: String)]

    /// Nil when the bytes are not UTF-8.
    init?(_ bytes: [UInt8]) {
        var start = 0
        byteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if byteOrderMark { start = 3 }
        guard TextDecoder.firstInvalidUTF8Offset(bytes, from: start) == nil else { return nil }
        lines = []
        var lineStart = start
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == 10 || byte == 13 else { i += 1; continue }
            let endLength = byte == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
            lines.append((String(decoding: bytes[lineStart..<i], as: UTF8.self),
                          String(decoding: bytes[i..<(i + endLength)], as: UTF8.self)))
            i += endLength
            lineStart = i
        }
        if lineStart < bytes.count { lines.append((String(decoding: bytes[lineStart...], as: UTF8.self), "")) }
    }

    var bytes: [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        for line in lines {
            out += line.content.utf8
            out += line.end.utf8
        }
        return out
    }


    /// FNV-1a (64 bits) of the bytes with their count: tells whether a file is exactly as recorded.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-\(bytes.count)"
    }
}
