/// A DEFLATE (RFC 1951) decompressor: stored, fixed-Huffman and dynamic-Huffman blocks.
/// Zip entries (.docx, .qdpx) are almost always deflated. It reads untrusted bytes, so every malformed stream
/// throws an `InflateError` instead of trapping, and `limit` caps the output against zip bombs.
enum Inflate {
    /// The default output cap: 512 MiB.
    static let defaultLimit = 512 << 20

    /// Decompresses the raw DEFLATE stream `input` (no zlib or gzip header). Bytes after the final block are
    /// ignored. `sizeHint` (the expected output size, when known) only sizes the first allocation.
    static func decompress(_ input: [UInt8], limit: Int = defaultLimit, sizeHint: Int? = nil) throws(InflateError) -> [UInt8] {
        let result = input.withUnsafeBufferPointer { buffer -> Result<[UInt8], InflateError> in
            do throws(InflateError) {
                return .success(try decompress(buffer, limit: limit, sizeHint: sizeHint))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// As `decompress(_:limit:sizeHint:)`, reading from memory the caller keeps alive for the call.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int = defaultLimit,
                           sizeHint: Int? = nil) throws(InflateError) -> [UInt8] {
        // Trust a claimed size only up to 8 times the input, so that a tiny stream claiming a huge size does not
        // allocate it up front; the output still grows to `limit` if the data really is that large.
        let plausible = input.count <= Int.max / 8 ? max(1 << 16, input.count * 8) : Int.max
        let hint = min(sizeHint ?? plausible / 2, plausible)
        var reader = InflateBitReader(input)
        var output = InflateOutput(initialCapacity: hint, limit: limit)
        defer { output.deallocate() }
        try inflateBlocks(&reader, &output)
        return output.makeArray()
    }

    private static func inflateBlocks(_ reader: inout InflateBitReader, _ output: inout InflateOutput) throws(InflateError) {
        var isFinal = false
        while !isFinal {
            isFinal = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                try copyStoredBlock(&reader, &output)
            case 1:
                guard let literal = HuffmanDecoder.fixedLiteral, let distance = HuffmanDecoder.fixedDistance else {
                    throw .invalidCodeLengths
                }
                try inflateCodes(&reader, &output, literal: literal, distance: distance)
            case 2:
                let (literal, distance) = try readDynamicCodes(&reader)
                try inflateCodes(&reader, &output, literal: literal, distance: distance)
            default:
                throw .invalidBlockType
            }
        }
    }

    private static func copyStoredBlock(_ reader: inout InflateBitReader, _ output: inout InflateOutput) throws(InflateError) {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
        reader.alignToByte()
        let start = reader.position
        try reader.skipBytes(length)
        try output.reserve(length)
        if length > 0, let base = reader.input.baseAddress {
            output.appendReserved(base + start, count: length)
        }
    }

    /// Reads a dynamic block's header (RFC 1951 section 3.2.7) and builds its two codes.
    private static func readDynamicCodes(_ reader: inout InflateBitReader) throws(InflateError) -> (HuffmanDecoder, HuffmanDecoder) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCodeLengths }

        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in DeflateTables.codeLengthOrder.prefix(codeLengthCount) {
            codeLengthLengths[index] = UInt8(try reader.bits(3))
        }
        guard let codeLengthCode = HuffmanDecoder(lengths: codeLengthLengths[...], allowIncomplete: false) else {
            throw .invalidCodeLengths
        }

        let total = literalCount + distanceCount
        var lengths = [UInt8](repeating: 0, count: total)
        var filled = 0
        while filled < total {
            let symbol = try codeLengthCode.decode(&reader)
            var value: UInt8 = 0
            var repeatCount: Int
            switch symbol {
            case 0...15:
                lengths[filled] = UInt8(symbol)
                filled += 1
                continue
            case 16:
                guard filled > 0 else { throw .invalidCodeLengths }
                value = lengths[filled - 1]
                repeatCount = 3 + (try reader.bits(2))
            case 17:
                repeatCount = 3 + (try reader.bits(3))
            case 18:
                repeatCount = 11 + (try reader.bits(7))
            default:
                throw .invalidCodeLengths
            }
            guard repeatCount <= total - filled else { throw .invalidCodeLengths }
            for offset in 0..<repeatCount { lengths[filled + offset] = value }
            filled += repeatCount
        }
        guard lengths[256] != 0,
              let literal = HuffmanDecoder(lengths: lengths[..<literalCount], allowIncomplete: true),
              let distance = HuffmanDecoder(lengths: lengths[literalCount...], allowIncomplete: true)
        else { throw .invalidCodeLengths }
        return (literal, distance)
    }

    /// Decodes literals and length/distance pairs until the end-of-block symbol.
    private static func inflateCodes(_ reader: inout InflateBitReader, _ output: inout InflateOutput,
                                     literal: HuffmanDecoder, distance: HuffmanDecoder) throws(InflateError) {
        while true {
            let symbol = try literal.decode(&reader)
            if symbol < 256 {
                try output.reserve(1)
                output.appendReserved(UInt8(truncatingIfNeeded: symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw .invalidCode }
            let length = Int(DeflateTables.lengthBase[lengthIndex])
                + (try reader.bits(Int(DeflateTables.lengthExtra[lengthIndex])))
            let distanceSymbol = try distance.decode(&reader)
            guard distanceSymbol < 30 else { throw .invalidCode }
            let back = Int(DeflateTables.distanceBase[distanceSymbol])
                + (try reader.bits(Int(DeflateTables.distanceExtra[distanceSymbol])))
            guard back <= output.count else { throw .distanceTooFar }
            try output.reserve(length)
            output.copyMatchReserved(distance: back, length: length)
        }
    }
}
