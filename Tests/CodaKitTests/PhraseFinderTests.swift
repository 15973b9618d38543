import Testing
@testable import CodaKit

@Suite struct PhraseFinderTests {
    @Test func asciiShortcutAgreesWithUnicodeProperties() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let expected = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(PhraseFinder.isWordScalar(scalar) == expected, "U+\(String(value, radix: 16))")
            #expect(PhraseFinder.isSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmingSkipsNothingItShouldTrim() {
        #expect("a b".trimmingWhitespace() == "a b")
        #expect(" a\t".trimmingWhitespace() == "a")
        #expect("\u{A0}é\u{2003}".trimmingWhitespace() == "é")
        #expect("x\u{A0}".trimmingWhitespace() == "x")
    }

    @Test func wholeWordsOnlyAcrossAccentsAndDigits() {
        let text: Substring = "Le café fermé, 2fé et fé ouvert; Fé\n  OUVERT encore"
        #expect(PhraseFinder.find("fé", in: text).count == 2)
        #expect(PhraseFinder.find("fé ouvert", in: text) == [22..<31, 33..<44])
        #expect(PhraseFinder.find("afé", in: text).isEmpty)
    }
}
