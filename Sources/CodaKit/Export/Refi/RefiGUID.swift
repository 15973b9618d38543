/// Deterministic GUIDs for exported REFI-QDA elements: the same project always gives the same GUIDs, so two
/// exports can be compared with a diff and another tool sees the same code as the same code.
/// The 128 bits are two FNV-1a 64-bit hashes of a stable key (e.g. `code:Problems/Queues`) with different
/// seeds, formatted as a version-5-style UUID (version and variant bits set).
enum RefiGUID {
    static func make(_ key: String) -> String {
        let first = fnv1a64(key, seed: 0xCBF2_9CE4_8422_2325)
        let second = fnv1a64(key, seed: 0x84222325_CBF29CE4 ^ 0x5bd1_e995_27d4_eb2f)
        var bytes: [UInt8] = []
        for value in [first, second] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    static func fnv1a64(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Whether `text` has the schema's GUID form: 8-4-4-4-12 hex digits, optionally in braces.
    static func isValid(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let groups = body.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
