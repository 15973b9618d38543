/// Dates as REFI-QDA wants them (`xsd:dateTime`), made only from dates already in the project: coding times
/// (`2022-08-29T14:10:00Z`) and memo dates (`2022-08-25 10:28`, UTC). Anything else is left out rather than guessed.
enum RefiDate {
    static func dateTime(fromCodingTime time: String) -> String? {
        let text = time.trimmingWhitespace()
        guard text.count >= 19, isDate(text.prefix(10)), text.dropFirst(10).first == "T", isTime(text.dropFirst(11).prefix(8)) else { return nil }
        var rest = text.dropFirst(19)
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
        }
        guard rest.isEmpty || rest == "Z" || isOffset(rest) else { return nil }
        return text
    }

    static func dateTime(fromMemoDate date: String) -> String? {
        let text = date.trimmingWhitespace()
        if text.count == 16, isDate(text.prefix(10)), text.dropFirst(10).first == " ", isTime(text.dropFirst(11) + ":00") {
            return text.prefix(10) + "T" + text.dropFirst(11) + ":00Z"
        }
        if text.count == 10, isDate(Substring(text)) { return text + "T00:00:00Z" }
        return dateTime(fromCodingTime: text)
    }

    /// A REFI date-time as Coda's coding time: seconds precision, UTC `Z` when no offset is given.
    static func codingTime(fromDateTime value: String) -> String {
        guard let valid = dateTime(fromCodingTime: value) else { return "" }
        var text = String(valid.prefix(19))
        let zone = valid.dropFirst(19).drop { $0 == "." || ($0.isASCII && $0.isNumber) }
        text += zone.isEmpty ? "Z" : String(zone)
        return text
    }

    /// A REFI date-time as a memo heading date (`2022-08-25 10:28`).
    static func memoDate(fromDateTime value: String?) -> String {
        guard let value, let valid = dateTime(fromCodingTime: value) else { return "" }
        return valid.prefix(10) + " " + valid.dropFirst(11).prefix(5)
    }

    private static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func isTime(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.map(\.count) == [2, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func isOffset(_ text: Substring) -> Bool {
        guard let sign = text.first, sign == "+" || sign == "-" else { return false }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        return parts.map(\.count) == [2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
