import Foundation
import Testing
@testable import CodaKit

/// A pooled survey column's checklist strength is a share of its respondents, not a count of codings.
@Suite struct SurveyStrengthTests {
    @Test func theSamplePreSurveyColumnUsesSharesOfRespondents() throws {
        let root = TestSupport.packageRoot
        let project = Project.load(root)
        let matrix = try MatrixBuilder.build(project, MatrixOptions(kind: .checklist))
        let column = try #require(matrix.columns.labels.firstIndex(of: "pre-survey:Q4"))
        // Counted again from the raw files: nurul's codings per code, one per respondent, interviewees left out.
        let interviewed: Set<Int> = [17, 88, 154]
        let survey = try #require(project.survey("pre-survey"))
        let q4 = try #require(survey.findColumn("Q4")).index
        let answered = survey.respondents.indices.filter { !survey.respondents[$0].values[q4].isEmpty && !interviewed.contains($0 + 1) }
        #expect(matrix.respondentBases["pre-survey:Q4"] == answered.count)
        var respondents: [String: Set<Int>] = [:]
        let file = root.appendingPathComponent("Codings/nurul/pre-survey_Q4.tsv")
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let n = Int(fields[1])!
            if !interviewed.contains(n) { respondents[String(fields[4]), default: []].insert(n) }
        }
        var checked = 0
        for (r, path) in matrix.rows.retrieveArguments.map({ $0.first ?? "" }).enumerated() {
            let share = Double(respondents[path]?.count ?? 0) * 100 / Double(answered.count)
            let expected = share >= 25 ? "+++" : share >= 10 ? "++" : share > 0 ? "+" : ""
            let report = MatrixReport.render(matrix, r, column, kind: nil, thresholds: [1, 2, 4], maximum: 1,
                                             summaries: FrameworkSummaries(), project: project, quotesInCells: false)
            #expect(report.text == expected, "\(path): \(share)%")
            if share > 0 && share < 10 && matrix.count(r, column) >= 4 { checked += 1 }
        }
        // At least one code has four or more codings yet under 10% of respondents: a count would call it strong.
        #expect(checked > 0)
        let text = TestSupport.run(["matrix", "checklist"], in: root, width: 1000).stdout
        #expect(text.contains("Survey columns take strength from the share of their respondents with the code"))
    }
}
