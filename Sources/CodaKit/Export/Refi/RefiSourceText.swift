/// The text of an imported source and the ways tools count positions in it. Coda drops a byte order mark and
/// turns CRLF and CR into LF; tools count in code points (the standard), UTF-16 code units (NVivo for Windows,
/// QualCoder) or UTF-8 bytes (Taguette), usually on the text as stored, with its CRs. A `RefiSourceText`
/// converts a position in any of these units into a scalar offset in Coda's text.
struct RefiSourceText {
    enum Unit: String, CaseIterable, Sendable {
        case codePoints = "Unicode code points"
        case utf16 = "UTF-16 code units"
        case utf8 = "UTF-8 bytes"
    }

    /// The text as Coda keeps it: no BOM, LF line ends.
    let text: String
    let hadCR: Bool
    /// The scalars of the stored text (BOM removed, CRs kept), which tools count in.
    private let raw: [Unicode.Scalar]
    /// For each unit, the raw scalar index at each unit offset (nil inside a scalar), and the unit length.
    private var starts: [Unit: [Int?]] = [:]
    /// Coda's offset for each raw scalar index (and one past the end).
    private let normalized: [Int]

    init(decoded: String) {
        raw = Array(decoded.unicodeScalars)
        hadCR = raw.contains("\r")
        var map: [Int] = []
        map.reserveCapacity(raw.count + 1)
        var out = String.UnicodeScalarView()
        var index = 0
        for (i, scalar) in raw.enumerated() {
            map.append(index)
            if scalar == "\r" {
                if i + 1 < raw.count && raw[i + 1] == "\n" { continue }
                out.append("\n")
            } else {
                out.append(scalar)
            }
            index += 1
        }
        map.append(index)
        normalized = map
        text = String(out)
        for unit in Unit.allCases {
            var table: [Int?] = []
            for (i, scalar) in raw.enumerated() {
                let width = unit == .codePoints ? 1 : unit == .utf16 ? UTF16.width(scalar) : UTF8.width(scalar)
                table.append(i)
                for _ in 1..<max(width, 1) { table.append(nil) }
            }
            table.append(raw.count)
            starts[unit] = table
        }
    }

    /// The length of the stored text in `unit`.
    func length(in unit: Unit) -> Int { (starts[unit]?.count ?? 1) - 1 }

    /// Coda's scalar offset for `position` counted in `unit`; nil when it is outside the text or inside a character.
    func offset(_ position: Int, in unit: Unit) -> Int? {
        guard let table = starts[unit], position >= 0, position < table.count, let rawIndex = table[position] else { return nil }
        return normalized[rawIndex]
    }

    /// Whether a Coda offset lies at the start or end of a word (or of the text): a sensible selection boundary.
    func isWordBoundary(_ offset: Int, scalars: [Unicode.Scalar]) -> Bool {
        guard offset > 0, offset < scalars.count else { return true }
        let before = scalars[offset - 1].properties.isAlphabetic || scalars[offset - 1].properties.numericType != nil
        let after = scalars[offset].properties.isAlphabetic || scalars[offset].properties.numericType != nil
        return !(before && after)
    }

    /// Whether every line of `text` ends in CRLF (and it has at least one).
    static func isCRLF(_ text: String) -> Bool {
        var pairs = 0, lone = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\n" { if previous == "\r" { pairs += 1 } else { lone += 1 } }
            if previous == "\r" && scalar != "\n" { lone += 1 }
            previous = scalar
        }
        return pairs > 0 && lone == 0 && previous != "\r"
    }

    /// Decodes a source file: UTF-8 with or without BOM, or UTF-16 with a BOM. Nil when it is neither.
    static func decode(_ bytes: [UInt8]) -> (String, hadBOM: Bool)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            return TextDecoder.firstInvalidUTF8Offset(body) == nil ? (String(decoding: body, as: UTF8.self), true) : nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), bytes.count % 2 == 0 {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return (String(decoding: units, as: UTF16.self), true)
        }
        return TextDecoder.firstInvalidUTF8Offset(bytes) == nil ? (String(decoding: bytes, as: UTF8.self), false) : nil
    }
}
