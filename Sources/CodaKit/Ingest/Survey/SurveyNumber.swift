import Foundation

/// Reads a survey answer as a number: `42`, `-3.5`, and `3,5` where the export writes decimal commas.
enum SurveyNumber {
    static func parse(_ text: String, decimalComma: Bool) -> Double? {
        var t = text.trimmingWhitespace()
        guard !t.isEmpty, t.count <= 20 else { return nil }
        if decimalComma {
            // `2.329` and `1.250.000,5` group thousands with dots; any other dot is ambiguous, so not a number.
            if t.contains(".") {
                let groups = t.split(separator: ",", maxSplits: 1)[0].split(separator: ".", omittingEmptySubsequences: false)
                guard groups.count > 1, (1...3).contains(groups[0].filter(\.isASCIIDigit).count),
                      groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                t = t.replacingOccurrences(of: ".", with: "")
            }
            if t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
        }
        guard t.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }), let value = Double(t), value.isFinite else {
            return nil
        }
        return value
    }
}
