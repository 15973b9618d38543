import Foundation
import Testing
@testable import CodaKit

/// Researchers edit transcripts after coding: codings must follow their words, or be reported.
@Suite struct AnchoringTests {
    let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    func edit(_ root: URL, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent("Transcripts/P01.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    func codedText(_ project: Project, _ code: String) throws -> String {
        let coding = try #require(project.codings.first { $0.code.hasSuffix(code) })
        return String(try project.document(coding.document).text(in: coding.range))
    }

    @Test func insertingAParagraphAboveMovesTheCodings() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "4", "JHT claims"], in: root, environment: env)
        _ = TestSupport.run(["tag", "P01", "6", "Banner", "--phrase", "banner in the lobby"], in: root, environment: env)
        try edit(root) { $0.replacingOccurrences(of: "[00:00:40] Interviewer:", with: "[00:00:30] Interviewer: Sorry, my phone.\n\n[00:00:35] Bu Sari: No problem.\n\n[00:00:40] Interviewer:") }
        let project = Project.load(root)
        #expect(project.movedCodings.count == 2)
        #expect(project.unplacedCodings.isEmpty)
        #expect(try codedText(project, "JHT claims").hasPrefix("My JHT claim. Nobody told me"))
        #expect(try codedText(project, "Banner") == "banner in the lobby")
        #expect(project.codings.first { $0.code.hasSuffix("JHT claims") }?.segmentLabel == "6")
        let check = TestSupport.run(["check"], in: root, environment: env)
        #expect(check.code == .success)
        #expect(check.stdout.contains("2 codings followed their words to a new place"))
        let fix = TestSupport.run(["check", "--fix"], in: root, environment: env)
        #expect(fix.stderr == "saved the new positions of 2 codings\n")
        let after = Project.load(root)
        #expect(after.movedCodings.isEmpty)
        #expect(after.codings.first { $0.code.hasSuffix("JHT claims") }?.segmentLabel == "6")
    }

    @Test func aTypoFixedInsideTheSpanIsFollowed() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "4", "JHT claims"], in: root, environment: env)
        try edit(root) { $0.replacingOccurrences(of: "Nobody told me which", with: "Nobody told me exactly which") }
        let project = Project.load(root)
        #expect(project.unplacedCodings.isEmpty)
        #expect(try codedText(project, "JHT claims") == "My JHT claim. Nobody told me exactly which documents to bring,\nso I came back twice. The queue number system is confusing.")
    }

    @Test func aDeletedTurnIsReportedNotMoved() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "6", "Banner"], in: root, environment: env)
        _ = TestSupport.run(["tag", "P01", "2", "Queues"], in: root, environment: env)
        try edit(root) { text in
            text.replacingOccurrences(of: "[00:01:33] Bu Sari: The banner in the lobby showed the app. My data was outdated.\n", with: "")
        }
        let project = Project.load(root)
        #expect(project.unplacedCodings.count == 1)
        #expect(project.unplacedCodings.first?.reason == "the coded words are no longer in the document")
        #expect(project.codings.map(\.code) == ["Problems/Queues"])
        let check = TestSupport.run(["check", "--format", "tsv"], in: root, environment: env)
        #expect(check.code == .problemsFound)
        #expect(check.stdout.contains("error\tCodings/alice/P01.tsv\t\tP01 ¶6 `Media/Banner` (alice): the coded words are no longer in the document; it was on “The banner in the lobby showed the app. My data was…”"))
        // Tagging again in the same file keeps the unplaced coding: nothing is lost.
        _ = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: env)
        let file = try String(contentsOf: root.appendingPathComponent("Codings/alice/P01.tsv"), encoding: .utf8)
        #expect(file.contains("Media/Banner"))
    }

    @Test func repeatedWordsAreAmbiguousAndReported() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "2", "Queues", "--phrase", "in the queue"], in: root, environment: env)
        try edit(root) { $0.replacingOccurrences(of: "Interviewer: Anything else?", with: "Interviewer: You waited in the queue? Anything else?")
            .replacingOccurrences(of: "I did not know it.", with: "I did not know it, honestly.") }
        let project = Project.load(root)
        #expect(project.unplacedCodings.first?.reason == "the coded words now occur more than once in the document")
    }

    @Test func unknownCodesAndDocumentsAreErrors() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "2", "Queues"], in: root, environment: env)
        let url = root.appendingPathComponent("Codings/alice/P01.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Problems/Queues", with: "Problems/Queue").utf8).write(to: url)
        try Data((CodingFile.header + "\nP99\t1\t0\t5\tProblems/Queues\talice\tt\tffffffff\tabcde\t\n").utf8)
            .write(to: root.appendingPathComponent("Codings/alice/P99.tsv"))
        let check = TestSupport.run(["check"], in: root, environment: env)
        #expect(check.code == .problemsFound)
        #expect(check.stdout.contains("1 coding use the code `Problems/Queue`, which is not in the codebook"))
        #expect(check.stdout.contains("1 coding point to the document `P99`, which does not exist"))
    }
}
