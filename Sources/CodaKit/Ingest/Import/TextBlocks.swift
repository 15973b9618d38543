/// A numbered line of a text source.
struct NumberedLine: Equatable, Sendable {
    var number: Int
    var text: String
}

/// Splits text into blocks separated by blank (whitespace-only) lines, the shape of WebVTT and SRT files.
enum TextBlocks {
    static func split(_ text: String) -> [[NumberedLine]] {
        var blocks: [[NumberedLine]] = []
        var current: [NumberedLine] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(NumberedLine(number: index + 1, text: String(line)))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}
