import Foundation

/// Problems turning the bytes of a file into text.
public enum TextEncodingError: CodaError {
    case invalidUTF8(file: String, byteOffset: Int, line: Int, column: Int)
    /// UTF-16 text (a byte order mark, or NUL bytes between ASCII letters), which Coda reads only on import.
    case utf16(file: String, bigEndian: Bool, hasBOM: Bool)
    /// A NUL byte in a file that is not UTF-16: not a text file, or damaged.
    case nulByte(file: String, byteOffset: Int, line: Int, column: Int)
    /// A line longer than `ReaderLimits.lineBytes`: not a text file, or text with no line breaks.
    case lineTooLong(file: String, line: Int, bytes: Int, limit: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .invalidUTF8(file, offset, line, column):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                "not valid UTF-8 at byte \(offset) (the file was probably saved as Windows-1252 or Latin-1)",
                hint: "save it as UTF-8 (in most editors: Save As, Encoding UTF-8); or move it out of the project and bring it back "
                    + "with `coda import FILE --encoding windows-1252`; or convert it in place: "
                    + "`iconv -f WINDOWS-1252 -t UTF-8 '\(file)' > converted && mv converted '\(file)'`")
        case let .utf16(file, bigEndian, hasBOM):
            let name = hasBOM ? "UTF-16" : bigEndian ? "UTF-16BE" : "UTF-16LE"
            return Diagnostic(
                .error, at: SourceLocation(file: file),
                "the file is \(name) text ("
                    + (hasBOM ? "it starts with a UTF-16 byte order mark" : "a NUL byte between letters") + "); "
                    + "Coda reads project files as UTF-8",
                hint: "save it as UTF-8 (in most editors: Save As, Encoding UTF-8); or convert it in place: "
                    + "`iconv -f \(name) -t UTF-8 '\(file)' > converted && mv converted '\(file)'`")
        case let .nulByte(file, offset, line, column):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column),
                "a NUL byte at byte \(offset): this is not plain text, or the file is damaged",
                hint: "open it in a text editor and save it again as UTF-8 text, or copy the text from the original")
        case let .lineTooLong(file, line, bytes, limit):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line),
                "line \(line) is \(ReaderLimits.roundedUp(bytes)) long; Coda reads lines of at most "
                    + ReaderLimits.megabytes(limit),
                hint: "break the text into lines (a paragraph or a speaker turn each), then run the command again")
        }
    }
}

/// Decodes text files the way researchers save them: UTF-8 with or without a byte order mark,
/// and LF, CRLF or CR line endings, all normalised to LF.
enum TextDecoder {
    static func decodeUTF8(_ bytes: [UInt8], file: String) throws(TextEncodingError) -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .utf16(file: file, bigEndian: bytes[0] == 0xFE, hasBOM: true)
        }
        // Text never holds NUL: NULs between letters are UTF-16 without a byte order mark, any other is damage.
        if let nul = TextDecoder.firstIndex(of: 0, in: bytes) {
            if ImportTextDecoder.looksLikeUTF16(bytes) {
                throw .utf16(file: file, bigEndian: nul % 2 == 0, hasBOM: false)
            }
            let (line, column) = lineAndColumn(of: nul, in: bytes, from: start)
            throw .nulByte(file: file, byteOffset: nul, line: line, column: column)
        }
        try checkLineLengths(bytes, from: start, limit: ReaderLimits.lineBytes, file: file)
        // The standard library's validation is fast; the byte-by-byte search only runs to report a bad file.
        if start == 0, TextDecoder.firstIndex(of: 0x0D, in: bytes) == nil,
           let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        if let bad = firstInvalidUTF8Offset(bytes, from: start) {
            let (line, column) = lineAndColumn(of: bad, in: bytes, from: start)
            throw .invalidUTF8(file: file, byteOffset: bad, line: line, column: column)
        }
        let normalized = normalizeNewlines(bytes, from: start)
        return String(decoding: normalized, as: UTF8.self)
    }

    /// Refuses a line (ended by LF, CRLF or CR) longer than `limit` bytes, scanning with `memchr` so a huge
    /// one-line file is refused in a fraction of a second instead of slowing every later stage.
    static func checkLineLengths(_ bytes: [UInt8], from start: Int, limit: Int,
                                 file: String) throws(TextEncodingError) {
        guard bytes.count - start > limit else { return }
        let long = bytes.withUnsafeBufferPointer { longLine(in: $0, from: start, limit: limit) }
        if let long { throw .lineTooLong(file: file, line: long.line, bytes: long.bytes, limit: limit) }
    }

    /// The same check on text already decoded from another encoding (UTF-16, Windows-1252): its lines in UTF-8.
    static func checkLineLengths(_ text: String, limit: Int, file: String) throws(TextEncodingError) {
        guard text.utf8.count > limit else { return }
        var text = text
        let long = text.withUTF8 { longLine(in: $0, from: 0, limit: limit) }
        if let long { throw .lineTooLong(file: file, line: long.line, bytes: long.bytes, limit: limit) }
    }

    /// The first line longer than `limit` bytes (its 1-based number and length), counting line ends as
    /// `lineAndColumn` does: LF, CRLF and a lone CR each end one line.
    private static func longLine(in buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                                 limit: Int) -> (line: Int, bytes: Int)? {
        guard let base = buffer.baseAddress else { return nil }
        func find(_ byte: UInt8, from: Int, to end: Int) -> Int? {
            memchr(base + from, Int32(byte), end - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        }
        var line = 1
        var lineStart = start
        while lineStart < buffer.count {
            let lf = find(0x0A, from: lineStart, to: buffer.count) ?? buffer.count
            // Lone CRs inside the stretch end lines too; a CR just before the LF is half of a CRLF.
            var pieceStart = lineStart
            while pieceStart < lf, let cr = find(0x0D, from: pieceStart, to: lf), !(cr + 1 == lf && lf < buffer.count) {
                if cr - pieceStart > limit { return (line, cr - pieceStart) }
                line += 1
                pieceStart = cr + 1
            }
            let pieceEnd = lf > pieceStart && lf < buffer.count && buffer[lf - 1] == 0x0D ? lf - 1 : lf
            if pieceEnd - pieceStart > limit { return (line, pieceEnd - pieceStart) }
            line += 1
            lineStart = lf + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `bytes`, found with `memchr` (a corpus is scanned twice per load).
    static func firstIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int = 0) -> Int? {
        var i = start
        let n = bytes.count
        return bytes.withUnsafeBufferPointer { b -> Int? in
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; upper = 0x9F
                case 0xF0: need = 3; lower = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; upper = 0x8F
                default: return i
                }
                for k in 1...need {
                    guard i + k < n else { return i }
                    let cc = b[i + k]
                    if k == 1 {
                        if cc < lower || cc > upper { return i }
                    } else if cc & 0xC0 != 0x80 {
                        return i
                    }
                }
                i += need + 1
            }
            return nil
        }
    }

    /// CRLF and lone CR become LF (for text decoded from other encodings).
    static func normalizeNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return String(decoding: normalizeNewlines(Array(text.utf8), from: 0), as: UTF8.self)
    }

    /// The bytes from `start` with CRLF and lone CR turned into LF.
    static func normalizeNewlines(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        guard bytes[start...].contains(0x0D) else { return Array(bytes[start...]) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// 1-based line and column (in characters) of a byte offset, for error messages.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8], from start: Int = 0) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = start
        while i < offset && i < bytes.count {
            let c = bytes[i]
            if c == 0x0A || (c == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 && c != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
