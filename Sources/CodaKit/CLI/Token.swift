/// A command-line word after a first split: an option (with its value when written `--opt=value`)
/// or a plain argument. Everything after `--` is a plain argument, and so is a word like `--two words`.
enum Token: Equatable {
    case option(name: String, value: String?)
    case argument(String)

    static func split(_ words: [String]) -> [Token] {
        var tokens: [Token] = []
        var rest = false
        for word in words {
            if rest { tokens.append(.argument(word)); continue }
            if word == "--" { rest = true; continue }
            // A word whose would-be option name holds a space is text (a memo "--not an option, a dash"), not an option.
            let name = word.dropFirst(2).prefix { $0 != "=" }
            if word.hasPrefix("--"), word.count > 2, !name.contains(where: \.isWhitespace) {
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
