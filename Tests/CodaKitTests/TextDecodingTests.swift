import Testing
@testable import CodaKit

@Suite struct TextDecodingTests {
    @Test func stripsByteOrderMarkAndNormalisesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\nd".utf8)
        #expect(try TextDecoder.decodeUTF8(bytes, file: "x.txt") == "a\nb\nc\nd")
    }

    @Test func keepsMultibyteText() throws {
        let text = "Zoë Müller: 好的 👍"
        #expect(try TextDecoder.decodeUTF8(Array(text.utf8), file: "x.txt") == text)
    }

    @Test(arguments: [
        ([0x41, 0xE9, 0x42] as [UInt8], 1),          // Latin-1 é
        ([0x41, 0xC0, 0x80] as [UInt8], 1),          // overlong NUL
        ([0xED, 0xA0, 0x80] as [UInt8], 0),          // UTF-16 surrogate
        ([0x41, 0x42, 0xE2, 0x82] as [UInt8], 2),    // truncated sequence at the end
        ([0xF4, 0x90, 0x80, 0x80] as [UInt8], 0),    // above U+10FFFF
        ([0x80] as [UInt8], 0),                       // stray continuation byte
    ])
    func findsTheFirstInvalidByte(bytes: [UInt8], offset: Int) {
        #expect(TextDecoder.firstInvalidUTF8Offset(bytes) == offset)
    }

    @Test func reportsFileLineColumnAndHowToConvert() {
        let bytes = Array("line one\nline two caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(throws: TextEncodingError.invalidUTF8(file: "Transcripts/P01.txt", byteOffset: 21, line: 2, column: 13)) {
            try TextDecoder.decodeUTF8(bytes, file: "Transcripts/P01.txt")
        }
        let error = TextEncodingError.invalidUTF8(file: "Transcripts/P01.txt", byteOffset: 21, line: 2, column: 13)
        #expect(error.description.hasPrefix("Transcripts/P01.txt:2:13: error: not valid UTF-8 at byte 21"))
        #expect(error.description.contains("iconv -f WINDOWS-1252 -t UTF-8 'Transcripts/P01.txt' > converted && mv converted 'Transcripts/P01.txt'"))
        #expect(error.description.contains("coda import FILE --encoding windows-1252"))
    }
}

extension TextEncodingError: Equatable {
    public static func == (a: TextEncodingError, b: TextEncodingError) -> Bool { a.description == b.description }
}
