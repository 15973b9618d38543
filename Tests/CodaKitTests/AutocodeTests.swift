import Foundation
import Testing
@testable import CodaKit

@Suite struct AutocodeTests {
    let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    func code(_ name: String, _ keywords: [String]) -> Code {
        var c = Code(name: name, pathComponents: [name], location: SourceLocation(file: "c.md", line: 1))
        c.keywords = keywords
        return c
    }

    @Test func matchesWholeWordsPhrasesPrefixesAndExpressions() {
        let matcher = KeywordMatcher(codes: [code("Q", ["queue", "queue number"]), code("J", ["jht", "claim*"]), code("R", ["re:\\bX-?banners?\\b"])])
        let text: Substring = "The Queue-number was long; queues everywhere. JHT claims, claimed, reclaim. An X-banner! Xbanners"
        let hits = matcher.matches(in: text).map { "\($0.codeIndex):\($0.keyword):\(text.unicodeScalars.dropFirst($0.range.lowerBound).prefix($0.range.count).map(String.init).joined())" }
        #expect(hits == ["0:queue:Queue", "0:queue number:Queue-number", "1:jht:JHT", "1:claim*:claims", "1:claim*:claimed",
                         "2:re:\\bX-?banners?\\b:X-banner", "2:re:\\bX-?banners?\\b:Xbanners"])
    }

    @Test func foldsNonASCIILettersAndMatchesThemWhole() {
        let matcher = KeywordMatcher(codes: [code("C", ["café", "pengkinian data", "don't"])])
        let text: Substring = "CAFÉ-au-lait; the cafés; PENGKINIAN\n data; Don’t wait; Zoë’s"
        #expect(matcher.matches(in: text).map { "\($0.keyword)@\($0.range)" } == ["café@0..<4", "pengkinian data@25..<41", "don't@43..<48"])
    }

    @Test func hitRangesAreRightAroundNonASCIILetters() {
        let matcher = KeywordMatcher(codes: [code("C", ["émile", "café", "sari"])])
        let text: Substring = "Émile, café—Sari"
        #expect(matcher.matches(in: text).map { "\($0.keyword)@\($0.range)" } == ["émile@0..<5", "café@7..<11", "sari@12..<16"])
    }

    @Test func wordsAreSplitOnPunctuationButKeepApostrophes() {
        var words: [String] = []
        KeywordMatcher.forEachWord(in: "Don’t wait—it's Zoë's ID123, ok?") { w, _ in words.append(w) }
        #expect(words == ["don't", "wait", "it's", "zoë's", "id123", "ok"])
    }

    @Test func suggestionsAreWholeSegmentsAndSkipWhatIsCoded() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "2", "Queues"], in: root, environment: env)
        let dry = TestSupport.run(["autocode", "--dry-run", "--list", "--format", "tsv"], in: root, environment: env)
        #expect(dry.code == .success)
        let rows = dry.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").dropFirst().prefix(4).joined(separator: " ") }
        #expect(rows == [
            "P01 4 Flower of Service/Information which documents",
            "P01 4 Flower of Service/Order taking queue number",
            "P01 4 Problems/Queues queue",
            "P01 4 Problems/JHT claims JHT, re:claim(s|ed)?",
            "P01 6 Media/Banner banner",
            "survey:Q2 1 Problems/Queues queues",
            "survey:Q2 3 Flower of Service/Information information, which documents",
        ])
        #expect(Project.load(root).suggestions.isEmpty)
        let summary = TestSupport.run(["autocode", "--dry-run", "--format", "tsv"], in: root, environment: env).stdout
        #expect(summary.split(separator: "\n").contains("Problems/Queues\t2\t2"))
        #expect(TestSupport.run(["autocode", "--code", "Problems"], in: root, environment: env).code == .success)
        let project = Project.load(root)
        #expect(project.suggestions.map(\.code).sorted() == ["Problems/JHT claims", "Problems/Queues", "Problems/Queues"])
        #expect(project.humanCodings.count == 1)
        // Running again suggests nothing new.
        #expect(TestSupport.run(["autocode", "--code", "Problems"], in: root, environment: env).stdout.contains("0 new suggestions"))
    }

    @Test func speakerRulesSuggestTurnsOfMatchingSpeakers() {
        let root = CondenseFixture.make(extra: ["Transcripts/P02.md": "Pak Budi: I saw nothing.\nInterviewer: Really?\nPak Budi: Really.\n"])
        _ = TestSupport.run(["autocode", "--code", "Banner", "--document", "P02"], in: root, environment: env)
        #expect(Project.load(root).suggestions.map(\.segmentLabel) == ["1", "3"])
    }

    @Test func notSpeakerSkipsThatSpeakersTurns() {
        let root = CondenseFixture.make(extra: ["Transcripts/P02.md": "Interviewer: Did you see a banner?\nPak Budi: A banner, yes.\nInterviewer: Where was the banner?\nPak Budi: Near the gate.\n"])
        let all = TestSupport.run(["autocode", "--dry-run", "--list", "--code", "Media/Banner", "--document", "P02", "--format", "tsv"], in: root, environment: env)
        #expect(all.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[2] } == ["1", "2", "3", "4"])
        _ = TestSupport.run(["autocode", "--code", "Media/Banner", "--document", "P02", "--not-speaker", "Interv*"], in: root, environment: env)
        #expect(Project.load(root).suggestions.map(\.segmentLabel) == ["2", "4"])
        let again = TestSupport.run(["autocode", "--code", "Media/Banner", "--document", "P02", "--format", "md"], in: root, environment: env)
        #expect(again.stdout.contains("2 new suggestions saved"))
        #expect(again.stdout.contains("Not suggested: 0 hits in segments that already have the code, 2 suggested or rejected before."))
    }

    @Test func acceptAndRejectBySuggestionID() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["autocode"], in: root, environment: env)
        var project = Project.load(root)
        let queues = project.suggestions.filter { $0.code == "Problems/Queues" }.sorted { $0.start < $1.start }
        let banner = try #require(project.suggestions.first { $0.code == "Media/Banner" })
        let accept = TestSupport.run(["suggestions", "accept", Suggestions.id(queues[0])], in: root, environment: env)
        #expect(accept.stdout == "accepted 1 suggestion as codings of alice\n")
        #expect(TestSupport.run(["suggestions", "reject", Suggestions.id(banner)], in: root, environment: env).code == .success)
        project = Project.load(root)
        #expect(project.humanCodings.map(\.code) == ["Problems/Queues"])
        #expect(project.humanCodings.first?.memo == "")
        #expect(!project.suggestions.contains { $0.code == "Media/Banner" })
        #expect(project.rejectedSuggestions.map(\.code) == ["Media/Banner"])
        // Rejected and accepted suggestions are not made again.
        _ = TestSupport.run(["autocode"], in: root, environment: env)
        project = Project.load(root)
        #expect(!project.suggestions.contains { $0.code == "Media/Banner" })
        #expect(project.suggestions.filter { $0.code == "Problems/Queues" }.count == queues.count - 1)
        let unknown = TestSupport.run(["suggestions", "accept", "zzzzzzz"], in: root, environment: env)
        #expect(unknown.stderr.hasPrefix("error: there is no suggestion `zzzzzzz`"))
        #expect(TestSupport.run(["suggestions", "accept"], in: root, environment: env).code == .usage)
        let all = TestSupport.run(["suggestions", "accept", "--all", "--document", "P01"], in: root, environment: env)
        #expect(all.code == .success)
        #expect(Project.load(root).suggestions.allSatisfy { $0.document != "P01" })
    }
}
