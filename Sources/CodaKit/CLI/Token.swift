/// A command-line word after a first split: an option (with its value when written `--opt=value`)
/// or a plain argument. Everything after `--` is a plain argument.
enum Token: Equatable {
    case option(name: String, value: String?)
    case argument(String)

    static func split(_ words: [String]) -> [Token] {
        var tokens: [Token] = []
        var rest = false
        for word in words {
            if rest { tokens.append(.argument(word)); continue }
            if word == "--" { rest = true; continue }
            if word.hasPrefix("--"), word.count > 2 {
                let body = word.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    tokens.append(.option(name: String(body[..<eq]), value: String(body[body.index(after: eq)...])))
                } else {
                    tokens.append(.option(name: String(body), value: nil))
                }
            } else if word.hasPrefix("-"), word.count == 2, let letter = word.last, letter.isLetter {
                tokens.append(.option(name: String(letter), value: nil))
            } else {
                tokens.append(.argument(word))
            }
        }
        return tokens
    }
}
