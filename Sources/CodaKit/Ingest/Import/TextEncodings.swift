/// The text encodings `coda import` reads. A byte order mark decides by itself (UTF-8, UTF-16 LE or BE);
/// without one a file is UTF-8 unless `--encoding` names another, since no test tells Windows-1252 from
/// UTF-8 reliably. Whatever the encoding, line ends come back as LF and the BOM is gone.
enum ImportEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// Reads an `--encoding` value; case, `_` and a missing `-` do not matter, and the usual aliases are accepted.
    init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "ucs-2": self = .utf16
        case "utf-16le", "utf16le", "utf-16-le": self = .utf16LE
        case "utf-16be", "utf16be", "utf-16-be": self = .utf16BE
        // Latin-1 files are read as Windows-1252, its superset for every printable character (as browsers do).
        case "windows-1252", "windows1252", "cp1252", "cp-1252", "ansi", "latin-1", "latin1", "iso-8859-1", "iso8859-1":
            self = .windows1252
        default: return nil
        }
    }

    var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16 LE"
        case .utf16BE: return "UTF-16 BE"
        case .windows1252: return "Windows-1252"
        }
    }
}

/// Turns the bytes of a text source into text, with file and line in every error.
enum ImportTextDecoder {
    /// The text and the encoding actually used (a byte order mark overrides `requested`).
    static func decode(_ bytes: [UInt8], file: String, requested: ImportEncoding?) throws(ImportError) -> (String, ImportEncoding) {
        let (text, used) = try decodeAny(bytes, file: file, requested: requested)
        // UTF-8 was checked as it was read; text from another encoding is held to the same line limit.
        if used != .utf8 {
            do {
                try TextDecoder.checkLineLengths(text, limit: ReaderLimits.lineBytes, file: file)
            } catch {
                throw lineTooLong(error, file: file)
            }
        }
        return (text, used)
    }

    /// A line past the limit, as an import reports it.
    private static func lineTooLong(_ error: TextEncodingError, file: String) -> ImportError {
        let problem = error.diagnostic
        return .malformed(file: file, line: problem.location?.line ?? 1, reason: problem.message, hint: problem.hint)
    }

    private static func decodeAny(_ bytes: [UInt8], file: String,
                                  requested: ImportEncoding?) throws(ImportError) -> (String, ImportEncoding) {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw .invalid(file: file, reason: "the file is UTF-32, which Coda does not read", hint: "save it as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (try utf8(bytes, file: file), .utf8) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes, from: 2, bigEndian: false, file: file), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes, from: 2, bigEndian: true, file: file), .utf16BE) }
        switch requested ?? .utf8 {
        case .utf8: return (try utf8(bytes, file: file), .utf8)
        case .utf16:
            throw .invalid(file: file, reason: "the file has no UTF-16 byte order mark, so its byte order is unknown",
                           hint: "say which with `--encoding utf-16le` (Windows) or `--encoding utf-16be`")
        case .utf16LE: return (try utf16(bytes, from: 0, bigEndian: false, file: file), .utf16LE)
        case .utf16BE: return (try utf16(bytes, from: 0, bigEndian: true, file: file), .utf16BE)
        case .windows1252: return (TextDecoder.normalizeNewlines(windows1252(bytes)), .windows1252)
        }
    }

    private static func utf8(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
        do {
            return try TextDecoder.decodeUTF8(bytes, file: file)
        } catch {
            let (offset, line, column): (Int, Int, Int)
            switch error {
            case let .invalidUTF8(_, o, l, c): (offset, line, column) = (o, l, c)
            case .utf16:
                throw .invalid(file: file, reason: "it looks like UTF-16 without a byte order mark",
                               hint: "import it with `--encoding utf-16le` (or `utf-16be`)")
            case .nulByte(_, let o, let l, _):
                throw .malformed(file: file, line: l, reason: "a NUL byte at byte \(o): this is not plain text", hint: nil)
            case .lineTooLong:
                throw lineTooLong(error, file: file)
            }
            let hint = looksLikeUTF16(bytes)
                ? "it looks like UTF-16 without a byte order mark: import it with `--encoding utf-16le` (or `utf-16be`)"
                : "if it was saved as Windows-1252 (\"ANSI\"), import it with `--encoding windows-1252`"
            throw .malformed(file: file, line: line, reason: "not valid UTF-8 at byte \(offset) (column \(column))", hint: hint)
        }
    }

    /// Many NUL bytes, nearly all at odd or nearly all at even offsets: ASCII text in UTF-16.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        var odd = 0, even = 0
        for (index, byte) in bytes.prefix(4096).enumerated() where byte == 0 {
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = min(bytes.count, 4096) / 2
        return max(odd, even) * 10 >= pairs * 4 && min(odd, even) * 10 <= max(odd, even)
    }

    /// UTF-16 from `start`, with surrogate pairs checked; an unpaired surrogate or an odd byte count is an error.
    static func utf16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, file: String) throws(ImportError) -> String {
        guard (bytes.count - start) % 2 == 0 else {
            throw .invalid(file: file, reason: "the UTF-16 text ends in the middle of a character (an odd number of bytes)",
                           hint: "the file was probably cut short; copy or export it again")
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity((bytes.count - start) / 2)
        var line = 1
        var i = start
        func unit(at k: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]) : UInt16(bytes[k + 1]) << 8 | UInt16(bytes[k])
        }
        while i + 1 < bytes.count {
            let first = unit(at: i)
            var value = UInt32(first)
            var width = 2
            if (0xD800...0xDBFF).contains(first) {
                guard i + 3 < bytes.count, case let second = unit(at: i + 2), (0xDC00...0xDFFF).contains(second) else {
                    throw badUTF16(file: file, offset: i, line: line)
                }
                value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                width = 4
            } else if (0xDC00...0xDFFF).contains(first) {
                throw badUTF16(file: file, offset: i, line: line)
            }
            guard let scalar = Unicode.Scalar(value) else { throw badUTF16(file: file, offset: i, line: line) }
            // LF, CRLF and a lone CR each end one line, as everywhere in Coda (`TextDecoder.lineAndColumn`).
            if scalar == "\r" || (scalar == "\n" && scalars.last != "\r") { line += 1 }
            scalars.append(scalar)
            i += width
        }
        return TextDecoder.normalizeNewlines(String(scalars))
    }

    private static func badUTF16(file: String, offset: Int, line: Int) -> ImportError {
        .malformed(file: file, line: line, reason: "not valid UTF-16 at byte \(offset) (a broken surrogate pair)",
                   hint: "the file is damaged or not UTF-16; open it in a text editor and save it as UTF-8")
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, where it has typographic quotes, dashes, € and a few letters.
    /// The five bytes it leaves undefined decode to the C1 controls of the same value, as browsers do.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252High[Int(byte) - 0x80]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
