import Foundation
import Testing
@testable import CodaKit

@Suite struct ZipInflateTests {
    /// Mirrors `repetitive_text()` in Fixtures/zip/make_fixtures.py.
    static func repetitiveText() -> [UInt8] {
        Array(String(repeating: "The interviewer asks again. ", count: 4000).utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: 70000)
            + Array(String(repeating: "ab", count: 1000).utf8)
    }

    // MARK: CRC-32

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        var crc = CRC32()
        crc.update(Array("1234".utf8))
        crc.update(Array("56789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }

    @Test func crc32SlicedMatchesBitwiseReference() {
        var random = ZipTestRandom(seed: 32)
        for length in 0..<80 {
            let bytes = random.bytes(length)
            var reference: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                reference ^= UInt32(byte)
                for _ in 0..<8 { reference = reference & 1 == 1 ? reference >> 1 ^ 0xEDB8_8320 : reference >> 1 }
            }
            #expect(CRC32.checksum(bytes) == ~reference, "length \(length)")
        }
    }

    // MARK: Streams made by zlib and gzip

    @Test(arguments: [
        ("seed.l0.deflate", 0),  // stored blocks
        ("seed.l1.deflate", 2),
        ("seed.l6.deflate", 2),
        ("seed.l9.deflate", 2),
        ("seed.fixed.deflate", 1),  // fixed Huffman codes
        ("seed.huffman.deflate", 2),  // dynamic codes, literals only
    ])
    func zlibStreamsOfTheSeedText(file: String, firstBlockType: UInt8) throws {
        let stream = try ZipFixture.bytes(file)
        #expect(stream[0] >> 1 & 3 == firstBlockType)
        #expect(try Inflate.decompress(stream) == ZipFixture.seed())
    }

    @Test func emptyStream() throws {
        #expect(try Inflate.decompress(ZipFixture.bytes("empty.deflate")) == [])
    }

    @Test func largeStreamWithManyDynamicBlocksAndFarMatches() throws {
        let output = try Inflate.decompress(ZipFixture.bytes("large.l9.deflate"))
        #expect(output.count == 313_805)
        #expect(CRC32.checksum(output) == 0x83C2_A2DF)
    }

    @Test func repetitiveStreamWithOverlappingMaximalMatches() throws {
        let output = try Inflate.decompress(ZipFixture.bytes("repetitive.l9.deflate"))
        #expect(output == Self.repetitiveText())
        #expect(CRC32.checksum(output) == 0x41A7_1926)
    }

    @Test(arguments: ["seed.txt.1.gz", "seed.txt.9.gz"])
    func gzipFiles(file: String) throws {
        let gz = try ZipFixture.bytes(file)
        // RFC 1952: magic, method 8, no flags (gzip -n), then the stream; CRC-32 and size at the end.
        try #require(gz.count > 18 && gz[0] == 0x1F && gz[1] == 0x8B && gz[2] == 8 && gz[3] == 0)
        let output = try Inflate.decompress(Array(gz[10...]))
        #expect(output == (try ZipFixture.seed()))
        #expect(gz.uint32LE(at: gz.count - 8) == CRC32.checksum(output))
        #expect(gz.uint32LE(at: gz.count - 4) == UInt32(output.count))
    }

    @Test func bytesAfterTheFinalBlockAreIgnored() throws {
        let stream = try ZipFixture.bytes("seed-head.l9.deflate") + [1, 2, 3]
        #expect(try Inflate.decompress(stream) == Array(ZipFixture.seed().prefix(4096)))
    }

    @Test func outputLimitStopsAZipBomb() throws {
        let stream = try ZipFixture.bytes("repetitive.l9.deflate")
        #expect(throws: InflateError.outputTooLarge(limit: 1000)) { try Inflate.decompress(stream, limit: 1000) }
        #expect(try Inflate.decompress(stream, limit: 184_000).count == 184_000)
        #expect(throws: InflateError.outputTooLarge(limit: 183_999)) { try Inflate.decompress(stream, limit: 183_999) }
    }

    // MARK: Hand-made malformed streams

    /// Writes a fixed-Huffman literal/length symbol (RFC 1951 section 3.2.6), most significant code bit first.
    static func writeFixed(_ symbol: Int, _ writer: inout DeflateBitWriter) {
        let (code, length): (Int, Int)
        switch symbol {
        case 0...143: (code, length) = (0x30 + symbol, 8)
        case 144...255: (code, length) = (0x190 + symbol - 144, 9)
        case 256...279: (code, length) = (symbol - 256, 7)
        default: (code, length) = (0xC0 + symbol - 280, 8)
        }
        writeCode(code, length, &writer)
    }

    static func writeCode(_ code: Int, _ length: Int, _ writer: inout DeflateBitWriter) {
        for bit in stride(from: length - 1, through: 0, by: -1) { writer.write(UInt32(code >> bit & 1), bits: 1) }
    }

    static func fixedBlock(_ body: (inout DeflateBitWriter) -> Void) -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        body(&writer)
        return writer.finish() + [0, 0, 0, 0]
    }

    @Test func handMadeFixedBlockDecodes() throws {
        let stream = Self.fixedBlock { w in
            for byte in "ab".utf8 { Self.writeFixed(Int(byte), &w) }
            Self.writeFixed(258, &w)  // length 4
            Self.writeCode(1, 5, &w)  // distance 2
            Self.writeFixed(256, &w)
        }
        #expect(try Inflate.decompress(stream) == Array("ababab".utf8))
    }

    @Test func malformedStreamsThrowTheRightError() {
        let cases: [([UInt8], InflateError)] = [
            ([], .truncated),
            ([0x07], .invalidBlockType),
            ([0x01, 0x05, 0x00, 0x00, 0x00], .storedLengthMismatch),
            ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61], .truncated),
            (Self.fixedBlock { w in Self.writeFixed(257, &w); Self.writeCode(0, 5, &w) }, .distanceTooFar),
            (Self.fixedBlock { w in Self.writeFixed(97, &w); Self.writeFixed(257, &w); Self.writeCode(1, 5, &w) },
             .distanceTooFar),
            (Self.fixedBlock { w in Self.writeFixed(286, &w) }, .invalidCode),
            (Self.fixedBlock { w in Self.writeFixed(97, &w); Self.writeFixed(257, &w); Self.writeCode(30, 5, &w) },
             .invalidCode),
            (Self.dynamicHeader(literals: 287, distances: 1, codeLengthCodes: []), .invalidCodeLengths),
            (Self.dynamicHeader(literals: 257, distances: 31, codeLengthCodes: []), .invalidCodeLengths),
            // All 19 code length codes of length 1: over-subscribed.
            (Self.dynamicHeader(literals: 257, distances: 1, codeLengthCodes: Array(repeating: 1, count: 19)),
             .invalidCodeLengths),
            // Only one code length code of length 2: incomplete, which is never allowed for this code.
            (Self.dynamicHeader(literals: 257, distances: 1, codeLengthCodes: [0, 0, 0, 2]), .invalidCodeLengths),
            // Codes for 16 and 17 (one bit each); the first length is "repeat the previous" (bit 0 = symbol 16).
            (Self.dynamicHeader(literals: 257, distances: 1, codeLengthCodes: [1, 1]) + [0, 0], .invalidCodeLengths),
            // Codes for 18 and 0; 138 + 120 zero lengths leave the end-of-block symbol 256 without a code.
            (Self.zeroLengthsBlock(), .invalidCodeLengths),
        ]
        for (stream, expected) in cases {
            #expect(throws: expected, "\(stream.prefix(8))") { try Inflate.decompress(stream) }
        }
    }

    /// A dynamic block header with the given counts and code length code lengths (in transmission order),
    /// followed by some zero bytes.
    static func dynamicHeader(literals: Int, distances: Int, codeLengthCodes: [Int]) -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(UInt32(literals - 257), bits: 5)
        writer.write(UInt32(distances - 1), bits: 5)
        let count = max(4, codeLengthCodes.count)
        writer.write(UInt32(count - 4), bits: 4)
        for index in 0..<count { writer.write(UInt32(index < codeLengthCodes.count ? codeLengthCodes[index] : 0), bits: 3) }
        return writer.finish() + [0, 0, 0, 0]
    }

    static func zeroLengthsBlock() -> [UInt8] {
        var writer = DeflateBitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 5)  // 257 literal/length codes
        writer.write(0, bits: 5)  // 1 distance code
        writer.write(0, bits: 4)  // 4 code length codes: for 16, 17, 18, 0
        for length in [0, 0, 1, 1] { writer.write(UInt32(length), bits: 3) }
        // Canonical codes: symbol 0 is bit 0, symbol 18 is bit 1.
        writer.write(1, bits: 1)
        writer.write(127, bits: 7)  // 138 zeros
        writer.write(1, bits: 1)
        writer.write(109, bits: 7)  // 120 zeros
        return writer.finish() + [0, 0, 0, 0]
    }

    // MARK: Fuzz-style: nothing traps

    @Test func everyPrefixOfAStreamIsReportedAsTruncated() throws {
        let stream = try ZipFixture.bytes("seed-head.l9.deflate")
        for length in 0..<stream.count {
            #expect(throws: InflateError.truncated) { try Inflate.decompress(Array(stream.prefix(length))) }
        }
        for file in ["seed.l0.deflate", "seed.fixed.deflate", "large.l9.deflate", "repetitive.l9.deflate"] {
            let large = try ZipFixture.bytes(file)
            for length in stride(from: 0, to: large.count, by: max(1, large.count / 60)) {
                #expect(throws: InflateError.truncated) { try Inflate.decompress(Array(large.prefix(length))) }
            }
        }
    }

    @Test func mutatedStreamsDecodeOrThrow() throws {
        var random = ZipTestRandom(seed: 1951)
        let original = Array(try ZipFixture.seed().prefix(4096))
        var outcomes: [String: Int] = [:]
        for file in ["seed-head.l9.deflate", "seed.fixed.deflate", "seed.l0.deflate"] {
            let stream = try ZipFixture.bytes(file)
            for _ in 0..<(file.hasPrefix("seed-head") ? 2500 : 300) {
                let mutated = random.mutate(stream)
                do {
                    let output = try Inflate.decompress(mutated, limit: 1 << 20)
                    outcomes[output == original ? "same" : "different", default: 0] += 1
                } catch {
                    outcomes["\(error)", default: 0] += 1
                }
            }
        }
        #expect(outcomes.values.reduce(0, +) == 3100)
        #expect(outcomes.keys.count > 4, "\(outcomes)")
    }

    @Test func randomBytesDecodeOrThrow() {
        var random = ZipTestRandom(seed: 42)
        var failures = 0
        for round in 0..<3000 {
            var input = random.bytes(Int.random(in: 0...300, using: &random))
            // Also aim at each block type, so that random bits reach the Huffman decoders.
            if !input.isEmpty { input[0] = input[0] & ~6 | UInt8(round % 3) << 1 }
            do { _ = try Inflate.decompress(input, limit: 1 << 20) } catch { failures += 1 }
        }
        #expect(failures > 2500)
    }

    // MARK: Deflate, checked by Inflate and by Python's zlib

    static func compressionInputs() throws -> [(String, [UInt8])] {
        var random = ZipTestRandom(seed: 7)
        return [
            ("empty", []),
            ("one byte", [0x41]),
            ("all byte values", Array(0...255)),
            ("seed", try ZipFixture.seed()),
            ("repetitive", repetitiveText()),
            ("large", try Inflate.decompress(ZipFixture.bytes("large.l9.deflate"))),
            ("random", random.bytes(20_000)),
            ("zeros", [UInt8](repeating: 0, count: 100_000)),
        ]
    }

    @Test func deflateRoundTripsThroughInflate() throws {
        for (label, input) in try Self.compressionInputs() {
            let compressed = Deflate.compress(input)
            #expect(try Inflate.decompress(compressed) == input, "\(label)")
            #expect(Deflate.compress(input) == compressed, "deterministic: \(label)")
        }
        let seed = try ZipFixture.seed()
        #expect(Deflate.compress(seed).count < seed.count / 2)
        #expect(Deflate.compress(Self.repetitiveText()).count < 2_000)
    }

    @Test func deflateOutputIsReadByPythonZlib() throws {
        for (label, input) in try Self.compressionInputs() {
            let url = try ZipFixture.temporaryFile(Deflate.compress(input), suffix: ".deflate")
            defer { try? FileManager.default.removeItem(at: url) }
            let script = "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read(), -15))"
            guard let result = ZipFixture.runPython(script, arguments: [url.path]) else { return }  // no python3: skip
            #expect(result.status == 0, "\(label)")
            #expect(result.output == input, "\(label)")
        }
    }
}
