import Foundation

/// A deterministic synthetic project for benchmarks and load tests: transcripts of realistic length with
/// speaker turns, a codebook with keywords, codings by two coders and a survey with an open question.
/// The same parameters always give the same files.
public struct SyntheticProject: Sendable {
    public var transcripts: Int
    public var wordsPerTranscript = 2000
    public var codes = 200
    /// Codings per transcript per coder (two coders).
    public var codingsPerTranscript = 10
    public var respondents: Int

    public init(transcripts: Int, respondents: Int? = nil) {
        self.transcripts = transcripts
        self.respondents = respondents ?? max(50, transcripts)
    }

    /// A small deterministic generator (SplitMix64), so no run depends on the system's random numbers.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    static let syllables = ["ka", "ri", "mo", "ta", "ne", "lu", "sa", "pe", "do", "gi", "ra", "vo", "mi", "ba", "te", "ku", "la", "so", "ni", "pa"]

    /// Words 0..<n, built from syllables; word i always spells the same.
    static func vocabulary(_ n: Int) -> [String] {
        (0..<n).map { i in
            var word = ""
            var x = i
            repeat { word += syllables[x % syllables.count]; x /= syllables.count } while x > 0
            return word + (i % 7 == 0 ? "s" : "")
        }
    }

    /// Writes the project into `root` (which should be empty). Returns the number of bytes of transcript text.
    @discardableResult
    public func write(to root: URL) throws -> Int {
        let fm = FileManager.default
        let vocabulary = SyntheticProject.vocabulary(3000)
        var g = Generator(state: 42)
        // Codebook: parents of ten children each; each leaf has a word and a two-word phrase as keywords.
        var codebook = "# Synthetic codebook\n"
        var leaves: [String] = []
        let parents = max(1, codes / 10)
        // Keywords are words that ordinary text never uses (the text draws from the commonest 600), so each
        // hit is a keyword placed on purpose, about 8 in 1,000 words: a realistic density for autocoding.
        var keywordWords: [String] = []
        for p in 0..<parents {
            codebook += "\n## Theme \(p + 1)\nDefinition: A synthetic theme.\n"
            for c in 0..<9 where leaves.count + parents < codes {
                let word = vocabulary[1000 + (p * 9 + c) * 7 % 1000]
                let phrase = "\(vocabulary[2100 + c]) \(vocabulary[2200 + p % 40])"
                keywordWords.append(word)
                keywordWords.append(phrase)
                codebook += "\n### Code \(p + 1).\(c + 1)\nDefinition: A synthetic code.\nKeywords: \(word), \"\(phrase)\"\n"
                leaves.append("Theme \(p + 1)/Code \(p + 1).\(c + 1)")
            }
        }
        try AtomicFile.write(codebook, to: root.appendingPathComponent("Codebooks/synthetic.md"))
        try fm.createDirectory(at: root.appendingPathComponent("Transcripts"), withIntermediateDirectories: true)

        var bytes = 0
        let coders = ["coder-a", "coder-b"]
        for t in 0..<transcripts {
            let id = String(format: "T%05d", t + 1)
            var body = ""
            var segments: [(start: Int, end: Int, text: String)] = []
            var words = 0
            var scalar = 0
            var turn = 0
            while words < wordsPerTranscript {
                let speaker = turn % 2 == 0 ? "Interviewer" : "Participant"
                let length = turn % 2 == 0 ? 8 + g.int(20) : 20 + g.int(120)
                var text = ""
                for w in 0..<length {
                    // Mostly common words (Zipf-like), sometimes a keyword.
                    let r = g.int(1000)
                    let word = r < 8 ? keywordWords[g.int(keywordWords.count)] : vocabulary[min(2999, Int(pow(Double(g.int(3000) + 1), 0.8)))]
                    text += (w == 0 ? "" : " ") + word
                }
                text += "."
                let label = "[\(Timestamp(seconds: Double(turn * 17)).text)] \(speaker): "
                let start = scalar + label.unicodeScalars.count
                body += label + text + "\n\n"
                segments.append((start, start + text.unicodeScalars.count, text))
                scalar += label.unicodeScalars.count + text.unicodeScalars.count + 2
                words += length
                turn += 1
            }
            let header = "---\nid: \(id)\ncase: \(id)\nrole: \(["participant", "officer", "manager"][t % 3])\nphase: \(t % 2 == 0 ? "before" : "after")\ndate: 2024-\(String(format: "%02d", t % 12 + 1))-15\n---\n"
            let text = header + body
            bytes += text.utf8.count
            try Data(text.utf8).write(to: root.appendingPathComponent("Transcripts/\(id).md"))
            for coder in coders {
                var codings: [Coding] = []
                for _ in 0..<codingsPerTranscript {
                    let s = g.int(segments.count)
                    let segment = segments[s]
                    codings.append(Coding(document: id, code: leaves[g.int(leaves.count)], start: segment.start, end: segment.end,
                                          firstSegment: s + 1, lastSegment: s + 1, coder: coder, time: "2024-06-01T10:00:00Z",
                                          fingerprint: fingerprint(segment.text), excerpt: Coding.excerpt(of: Substring(segment.text)), memo: ""))
                }
                let url = root.appendingPathComponent("Codings/\(coder)/\(id).tsv")
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(CodingFile.render(codings).utf8).write(to: url)
            }
        }
        var csv = "respondent,group,Q1. Satisfied?,Q2. What would you change?\n"
        for r in 0..<respondents {
            var answer = ""
            if r % 3 != 0 {
                for w in 0..<(5 + g.int(25)) { answer += (w == 0 ? "" : " ") + vocabulary[g.int(600)] }
            }
            csv += "R\(r + 1),\(["a", "b", "c", "d"][r % 4]),\(g.int(10) < 6 ? "No" : "Yes"),\(answer)\n"
        }
        try Data(csv.utf8).write(to: root.appendingPathComponent("Transcripts/survey.csv"))
        try Data("respondent: id\ngroup: attribute\nQ1: closed\nQ2: open\n".utf8).write(to: root.appendingPathComponent("Transcripts/survey.columns"))
        return bytes
    }
}
