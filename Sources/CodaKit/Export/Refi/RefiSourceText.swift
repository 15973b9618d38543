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
    /// The number of scalars of the stored text (BOM removed, CRs kept), which tools count in.
    private let rawCount: Int
    /// For each unit, only the scalars wider than one unit: where each starts (in the unit) and the units its
    /// predecessors and it add beyond one each. Mostly-ASCII text stores next to nothing, so memory stays
    /// proportional to the text (a table per unit offset took 48 bytes per byte of text).
    private var wide: [Unit: WideScalars] = [:]
    /// The raw indices of the CRs Coda drops (those before an LF); Coda's offset of raw index i is i minus the
    /// number of them before i.
    private let droppedCRs: [Int]

    struct WideScalars {
        var starts: [Int] = []
        var extraThrough: [Int] = []
        var total: Int { extraThrough.last ?? 0 }

        /// Records the scalar at raw index `index` when it is wider than one unit.
        mutating func note(width: Int, at index: Int) {
            guard width > 1 else { return }
            starts.append(index + total)
            extraThrough.append(total + width - 1)
        }
    }

    init(decoded: String) {
        var count = 0
        var dropped: [Int] = []
        var sawCR = false
        var previousWasCR = false
        var utf16 = WideScalars(), utf8 = WideScalars()
        for scalar in decoded.unicodeScalars {
            if previousWasCR && scalar == "\n" { dropped.append(count - 1) }
            previousWasCR = scalar == "\r"
            if previousWasCR { sawCR = true }
            utf16.note(width: UTF16.width(scalar), at: count)
            utf8.note(width: UTF8.width(scalar), at: count)
            count += 1
        }
        rawCount = count
        hadCR = sawCR
        droppedCRs = dropped
        wide = [.codePoints: WideScalars(), .utf16: utf16, .utf8: utf8]
        text = sawCR ? Self.linefeedsOnly(decoded) : decoded
    }

    /// `text` with CRLF and lone CR turned into LF, built from its bytes.
    private static func linefeedsOnly(_ decoded: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(decoded.utf8.count)
        var previousWasCR = false
        for byte in decoded.utf8 {
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 0x0D
            bytes.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The length of the stored text in `unit`.
    func length(in unit: Unit) -> Int { rawCount + (wide[unit]?.total ?? 0) }

    /// Coda's scalar offset for `position` counted in `unit`; nil when it is outside the text or inside a character.
    func offset(_ position: Int, in unit: Unit) -> Int? {
        guard position >= 0, position <= length(in: unit), let table = wide[unit] else { return nil }
        // The wide scalars that start before `position`; the last of them may still cover it.
        let before = Self.countBelow(position, in: table.starts)
        var rawIndex = position
        if before > 0 {
            let last = before - 1
            let width = table.extraThrough[last] - (last > 0 ? table.extraThrough[last - 1] : 0) + 1
            if position < table.starts[last] + width { return nil }
            rawIndex = position - table.extraThrough[last]
        }
        return rawIndex - Self.countBelow(rawIndex, in: droppedCRs)
    }

    /// How many of the sorted `values` are less than `value`.
    private static func countBelow(_ value: Int, in values: [Int]) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
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
