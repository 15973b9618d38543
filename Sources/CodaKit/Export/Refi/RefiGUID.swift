/// Deterministic GUIDs for exported REFI-QDA elements: the same project always gives the same GUIDs, so two
/// exports can be compared with a diff and another tool sees the same code as the same code.
/// The 128 bits are two FNV-1a 64-bit hashes of a stable key (e.g. `code:Problems/Queues`) with different
/// seeds, each passed through a 64-bit finaliser so that similar keys (`case:R001`, `case:R002`) give GUIDs
/// that look unrelated, formatted as a version-5-style UUID (version and variant bits set).
enum RefiGUID {
    static func make(_ key: String) -> String {
        let first = mix(fnv1a64(key, seed: 0xCBF2_9CE4_8422_2325))
        let second = mix(fnv1a64(key, seed: 0x8422_2325_CBF2_9CE4 ^ 0x5BD1_E995_27D4_EB2F))
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

    /// MurmurHash3's fmix64: spreads every input bit over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
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
