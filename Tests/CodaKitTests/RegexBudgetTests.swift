import Foundation
import Testing
@testable import CodaKit

/// A `re:` keyword that backtracks catastrophically stops at its step budget: it is left out of the whole run and
/// reported, and every other keyword still matches.
@Suite struct RegexBudgetTests {
    static func code(_ name: String, _ keywords: [String]) -> Code {
        var code = Code(name: name, pathComponents: [name], location: SourceLocation(file: "c.md", line: 3))
        code.keywords = keywords
        return code
    }

    @Test func aCatastrophicExpressionRunsOutOfBudgetQuickly() {
        let matcher = KeywordMatcher(codes: [Self.code("Bad", ["re:(a+)+$"]), Self.code("Good", ["re:queue(s)?", "aaa*"])])
        let text = Substring(String(repeating: "a", count: 100) + "! The queues.")
        var scratch = KeywordMatcher.Scratch()
        let started = Date()
        let hits = matcher.matches(in: text, scratch: &scratch)
        #expect(Date().timeIntervalSince(started) < 5, "stopped by the budget, not after minutes")
        #expect(scratch.overBudget == ["re:(a+)+$"])
        #expect(hits.map(\.keyword).sorted() == ["aaa*", "re:queue(s)?"])
        // The same expression on a short text finishes and matches.
        var fresh = KeywordMatcher.Scratch()
        #expect(matcher.matches(in: "aaa", scratch: &fresh).map(\.keyword).contains("re:(a+)+$"))
    }

    @Test func autocodeLeavesTheSlowKeywordOutAndSaysSo() throws {
        let codebook = CondenseFixture.codebook.replacingOccurrences(of: "Keywords: banner", with: "Keywords: banner, re:(a+)+$")
        let transcript = "---\nid: P09\n---\nAli: " + String(repeating: "a", count: 100) + "!\n\nAli: aaaa\n\nBudi: The queue again.\n"
        let root = CondenseFixture.make(extra: ["Codebooks/codebook.md": codebook, "Transcripts/P09.md": transcript])
        let started = Date()
        let run = TestSupport.run(["autocode", "--document", "P09", "--dry-run", "--list", "--format", "tsv"], in: root)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("keyword `re:(a+)+$` of `Banner` was not used: matching it takes too long"), "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").dropFirst().prefix(3).joined(separator: " ") }
        #expect(rows == ["P09 3 Problems/Queues"], "no Banner suggestion, not even on the short segment; Queues still found")
        let count = TestSupport.run(["autocode", "--document", "P09", "--count", "--format", "tsv"], in: root)
        #expect(count.code == .problemsFound)
        #expect(count.stdout.contains("Media/Banner\t0\t0"), "\(count.stdout)")
    }
}
