import Foundation
import Testing
@testable import CodaKit

@Suite struct CodingFileTests {
    let coding = Coding(document: "P01", code: "Problems/Queues", start: 10, end: 20, firstSegment: 2, lastSegment: 3, coder: "alice",
                        time: "2026-11-25T13:02:00Z", fingerprint: "0a1b2c3d", excerpt: "tab\there\nand \\ slash", memo: "memo\twith tab")

    @Test func roundTripsEveryFieldThroughText() {
        let text = CodingFile.render([coding])
        let parsed = CodingFile.parse(text, path: "Codings/alice/P01.tsv")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.codings == [coding])
        let line = text.split(separator: "\n")[1]
        #expect(line == "P01\t2-3\t10\t20\tProblems/Queues\talice\t2026-11-25T13:02:00Z\t0a1b2c3d\ttab\\there\\nand \\\\ slash\tmemo\\twith tab")
    }

    @Test func memoWithWindowsLineEndsSurvivesSaveAndLoad() throws {
        let root = CondenseFixture.make()
        let project = Project.load(root)
        let document = try project.document("P01")
        let tagger = Tagger(project: project, coder: "alice", time: "2026-11-25T13:02:00Z")
        let code = try project.codebook.resolve("Queues")
        let memo = "first line\r\nsecond line"
        _ = try tagger.tag(document, spans: [document.segments[1].range], codes: [code], memo: memo)
        let reloaded = Project.load(root)
        #expect(reloaded.diagnostics.isEmpty)
        #expect(reloaded.codings.map(\.memo) == [memo])
    }

    @Test func sortsByPositionSoDiffsAreSmall() {
        var later = coding
        later.start = 30
        later.end = 40
        var earlier = coding
        earlier.start = 1
        earlier.code = "A"
        let text = CodingFile.render([later, coding, earlier])
        let starts = CodingFile.parse(text, path: "x").codings.map(\.start)
        #expect(starts == [1, 10, 30])
    }

    @Test func badLinesAreReportedAndKeptOnRewrite() {
        let text = CodingFile.header + "\nP01\t2\tten\t20\tQueues\talice\tt\tf\tx\t\nonly\tthree\tfields\n"
        let parsed = CodingFile.parse(text, path: "Codings/alice/P01.tsv")
        #expect(parsed.codings.isEmpty)
        #expect(parsed.diagnostics.map(\.description) == [
            "Codings/alice/P01.tsv:2: error: the segments, start or end of this coding are not numbers (start ≤ end)\n  hint: fix the line by hand, or delete it and tag again",
            "Codings/alice/P01.tsv:3: error: this coding has 3 fields; a coding line has 10, separated by tabs\n  hint: fix the line by hand, or delete it and tag again",
        ])
        let rewritten = CodingFile.render([coding], unreadable: parsed.unreadable)
        #expect(rewritten.contains("only\tthree\tfields"))
        #expect(rewritten.contains("P01\t2\tten\t20"))
    }

    @Test func fingerprintIsStableAndShort() {
        #expect(fingerprint("How do I claim JHT?") == fingerprint("How do I claim JHT?"))
        #expect(fingerprint("How do I claim JHT?") != fingerprint("How do I claim JHT!"))
        #expect(fingerprint("").count == 8)
        #expect(fingerprint("a") == "e40c292c")  // FNV-1a 32 of "a", as published
    }
}
