import Foundation

/// Matches every code's keywords against a text in one pass: the text is cut into words once, and each
/// word is looked up in a table of the keywords that start with it (so 200 keywords cost about as much
/// as one). Keywords match whole words, ignoring case; `"multi word phrases"` match consecutive words;
/// `claim*` matches words starting with `claim`; `re:PATTERN` is a regular expression (one scan each).
struct KeywordMatcher {
    struct Rule {
        var words: [String]
        /// Each word's hash, as `matches` computes them for the text.
        var hashes: [UInt64]
        var codeIndex: Int
        var keyword: String
    }

    struct Hit: Equatable {
        var codeIndex: Int
        var keyword: String
        /// Scalar range in the text.
        var range: Range<Int>
    }

    /// The rules by the hash of their first word, as an open-addressing table over the (already well-mixed)
    /// FNV hash: a lookup per word of the corpus is the hot path, and a plain array beats a Dictionary's hashing there.
    private var table: [(hash: UInt64, rules: Int)] = []
    private var tableRules: [[Rule]] = []
    private var mask = 0
    private var prefixes: [(prefix: [UInt8], rule: Rule)] = []
    private var expressions: [(NSRegularExpression, Rule)] = []
    private(set) var problems: [Diagnostic] = []

    /// How many progress reports ICU may make while one expression scans one text: it reports about every
    /// 10,000 steps of matching, so this is some 20 million steps, well under a second. An expression that needs
    /// more backtracks catastrophically (`(a+)+$`); counting steps, not time, keeps results the same on any machine.
    static let regexProgressBudget = 2000

    /// `excluding`: `re:` keywords that ran out of budget in an earlier pass; they are left out and reported.
    init(codes: [Code], excluding: Set<String> = []) {
        var byFirstWord: [UInt64: [Rule]] = [:]
        for (index, code) in codes.enumerated() {
            for keyword in code.keywords {
                if keyword.lowercased().hasPrefix("re:") {
                    if excluding.contains(keyword) {
                        problems.append(Diagnostic(.error, at: code.location,
                                                   "keyword `\(keyword)` of `\(code.name)` was not used: matching it takes too "
                                                   + "long (more than about 20 million steps on one segment)",
                                                   hint: "rewrite it without nested repetition such as `(a+)+` or `(a|a)*`"))
                        continue
                    }
                    let pattern = String(keyword.dropFirst(3))
                    do {
                        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                        expressions.append((regex, Rule(words: [], hashes: [], codeIndex: index, keyword: keyword)))
                    } catch {
                        problems.append(Diagnostic(.error, at: code.location, "keyword `\(keyword)` of `\(code.name)` is not a valid regular expression",
                                                   hint: "check the pattern after `re:`"))
                    }
                    continue
                }
                var words: [String] = []
                KeywordMatcher.forEachWord(in: keyword) { word, _ in words.append(word) }
                guard !words.isEmpty else { continue }
                let rule = Rule(words: words, hashes: words.map { KeywordMatcher.hash($0.utf8) }, codeIndex: index, keyword: keyword)
                if words.count == 1, keyword.hasSuffix("*") {
                    prefixes.append((Array(words[0].utf8), rule))
                } else {
                    byFirstWord[rule.hashes[0], default: []].append(rule)
                }
            }
        }
        buildTable(byFirstWord)
    }

    var isEmpty: Bool { tableRules.isEmpty && prefixes.isEmpty && expressions.isEmpty }

    private mutating func buildTable(_ byFirstWord: [UInt64: [Rule]]) {
        var size = 16
        while size < byFirstWord.count * 4 { size *= 2 }
        mask = size - 1
        table = Array(repeating: (0, -1), count: size)
        for (hash, rules) in byFirstWord {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot].rules >= 0 { slot = (slot + 1) & mask }
            table[slot] = (hash, tableRules.count)
            tableRules.append(rules)
        }
    }

    @inline(__always) private func rules(for hash: UInt64) -> [Rule]? {
        guard !tableRules.isEmpty else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = table[slot]
            if entry.rules < 0 { return nil }
            if entry.hash == hash { return tableRules[entry.rules] }
            slot = (slot + 1) & mask
        }
    }

    /// Buffers reused from one text to the next, so matching a corpus does not allocate per segment.
    struct Scratch {
        fileprivate var folded: [UInt8] = []
        fileprivate var words: [Word] = []
        /// `re:` keywords that ran out of budget; they are not run again with this scratch.
        var overBudget: Set<String> = []
    }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF29CE484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001B3 }
        return h
    }

    /// A word of the text: its folded bytes (in a shared buffer), their hash, and its scalar range.
    fileprivate struct Word {
        var hash: UInt64
        var folded: Range<Int>
        var scalars: Range<Int>
    }

    func matches(in text: Substring) -> [Hit] {
        var scratch = Scratch()
        return matches(in: text, scratch: &scratch)
    }

    func matches(in text: Substring, scratch: inout Scratch) -> [Hit] {
        scratch.folded.removeAll(keepingCapacity: true)
        scratch.words.removeAll(keepingCapacity: true)
        KeywordMatcher.words(in: text, folded: &scratch.folded, words: &scratch.words)
        let folded = scratch.folded
        let words = scratch.words
        var hits: [Hit] = []
        func word(_ i: Int) -> ArraySlice<UInt8> { folded[words[i].folded] }
        for i in words.indices {
            if let rules = rules(for: words[i].hash) {
                for rule in rules {
                    guard i + rule.words.count <= words.count else { continue }
                    var ok = word(i).elementsEqual(rule.words[0].utf8)
                    var k = 1
                    while ok && k < rule.words.count {
                        ok = words[i + k].hash == rule.hashes[k] && word(i + k).elementsEqual(rule.words[k].utf8)
                        k += 1
                    }
                    if ok {
                        hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword,
                                        range: words[i].scalars.lowerBound..<words[i + rule.words.count - 1].scalars.upperBound))
                    }
                }
            }
            for (prefix, rule) in prefixes where word(i).starts(with: prefix) {
                hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword, range: words[i].scalars))
            }
        }
        if !expressions.isEmpty {
            let string = String(text)
            let ns = string as NSString
            for (regex, rule) in expressions where !scratch.overBudget.contains(rule.keyword) {
                guard let ranges = Self.matches(of: regex, in: string, length: ns.length) else {
                    scratch.overBudget.insert(rule.keyword)
                    continue
                }
                for range in ranges {
                    guard let r = Range(range, in: string) else { continue }
                    let start = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: r.lowerBound)
                    let length = string[r].unicodeScalars.count
                    hits.append(Hit(codeIndex: rule.codeIndex, keyword: rule.keyword, range: start..<(start + length)))
                }
            }
        }
        return hits
    }

    /// The non-empty matches of `regex`, or nil when it ran out of its step budget.
    private static func matches(of regex: NSRegularExpression, in string: String, length: Int) -> [NSRange]? {
        var ranges: [NSRange] = []
        var reports = 0
        var exhausted = false
        regex.enumerateMatches(in: string, options: [.reportProgress], range: NSRange(location: 0, length: length)) { match, _, stop in
            if let match {
                if match.range.length > 0 { ranges.append(match.range) }
                return
            }
            reports += 1
            if reports > regexProgressBudget {
                exhausted = true
                stop.pointee = true
            }
        }
        return exhausted ? nil : ranges
    }

    /// ASCII classes: 0 not part of a word, 1 a word byte kept as is, 2 an upper-case letter, 3 an apostrophe.
    private static let asciiClass: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 48...57, 97...122: return 1
        case 65...90: return 2
        case 39: return 3
        default: return 0
        }
    }

    /// Cuts `text` into words over its UTF-8 bytes: ASCII is classified and folded by table, other scalars
    /// go through the Unicode tables. The hash is built as bytes are folded.
    private static func words(in text: Substring, folded: inout [UInt8], words: inout [Word]) {
        var copy = text
        let classes = asciiClass
        copy.withUTF8 { buffer in
            let n = buffer.count
            var i = 0
            var scalar = 0
            var wordStart = -1
            var foldedStart = 0
            var hash: UInt64 = 0
            var pendingApostrophe = false
            var apostropheAt = 0
            @inline(__always) func add(_ byte: UInt8) {
                folded.append(byte)
                hash = (hash ^ UInt64(byte)) &* 0x100000001B3
            }
            @inline(__always) func begin() {
                if wordStart < 0 { wordStart = scalar; foldedStart = folded.count; hash = 0xCBF29CE484222325 }
                if pendingApostrophe { add(39); pendingApostrophe = false }
            }
            @inline(__always) func finish() {
                if wordStart >= 0 {
                    words.append(Word(hash: hash, folded: foldedStart..<folded.count, scalars: wordStart..<(pendingApostrophe ? apostropheAt : scalar)))
                }
                wordStart = -1
                pendingApostrophe = false
            }
            while i < n {
                let b = buffer[i]
                if b < 0x80 {
                    switch classes[Int(b)] {
                    case 1: begin(); add(b)
                    case 2: begin(); add(b + 32)
                    case 3:
                        if wordStart >= 0 && !pendingApostrophe { pendingApostrophe = true; apostropheAt = scalar } else { finish() }
                    default: finish()
                    }
                    i += 1
                    scalar += 1
                    continue
                }
                // Decode one non-ASCII scalar.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                var value = UInt32(length == 4 ? b & 0x07 : length == 3 ? b & 0x0F : length == 2 ? b & 0x1F : b)
                var k = 1
                while k < length && i + k < n { value = value << 6 | UInt32(buffer[i + k] & 0x3F); k += 1 }
                i += length
                defer { scalar += 1 }
                guard let s = Unicode.Scalar(value) else { finish(); continue }
                let p = s.properties
                if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
                    begin()
                    for byte in String(PhraseFinder.fold(s)).utf8 { add(byte) }
                } else if value == 0x2019 && wordStart >= 0 && !pendingApostrophe {
                    pendingApostrophe = true
                    apostropheAt = scalar
                } else {
                    finish()
                }
            }
            finish()
        }
    }

    /// Calls `body` with each word (lower-cased letters, digits and inner apostrophes) and its scalar range.
    static func forEachWord(in text: some StringProtocol, _ body: (String, Range<Int>) -> Void) {
        var folded: [UInt8] = []
        var found: [Word] = []
        words(in: Substring(text), folded: &folded, words: &found)
        for word in found { body(String(decoding: folded[word.folded], as: UTF8.self), word.scalars) }
    }
}
