import Foundation
import Testing
@testable import CodaKit

/// The interviewer's turns are questions, not a case's evidence.
@Suite struct InterviewerTurnsTests {
    static func transcript(header: String, asker: String) -> String {
        "---\nid: P01\ncase: R9\n\(header)---\n\(asker): Do you know the JMO app?\n\nBu Sari: No, I waited in the queue.\n\n"
            + "\(asker): We will put up a banner.\n\nBu Sari: A banner would help.\n"
    }

    @Test(arguments: [("", "Interviewer"), ("", "Pewawancara"), ("", "Moderator 2"), ("interviewer: Dr. Hasan\n", "Dr. Hasan"),
                      ("interviewer: Researcher\n", "Interviewer")])
    func theInterviewerIsNamedOrKnownByLabel(header: String, asker: String) throws {
        let root = TestSupport.project(["Transcripts/P01.md": Self.transcript(header: header, asker: asker)])
        let document = try Project.load(root).document("P01")
        #expect(document.interviewerTurns == [1, 3])
    }

    @Test func aParticipantCalledLikeNoInterviewerIsNotOne() throws {
        let root = TestSupport.project(["Transcripts/P01.md": Self.transcript(header: "interviewer: Bu Sari\n", asker: "Pak Amir")])
        #expect(try Project.load(root).document("P01").interviewerTurns == [2, 4])
        let survey = CondenseFixture.make()
        #expect(try Project.load(survey).document("survey:Q2").interviewerTurns.isEmpty)
    }

    @Test func displaysAgreementAndCheckLeaveOutCodedQuestions() throws {
        let root = CondenseFixture.make()
        for (coder, args) in [("alice", ["P01", "1", "Banner"]), ("alice", ["P01", "2", "Queues"]), ("alice", ["P01", "1-2", "Information"]),
                              ("bob", ["P01", "2", "Queues"]), ("bob", ["P01", "3", "Banner"])] {
            _ = TestSupport.run(["tag"] + args, in: root, environment: ["CODA_CODER": coder])
        }
        let project = Project.load(root)
        var options = MatrixOptions(kind: .caseCode)
        options.coder = "alice"
        let matrix = try MatrixBuilder.build(project, options)
        func count(_ m: Matrix, _ code: String) -> Int { m.count(m.rows.labels.firstIndex(of: "R9")!, m.columns.labels.firstIndex(of: code)!) }
        // ¶1 is the interviewer's question: the Banner coding on it alone is left out; Information over ¶1–2 reaches the answer.
        #expect(count(matrix, "Banner") == 0)
        #expect(count(matrix, "Information") == 1)
        options.withInterviewer = true
        #expect(count(try MatrixBuilder.build(project, options), "Banner") == 1)
        let retrieve = TestSupport.run(["retrieve", "Banner", "--coder", "alice"], in: root, width: 1000)
        #expect(retrieve.stdout.contains("0 codings") && retrieve.stdout.contains("1 coding on interviewer turns left out"))
        // Agreement: P01 has 6 turns, 3 of them the interviewer's; Banner on ¶1 and ¶3 are not decisions.
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [], unit: .segment)
        #expect(agreement.segmentCount == 3)
        #expect(agreement.interviewerTurns == 3)
        #expect(!agreement.rows.contains { $0.code.name == "Banner" })
        let all = try Agreement(project, coderA: "alice", coderB: "bob", codes: [], unit: .segment, withInterviewer: true)
        #expect(all.segmentCount == 6)
        #expect(all.rows.first { $0.code.name == "Banner" }?.result.counts == AgreementCounts(both: 0, onlyA: 1, onlyB: 1, neither: 4))
        let check = TestSupport.run(["check"], in: root, width: 1000)
        #expect(check.stdout.contains("alice coded interviewer turns of P01 (¶1)"))
        #expect(check.stdout.contains("bob coded interviewer turns of P01 (¶3)"))
    }

    @Test func theSampleQuotesAnswersNotTheInterviewersQuestion() {
        let question = "We are planning a short video"
        let quotes = TestSupport.run(["matrix", "case-code", "--cell", "quotes", "--codes", "Promotion media"],
                                     in: TestSupport.packageRoot, width: 1000)
        #expect(quotes.code == .success)
        #expect(!quotes.stdout.contains(question))
        let with = TestSupport.run(["matrix", "case-code", "--cell", "quotes", "--codes", "Promotion media", "--with-interviewer"],
                                   in: TestSupport.packageRoot, width: 1000)
        #expect(with.stdout.contains(question))
    }
}
