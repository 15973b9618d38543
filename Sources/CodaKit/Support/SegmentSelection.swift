/// A set of segment numbers as researchers write it: `4`, `4-9`, `4,7`, `2-3,8`.
public struct SegmentSelection: Sendable, Hashable {
    public let numbers: [Int]

    public init(numbers: [Int]) { self.numbers = Array(Set(numbers)).sorted() }

    public init(parsing text: String) throws(SegmentSelectionError) {
        var result: [Int] = []
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .invalid(text) }
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = String(part).trimmingWhitespace()
            let bounds = piece.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard bounds.count <= 2, let low = Int(bounds[0]), low >= 1 else { throw .invalid(text) }
            if bounds.count == 2 {
                guard let high = Int(bounds[1]), high >= 1 else { throw .invalid(text) }
                guard high >= low else { throw .reversed(piece) }
                guard high - low < 1_000_000 else { throw .invalid(text) }
                result.append(contentsOf: low...high)
            } else {
                result.append(low)
            }
        }
        self.init(numbers: result)
    }

    /// The numbers written back compactly, `2-4,8`.
    public var compact: String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])-\(numbers[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}

public enum SegmentSelectionError: CodaError {
    case invalid(String)
    case reversed(String)

    public var diagnostic: Diagnostic {
        switch self {
        case .invalid(let text):
            return Diagnostic(.error, at: nil, "`\(text)` is not a list of segment numbers",
                              hint: "write segments as in `coda show`: 4, 4-9 or 4,7 (numbers start at 1)")
        case .reversed(let text):
            return Diagnostic(.error, at: nil, "the range `\(text)` runs backwards", hint: "write the smaller number first")
        }
    }

    public var isUsageError: Bool { true }
}
