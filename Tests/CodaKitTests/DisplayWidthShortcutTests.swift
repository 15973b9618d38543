import Testing
@testable import CodaKit

/// The shortcuts for plain ASCII text (a matrix of 10,000 cases has two million cells of a few digits) give what
/// measuring and wrapping scalar by scalar gives.
@Suite struct DisplayWidthShortcutTests {
    static let texts = ["", "0", "12", "+++", "✓", "T00001", "Theme 1", "a\tb", "line\nbreak", "del\u{7F}", "café",
                        "e\u{301}", "日本語", "`code`", "`odd", "Trust/Suspicion-Distrust",
                        "averyveryverylongwordwithoutspaces", "2026-11-25"]

    @Test(arguments: texts)
    func widthIsTheSumOfEachScalarsWidth(text: String) {
        #expect(DisplayWidth.of(text) == text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    /// A trailing space sends the same words through the general wrap, which drops it.
    @Test(arguments: texts)
    func aShortWordWrapsAsTheGeneralWrapDoes(text: String) {
        for width in [0, 1, 2, 3, 5, 8, 12, 40] {
            let general = text.isEmpty ? [""] : DisplayWidth.wrap(text + " ", width: width)
            #expect(DisplayWidth.wrap(text, width: width) == general, "\(text) at \(width)")
        }
    }

    @Test func onlyPrintableASCIIWithoutSpacesWithinTheWidthIsAShortWord() {
        #expect(DisplayWidth.isOneShortWord("123", width: 3))
        #expect(!DisplayWidth.isOneShortWord("123", width: 2))
        #expect(!DisplayWidth.isOneShortWord("1 2", width: 5))
        #expect(!DisplayWidth.isOneShortWord("✓", width: 5))
        #expect(!DisplayWidth.isOneShortWord("a\u{7F}", width: 5))
        #expect(DisplayWidth.plainWidth("a b~") == 4)
        #expect(DisplayWidth.plainWidth("a\nb") == nil)
    }
}
