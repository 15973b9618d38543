import Foundation
import Testing
@testable import CodaKit

/// Answers that differ only in case or surrounding spaces are one answer, in tables and in drafts alike.
@Suite struct AnswerSpellingTests {
    static func project() -> URL {
        let answers = ["Tidak", "Tidak", "tidak", "Ya", " Ya ", "Tidak", "Ya", "Tidak", "Ya", "Tidak", "Tidak", "Ya "]
        var csv = "id,usia,Q1. Tahu aplikasi JMO?,Q2. Apa yang membantu?\n"
        for (i, answer) in answers.enumerated() { csv += "R\(i + 1),\(i % 2 == 0 ? "30-39" : "40-49"),\(answer),Antrean lebih pendek\n" }
        return TestSupport.project([
            "Transcripts/survei.csv": csv,
            "Transcripts/survei.columns": "id: id\nusia: attribute\nQ1: closed\nQ2: open\n",
            "Transcripts/P01.md": "---\ncase: R1\n---\nPewawancara: Tahu JMO?\n\nIbu Rina: Tidak, belum pernah dengar.\n",
            "Codebooks/c.md": "# C\n\n## Tidak tahu JMO\nDefinition: belum tahu.\nSurvey: survei:Q1 = tidak\n",
        ])
    }

    @Test func oneAnswerIsCountedOnceInItsMostCommonSpelling() throws {
        let root = Self.project()
        let project = Project.load(root)
        let survey = try #require(project.survey("survei"))
        let frequency = SurveyFrequency(survey: survey, column: try #require(survey.findColumn("Q1")))
        #expect(frequency.answers.map(\.answer) == ["Tidak", "Ya"])
        #expect(frequency.answers.map(\.count) == [7, 5])
        #expect(frequency.answered == 12)
        let table = TestSupport.run(["survey", "Q1"], in: root, width: 1000).stdout
        #expect(table.contains("“tidak” (1) as “Tidak”"))
        // " Ya " and "Ya " are "Ya" once their spaces go: counted together without a note.
        #expect(!table.contains("as “Ya”"))
        let cross = SurveyCrossTab(survey: survey, question: survey.findColumn("Q1")!, attribute: "usia") { $0.values[1] }
        #expect(cross.answers == ["Tidak", "Ya"])
        #expect(cross.rowTotals == [7, 5])
        _ = TestSupport.run(["tag", "P01", "2", "Tidak tahu JMO"], in: root, environment: ["CODA_CODER": "rina"])
        let draft = TestSupport.run(["conclude", "--format", "md"], in: root, width: 1000).stdout
        #expect(draft.contains("7 of 12 respondents"))
    }
}
