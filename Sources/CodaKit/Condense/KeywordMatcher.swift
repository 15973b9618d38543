import Foundation

/// Matches every code's keywords against a text in one pass: the text is cut into words once, and each
/// word is looked up in a table of the keywords that start with it (so 200 keywords cost about as much
/// as one). Keywords match whole words, ignoring case; `"multi word phrases"` match consecutive words;
/// `claim*` matches words starting with `claim`; `re:PATTERN` is a regular expression (one scan each).
struct KeywordMatcher {
    struct Rule {
        var words: [String]
        var codeIndex: Int
        var keyword: String
    }

    struct Hit: Equatable {
        var codeIndex: Int
        var keyword: String
        /// Scalar range in the text.
        var range: Range<Int>
    }

    private var byFirstWord: [String: [Rule]] = [:]
    private var prefixes: [(prefix: String, rule: Rule)] = []
    private var expressions: [(NSRegularExpression, Rule)] = []
    private(set) var problems: [Diagnostic] = []

    init(codes: [Code]) {
        for (index, code) in codes.enumerated() {
            for keyword in code.keywords {
                if keyword.lowercased().hasPrefix("re:") {
                    let pattern = String(keyword.dropFirst(3))
                    do {
                        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                        expressions.append((regex, Rule(words: [], codeIndex: index, keyword: keyword)))
                    } catch {
                        problems.append(Diagnostic(.error, at: code.location, "keyword `\(keyword)` of `\(code.name)` is not a valid regular expression",
                                                   hint: "check the pattern after `re:`"))
                    }
                    continue
                }
                var words: [String] = []
                KeywordMatcher.forEachWord(in: keyword) { word, _ in words.append(word) }
                guard !words.isEmpty else { continue }
                let rule = Rule(words: words, codeIndex: index, keyword: keyword)
                if words.count == 1, keyword.hasSuffix("*") {
                    prefixes.append((words[0], rule))
                } else {
                    byFirstWord[words[0], default: []].append(rule)
                }
            }
        }
    }

    var isEmpty: Bool { byFirstWord.isEmpty && prefixes.isEmpty && expressions.isEmpty }

    func matches(in text: Substring) -> [Hit] {
        var words: [(String, Range<Int>)] = []
        KeywordMatcher.forEachWord(in: text) { words.append(($0, $1)) }
        var hits: [Hit] = []
        for (i, (word, range)) in words.enumerated() {
            if let rules = byFirstWord[word] {
                for rule in rules {
                    guard i + rule.words.count <= words.count else { continue }
                    var ok = true
                    for k in 1..<max(1, rule.words.count) where words[i + k].0 != rule.words[k] { ok = false; break }
                    if ok {
                        hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword,
                                        range: range.lowerBound..<words[i + rule.words.count - 1].1.upperBound))
                    }
                }
            }
            for (prefix, rule) in prefixes where word.hasPrefix(prefix) {
                hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword, range: range))
            }
        }
        if !expressions.isEmpty {
            let string = String(text)
            let ns = string as NSString
            for (regex, rule) in expressions {
                for match in regex.matches(in: string, range: NSRange(location: 0, length: ns.length)) where match.range.length > 0 {
                    guard let r = Range(match.range, in: string) else { continue }
                    let start = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: r.lowerBound)
                    let length = string[r].unicodeScalars.count
                    hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword, range: start..<(start + length)))
                }
            }
        }
        return hits
    }

    /// Calls `body` with each word (lower-cased letters, digits and inner apostrophes) and its scalar range.
    static func forEachWord(in text: some StringProtocol, _ body: (String, Range<Int>) -> Void) {
        var word = String.UnicodeScalarView()
        var start = 0
        var position = 0
        var pendingApostrophe = false
        func flush() {
            if !word.isEmpty { body(String(word), start..<(start + word.count)) }
            word = String.UnicodeScalarView()
            pendingApostrophe = false
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isWordScalar: Bool
            if v < 0x80 {
                isWordScalar = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            } else {
                let p = scalar.properties
                isWordScalar = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            }
            if isWordScalar {
                if word.isEmpty { start = position }
                if pendingApostrophe { word.append("'"); pendingApostrophe = false }
                word.append(PhraseFinder.fold(scalar))
            } else if (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty && !pendingApostrophe {
                pendingApostrophe = true
            } else {
                flush()
            }
            position += 1
        }
        flush()
    }
}
