/// The constant tables of RFC 1951 (section 3.2.5 and 3.2.6), shared by `Inflate` and `Deflate`.
enum DeflateTables {
    /// Base match length for length symbols 257...285.
    static let lengthBase: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    /// Extra bits after length symbols 257...285.
    static let lengthExtra: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
        3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    /// Base distance for distance symbols 0...29.
    static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    /// Extra bits after distance symbols 0...29.
    static let distanceExtra: [UInt8] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order in which code length code lengths are sent in a dynamic block header.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Code lengths of the fixed literal/length code (symbols 0...287).
    static let fixedLiteralLengths: [UInt8] = (0..<288).map { symbol -> UInt8 in
        switch symbol {
        case 0...143: return 8
        case 144...255: return 9
        case 256...279: return 7
        default: return 8
        }
    }
    /// Code lengths of the fixed distance code (symbols 0...29, plus the two unused 30 and 31).
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)

    /// The low `length` bits of `code` in reverse order: Huffman codes are defined most significant bit first,
    /// but sent least significant bit first.
    static func reversed(_ code: Int, _ length: Int) -> Int {
        var value = code
        var result = 0
        for _ in 0..<length {
            result = result << 1 | value & 1
            value >>= 1
        }
        return result
    }
}
