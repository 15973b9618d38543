/// What a researcher records explicitly for the verification checks, as a tag anywhere in a memo: a memo
/// on a code, on the project or on a coding (`--memo`) containing `#rival` weighs a rival explanation; a
/// coding whose memo contains `#negative` is a negative case the researcher examined. Plain text, so the
/// marks are read, diffed and searched like every other note.
enum EvidenceMark: String, CaseIterable {
    case rival = "#rival"
    case negative = "#negative"

    /// Whether the text carries this mark as a word of its own (`#rival`, not `#rivalry`).
    func isIn(_ text: String) -> Bool {
        let lower = text.lowercased()
        var search = lower.startIndex..<lower.endIndex
        while let found = lower.range(of: rawValue, range: search) {
            let next = found.upperBound < lower.endIndex ? lower[found.upperBound] : " "
            if !next.isLetter && !next.isNumber && next != "-" && next != "_" { return true }
            search = found.upperBound..<lower.endIndex
        }
        return false
    }
}
