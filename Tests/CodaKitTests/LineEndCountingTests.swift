import Foundation
import Testing
@testable import CodaKit

/// Every reader counts lines alike: LF, CRLF and a lone CR (old Mac files, some exports) each end one line, also
/// when a file mixes them, so an error's line number is the line an editor shows.
struct LineEndCountingTests {
    static let mixed: [(text: String, line: Int)] = [
        ("a\rb\nc\r\nd\r", 5), ("a\r\r\nb\n\rc\n", 6), ("one\r\ntwo\rthree\nfour\r", 5), ("\r\n\r\n\r", 4),
    ]

    /// Each text ends with a line end; the fault is put at the start of the line after it.
    @Test(arguments: mixed.indices)
    func invalidUTF8IsPlacedOnItsLine(_ index: Int) {
        let (text, line) = Self.mixed[index]
        #expect(throws: TextEncodingError.invalidUTF8(file: "P01.md", byteOffset: text.utf8.count, line: line,
                                                      column: 1)) {
            try TextDecoder.decodeUTF8(Array(text.utf8) + [0xFF], file: "P01.md")
        }
    }

    @Test(arguments: mixed.indices)
    func aBrokenUTF16SurrogateIsPlacedOnItsLine(_ index: Int) {
        let (text, line) = Self.mixed[index]
        let bytes: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xDC]
        do {
            _ = try ImportTextDecoder.decode(bytes, file: "P01.txt", requested: .utf16LE)
            Issue.record("a lone low surrogate was read")
        } catch {
            #expect(error.diagnostic.location?.line == line, "\(error.diagnostic)")
        }
    }

    @Test(arguments: mixed.indices)
    func aLongLineIsPlacedOnItsLine(_ index: Int) {
        let (text, line) = Self.mixed[index]
        #expect(throws: TextEncodingError.lineTooLong(file: "P01.md", line: line, bytes: 9, limit: 8)) {
            try TextDecoder.checkLineLengths(Array((text + "123456789").utf8), from: 0, limit: 8, file: "P01.md")
        }
    }

    @Test(arguments: mixed.indices)
    func anXMLErrorIsPlacedOnItsLine(_ index: Int) {
        let (text, line) = Self.mixed[index]
        do {
            var reader = try XMLReader(Array(("<a>" + text + "</b>").utf8))
            while try reader.next() != nil {}
            Issue.record("a mismatched end tag was read")
        } catch {
            #expect(error.line == line && error.column == 1, "\(error)")
        }
    }
}
