import Foundation
import Testing
@testable import CodaKit

/// A survey question's answers are a document of their own kind: each segment is another respondent, with
/// the respondent's and the survey's attributes, never joined to its neighbours.
@Suite struct DocumentKindTests {
    /// R9 answered the pre-survey before the promotion and was interviewed after it (in August).
    static func study() -> URL {
        let interview = CondenseFixture.transcript.replacingOccurrences(of: "phase: before", with: "phase: after\ndate: 2022-08-12")
        let root = CondenseFixture.make(extra: [
            "Transcripts/P01.md": interview,
            "Transcripts/survey.columns": "id: id\nQ1: closed\nQ2: open\nphase = before\n",
        ])
        for args in [["survey:Q2", "1", "Queues"], ["survey:Q2", "2", "Banner"], ["survey:Q2", "3", "Information"],
                     ["P01", "2", "Queues"], ["P01", "4", "JHT claims"], ["P01", "6", "Banner"]] {
            _ = TestSupport.run(["tag"] + args, in: root, environment: ["CODA_CODER": "alice"])
        }
        return root
    }

    @Test func surveyAnswersAreDatedByTheirSurveyNotByAnInterview() throws {
        let project = Project.load(Self.study())
        let answers = try project.document("survey:Q2")
        #expect(answers.kind == .surveyAnswers(survey: "survey", question: "Q2"))
        #expect(answers.caseID(ofSegment: 1) == "R9")
        #expect(try project.document("P01").kind == .interview)
        // Every respondent answered before the promotion, R9 included, although R9's interview is `after`.
        let byPhase = try SurveyReport.report(project, question: "Q1", by: "phase")
        let json = JSONRenderer().render(byPhase).filter { !$0.isWhitespace }
        #expect(json.contains("\"groups\":[\"before\"]"))
        #expect(!json.contains("\"after\""))
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        let time = try MatrixBuilder.build(project, options)
        #expect(time.columns.labels == ["before", "after"])
        let queues = try #require(time.rows.labels.firstIndex(of: "Queues"))
        #expect(time.count(queues, 0) == 1 && time.count(queues, 1) == 1)
        // The survey gives no date: its answers have no month rather than the interview's.
        options.by = "month"
        let months = try MatrixBuilder.build(project, options)
        #expect(months.columns.labels == ["2022-08", "(no month)"])
        #expect(months.count(queues, 0) == 1 && months.count(queues, 1) == 1)
        // Attributes of the person that the survey does not record come from the case.
        let role = try #require(project.caseRecord("R9"))
        #expect(project.attribute("role", document: answers, case: role) == "participant")
        #expect(project.attribute("date", document: answers, case: role) == nil)
    }

    @Test func nearbyNeverCrossesFromOneRespondentToTheNext() throws {
        let root = Self.study()
        let project = Project.load(root)
        var options = MatrixOptions(kind: .cooccurrence)
        options.within = 1
        let matrix = try MatrixBuilder.build(project, options)
        func count(_ a: String, _ b: String) -> Int {
            matrix.count(matrix.rows.labels.firstIndex(of: a)!, matrix.columns.labels.firstIndex(of: b)!)
        }
        // Respondents 1, 2 and 3 are three people: Queues (1), Banner (2), Information (3) never meet.
        #expect(count("Queues", "Information") == 0)
        #expect(count("Banner", "Information") == 0)
        // In the interview, Queues (¶2) and JHT claims (¶4) are two segments apart: not within 1, but within 2.
        #expect(count("Queues", "JHT claims") == 0)
        options.within = 2
        let wider = try MatrixBuilder.build(project, options)
        #expect(wider.count(wider.rows.labels.firstIndex(of: "Queues")!, wider.columns.labels.firstIndex(of: "JHT claims")!) == 1)
        #expect(wider.count(wider.rows.labels.firstIndex(of: "Queues")!, wider.columns.labels.firstIndex(of: "Banner")!) == 0)
        let near = TestSupport.run(["retrieve", "Banner", "--with", "Queues", "--within", "5", "--format", "tsv"], in: root)
        let documents = near.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(documents == ["P01"])
    }

    @Test func quotesCiteTheDocumentThatShowOpens() throws {
        let root = Self.study()
        let quotes = TestSupport.run(["matrix", "case-code", "--cell", "quotes", "--format", "md"], in: root)
        #expect(quotes.code == .success)
        // Case R9's interview is the document P01: the citation names both, and `coda show` opens it.
        #expect(quotes.stdout.contains("(R9, P01 ¶2)"))
        #expect(!quotes.stdout.contains("(R9 ¶2)"))
        #expect(quotes.stdout.contains("(R9, survey:Q2 ¶1)"))
        #expect(TestSupport.run(["show", "P01", "2"], in: root).code == .success)
        #expect(Citation.text(document: "R017", caseID: "r017", segments: "4") == "R017 ¶4")
    }
}
