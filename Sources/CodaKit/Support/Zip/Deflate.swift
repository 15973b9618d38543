/// A small DEFLATE (RFC 1951) compressor for `ZipWriter`: LZ77 matching over the 32 KiB window with hash
/// chains, coded with the fixed Huffman code in a single final block. It trades some ratio (no dynamic
/// codes, no lazy matching) for brevity; the output is deterministic and any inflater reads it.
enum Deflate {
    static let windowSize = 32_768
    static let minMatch = 3
    static let maxMatch = 258
    /// How many earlier positions with the same 3-byte hash are tried per match search.
    static let maxChain = 64
    private static let hashBits = 15

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        input.withUnsafeBufferPointer { data in
            encodeMatches(data, into: &writer)
        }
        writeLiteral(256, into: &writer)
        return writer.finish()
    }

    private static func encodeMatches(_ data: UnsafeBufferPointer<UInt8>, into writer: inout DeflateBitWriter) {
        let n = data.count
        var head = [Int](repeating: -1, count: 1 << hashBits)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            let value = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
            return Int((value &* 2_654_435_761) >> UInt32(32 - hashBits))
        }
        func insert(_ i: Int) {
            guard i + minMatch <= n else { return }
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = i
        }
        var i = 0
        while i < n {
            var bestLength = 0
            var bestDistance = 0
            if i + minMatch <= n {
                let limit = min(maxMatch, n - i)
                var candidate = head[hash(i)]
                var chain = maxChain
                while candidate >= 0, i - candidate <= windowSize, chain > 0 {
                    if data[candidate + bestLength] == data[i + bestLength] || bestLength == 0 {
                        var length = 0
                        while length < limit, data[candidate + length] == data[i + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = i - candidate
                            if length == limit { break }
                        }
                    }
                    let next = previous[candidate & (windowSize - 1)]
                    guard next < candidate else { break }
                    candidate = next
                    chain -= 1
                }
            }
            if bestLength >= minMatch {
                writeMatch(length: bestLength, distance: bestDistance, into: &writer)
                for position in i..<(i + bestLength) { insert(position) }
                i += bestLength
            } else {
                writeLiteral(Int(data[i]), into: &writer)
                insert(i)
                i += 1
            }
        }
    }

    private static func writeLiteral(_ symbol: Int, into writer: inout DeflateBitWriter) {
        let (code, length) = fixedLiteralCodes[symbol]
        writer.write(UInt32(code), bits: Int(length))
    }

    private static func writeMatch(length: Int, distance: Int, into writer: inout DeflateBitWriter) {
        var lengthIndex = DeflateTables.lengthBase.count - 1
        while Int(DeflateTables.lengthBase[lengthIndex]) > length { lengthIndex -= 1 }
        writeLiteral(257 + lengthIndex, into: &writer)
        writer.write(UInt32(length - Int(DeflateTables.lengthBase[lengthIndex])),
                     bits: Int(DeflateTables.lengthExtra[lengthIndex]))
        var distanceIndex = DeflateTables.distanceBase.count - 1
        while Int(DeflateTables.distanceBase[distanceIndex]) > distance { distanceIndex -= 1 }
        writer.write(UInt32(DeflateTables.reversed(distanceIndex, 5)), bits: 5)
        writer.write(UInt32(distance - Int(DeflateTables.distanceBase[distanceIndex])),
                     bits: Int(DeflateTables.distanceExtra[distanceIndex]))
    }

    /// The fixed literal/length code (RFC 1951 section 3.2.6), bit-reversed for LSB-first output.
    private static let fixedLiteralCodes: [(UInt16, UInt8)] = {
        let lengths = DeflateTables.fixedLiteralLengths
        var countPerLength = [Int](repeating: 0, count: 16)
        for length in lengths { countPerLength[Int(length)] += 1 }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + countPerLength[length - 1]) << 1
            nextCode[length] = code
        }
        return lengths.map { length -> (UInt16, UInt8) in
            let length = Int(length)
            defer { nextCode[length] += 1 }
            return (UInt16(DeflateTables.reversed(nextCode[length], length)), UInt8(length))
        }
    }()
}
