import Foundation

/// Compares names the way a reader does: case and diacritics do not count (`José` = `JOSE` = `jose`),
/// so every spelling of a name in a transcript maps to one pseudonym.
enum NameFolding {
    /// The folded form of one scalar: lower case without diacritics, nil for a combining mark.
    static func fold(_ scalar: Unicode.Scalar) -> String? {
        if scalar.isASCII {
            let value = scalar.value
            return (65...90).contains(value) ? String(Unicode.Scalar(value + 32)!) : String(scalar)
        }
        if scalar.properties.generalCategory == .nonspacingMark { return nil }
        return String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A whole word or phrase folded.
    static func fold(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in text.unicodeScalars { if let folded = fold(scalar) { out += folded } }
        return out
    }

    /// Letters, digits and marks make up words; everything else separates them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9": return true
            default: return false
            }
        }
        let p = scalar.properties
        return p.isAlphabetic || p.generalCategory == .decimalNumber || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }
}

/// One word of a text, in Unicode scalar offsets, with its folded form.
struct NameToken: Sendable {
    var range: Range<Int>
    var folded: String
    var startsUpper: Bool
    var startsLower: Bool
}

extension NameToken {
    /// The words of `scalars`. An apostrophe inside a word stays in it (`O'Brien`), except a final
    /// possessive `'s`, which is left outside so `Nguyen's` is the name `Nguyen` followed by `'s`.
    static func tokens(_ scalars: [Unicode.Scalar]) -> [NameToken] {
        var tokens: [NameToken] = []
        var i = 0
        let n = scalars.count
        while i < n {
            guard NameFolding.isWordScalar(scalars[i]) else { i += 1; continue }
            let start = i
            while i < n {
                if NameFolding.isWordScalar(scalars[i]) {
                    i += 1
                } else if NameFolding.isApostrophe(scalars[i]), i + 1 < n, NameFolding.isWordScalar(scalars[i + 1]) {
                    let possessive = (scalars[i + 1] == "s" || scalars[i + 1] == "S")
                        && (i + 2 == n || !NameFolding.isWordScalar(scalars[i + 2]))
                    if possessive { break }
                    i += 1
                } else {
                    break
                }
            }
            var folded = ""
            for scalar in scalars[start..<i] { if let f = NameFolding.fold(scalar) { folded += f } }
            let first = scalars[start].properties
            tokens.append(NameToken(range: start..<i, folded: folded, startsUpper: first.isUppercase,
                                    startsLower: first.isLowercase))
        }
        return tokens
    }
}
