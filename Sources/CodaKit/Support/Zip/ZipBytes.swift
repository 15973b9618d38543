/// Bounds-checked little-endian reads for zip headers: a read that would run past the end gives nil
/// instead of trapping, so every caller decides which `ZipError` a short file deserves.
extension Array where Element == UInt8 {
    func uint16LE(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func uint32LE(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(self[offset]) | UInt32(self[offset + 1]) << 8
            | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    /// A 64-bit field as an `Int` (ZIP64 sizes and offsets); nil past the end or beyond `Int.max`.
    func uint64LE(at offset: Int) -> Int? {
        guard let low = uint32LE(at: offset), let high = uint32LE(at: offset + 4), high < 0x8000_0000 else {
            return nil
        }
        return Int(high) << 32 | Int(low)
    }

    mutating func appendLE(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func appendLE(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// The four-byte signatures that start each zip record (APPNOTE 4.3).
enum ZipSignature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
    static let zip64End: UInt32 = 0x0606_4B50
    /// The id of the ZIP64 extended information extra field (APPNOTE 4.5.3).
    static let zip64Extra: UInt16 = 0x0001
}
