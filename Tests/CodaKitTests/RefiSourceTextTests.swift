import Foundation
import Testing
@testable import CodaKit

/// `RefiSourceText` maps positions through the few wide scalars and dropped CRs only; on seeded random texts of
/// ASCII, accented letters, CJK, emoji, CRLF and lone CRs it agrees, at every position in every unit, with the
/// obvious reading: walk the stored scalars, counting each one's width in the unit.
struct RefiSourceTextTests {
    /// Coda's offset for each position in `unit`, nil inside a scalar, worked out scalar by scalar.
    static func reference(_ decoded: String, unit: RefiSourceText.Unit) -> [Int?] {
        let raw = Array(decoded.unicodeScalars)
        var table: [Int?] = []
        var coda = 0
        for (i, scalar) in raw.enumerated() {
            let width = unit == .codePoints ? 1 : unit == .utf16 ? UTF16.width(scalar) : UTF8.width(scalar)
            table.append(coda)
            table += Array(repeating: nil, count: width - 1)
            let droppedCR = scalar == "\r" && i + 1 < raw.count && raw[i + 1] == "\n"
            if !droppedCR { coda += 1 }
        }
        table.append(coda)
        return table
    }

    @Test func positionsAgreeWithAScalarByScalarReading() {
        let pieces = ["a", "queue ", "é", "日本", "😀", "\r\n", "\r", "\n", "👩‍👩‍👧", "\u{301}", "Z"]
        var random = ZipTestRandom(seed: 2026)
        for _ in 0..<200 {
            let decoded = (0..<Int.random(in: 0...40, using: &random))
                .map { _ in pieces.randomElement(using: &random)! }.joined()
            let text = RefiSourceText(decoded: decoded)
            var linefeeds = String.UnicodeScalarView()
            let scalars = Array(decoded.unicodeScalars)
            for (i, scalar) in scalars.enumerated() {
                if scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { continue }
                linefeeds.append(scalar == "\r" ? "\n" : scalar)
            }
            #expect(text.text.unicodeScalars.elementsEqual(linefeeds), "\(decoded.debugDescription)")
            #expect(text.hadCR == decoded.unicodeScalars.contains("\r"))
            for unit in RefiSourceText.Unit.allCases {
                let expected = Self.reference(decoded, unit: unit)
                #expect(text.length(in: unit) == expected.count - 1)
                let mapped = (-1...expected.count).map { text.offset($0, in: unit) }
                #expect(mapped == [nil] + expected + [nil], "\(unit) in \(decoded.debugDescription)")
            }
        }
    }
}
