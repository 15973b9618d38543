import Foundation
import Testing
@testable import CodaKit

/// A question is taken from the survey the researcher means, and an open question's answers come out in
/// every format.
@Suite struct SurveyQuestionLookupTests {
    @Test func aQuestionTwoSurveysShareIsRefusedUntilTheSurveyIsNamed() throws {
        let parent = TestSupport.temporaryFolder("coda-lookup")
        let root = parent.appendingPathComponent("study")
        _ = try ProjectInitializer.create(at: root)
        let survey = root.appendingPathComponent("Transcripts/example-survey.csv")
        try FileManager.default.copyItem(at: survey, to: root.appendingPathComponent("Transcripts/second.csv"))
        let ambiguous = TestSupport.run(["survey", "Q1"], in: root)
        #expect(ambiguous.code == .problemsFound)
        #expect(ambiguous.stderr.contains("several surveys have a question `Q1`"))
        #expect(ambiguous.stderr.contains("`example-survey:Q1` or `second:Q1`"))
        let named = TestSupport.run(["survey", "second:Q1"], in: root)
        #expect(named.code == .success)
        #expect(named.stdout.contains("Survey question second:Q1"))
        // `coda chart` takes `survey:QUESTION`, so its hint names the survey in that form, and the hint works.
        let chart = TestSupport.run(["chart", "survey:Q1"], in: root)
        #expect(chart.code == .problemsFound)
        #expect(chart.stderr.contains("`survey:example-survey:Q1` or `survey:second:Q1`"), "\(chart.stderr)")
        #expect(TestSupport.run(["chart", "survey:second:Q1"], in: root).code == .success)
    }

    @Test func anOpenQuestionsAnswersComeOutAsCSVAndJSON() throws {
        let project = Project.load(TestSupport.packageRoot)
        let (survey, column) = try SurveyReport.find("Q4", in: project)
        let answered = survey.respondents.filter { !$0.values[column.index].isEmpty }
        let csv = TestSupport.run(["survey", "Q4", "--format", "csv"], in: TestSupport.packageRoot).stdout
        let records = try CSVReader(path: "csv").read(csv).records
        #expect(records.count == answered.count)
        #expect(records.first?.fields[1] == answered.first?.id)
        let json = TestSupport.run(["survey", "Q4", "--format", "json"], in: TestSupport.packageRoot).stdout
        #expect(json.components(separatedBy: "\"respondent\"").count - 1 == answered.count)
    }
}
