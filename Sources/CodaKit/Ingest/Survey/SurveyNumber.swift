import Foundation

/// Reads a survey answer as a number: `42`, `-3.5`, and `3,5` where the export writes decimal commas.
enum SurveyNumber {
    static func parse(_ text: String, decimalComma: Bool) -> Double? {
        var t = text.trimmingWhitespace()
        guard !t.isEmpty, t.count <= 20 else { return nil }
        if decimalComma, !t.contains("."), t.filter({ $0 == "," }).count == 1 {
            t = t.replacingOccurrences(of: ",", with: ".")
        }
        guard t.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }), let value = Double(t), value.isFinite else {
            return nil
        }
        return value
    }
}
