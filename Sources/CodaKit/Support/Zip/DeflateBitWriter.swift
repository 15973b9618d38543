/// Packs bits least-significant first into bytes, the order RFC 1951 sends them in.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    /// Appends the low `length` (at most 32) bits of `value`, first bit lowest.
    mutating func write(_ value: UInt32, bits length: Int) {
        buffer |= UInt64(value & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(length)) &- 1)) << UInt64(count)
        count += length
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads the last byte with zero bits and returns everything written.
    mutating func finish() -> [UInt8] {
        if count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer = 0
            count = 0
        }
        return bytes
    }
}
