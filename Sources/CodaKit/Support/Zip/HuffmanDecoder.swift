/// Decodes one canonical Huffman code of RFC 1951 (code lengths up to 15 bits).
/// Codes up to `fastBits` long are found with one table look-up; longer, rarer codes are decoded bit by bit
/// from the per-length counts, which keeps table building cheap for every dynamic block.
struct HuffmanDecoder {
    static let fastBits = 10
    static let maxBits = 15

    /// Indexed by the next `fastBits` input bits: `symbol << 4 | length`, or 0 when the code is longer.
    private var fast: [UInt16]
    /// How many codes have each length 0...15.
    private var counts: [Int]
    /// Symbols ordered by code length, then by symbol value (the canonical order).
    private var symbols: [UInt16]

    /// Builds the code for `lengths[symbol]`; nil when the lengths describe no prefix code.
    /// An over-subscribed set is always invalid; an incomplete one only when `allowIncomplete` and it has at most
    /// one code, of length 1 (the case RFC 1951 mentions for a single distance code).
    init?(lengths: ArraySlice<UInt8>, allowIncomplete: Bool) {
        var counts = [Int](repeating: 0, count: Self.maxBits + 1)
        for length in lengths {
            guard length <= Self.maxBits else { return nil }
            counts[Int(length)] += 1
        }
        counts[0] = 0
        var left = 1
        for length in 1...Self.maxBits {
            left <<= 1
            left -= counts[length]
            if left < 0 { return nil }
        }
        let used = counts.reduce(0, +)
        if left > 0 && used > 0 {
            guard allowIncomplete, used == 1, counts[1] == 1 else { return nil }
        }

        var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
        for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
        var symbols = [UInt16](repeating: 0, count: used)
        for (symbol, length) in zip(0..., lengths) where length != 0 {
            symbols[offsets[Int(length)]] = UInt16(symbol)
            offsets[Int(length)] += 1
        }

        var fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
        var code = 0
        var index = 0
        for length in 1...Self.fastBits {
            for _ in 0..<counts[length] {
                let entry = symbols[index] << 4 | UInt16(length)
                var slot = DeflateTables.reversed(code, length)
                while slot < fast.count {
                    fast[slot] = entry
                    slot += 1 << length
                }
                code += 1
                index += 1
            }
            code <<= 1
        }
        self.fast = fast
        self.counts = counts
        self.symbols = symbols
    }

    /// The next symbol from `reader`.
    @inline(__always)
    func decode(_ reader: inout InflateBitReader) throws(InflateError) -> Int {
        if reader.count < Self.maxBits { reader.refill() }
        let entry = fast[Int(truncatingIfNeeded: reader.buffer) & ((1 << Self.fastBits) - 1)]
        if entry != 0 {
            let length = Int(entry & 15)
            if length > reader.count { throw .truncated }
            reader.consume(length)
            return Int(entry >> 4)
        }
        return try decodeSlowly(&reader)
    }

    /// Canonical decoding one bit at a time: codes of each length are consecutive numbers starting at `first`.
    private func decodeSlowly(_ reader: inout InflateBitReader) throws(InflateError) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...Self.maxBits {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return Int(symbols[index + code - first]) }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalidCode
    }

    static let fixedLiteral = HuffmanDecoder(lengths: DeflateTables.fixedLiteralLengths[...], allowIncomplete: false)
    static let fixedDistance = HuffmanDecoder(lengths: DeflateTables.fixedDistanceLengths[...], allowIncomplete: false)
}
