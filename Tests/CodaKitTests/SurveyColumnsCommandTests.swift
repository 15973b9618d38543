import Foundation
import Testing

@testable import CodaKit

/// Linking survey respondents to interview cases, and `coda survey --columns`.
@Suite struct SurveyColumnsCommandTests {
    static let interview = """
        ---
        id: P01
        case: R017
        speakers: Interviewer, Participant
        ---
        Interviewer: Did you know the JMO app?

        Participant: No, I queued at the branch office.

        """

    static func project(survey: String) -> URL {
        TestSupport.project(["Transcripts/P01.md": interview, "Transcripts/survei.csv": survey])
    }

    @Test func statusSaysWhenNoRespondentIsAnInterviewCaseAndHowToFixIt() {
        let root = Self.project(survey: "No;Nama;P1. Tahu JMO?\n1;Andi;Ya\n2;Rina;Tidak\n3;Dewi;Ya\n")
        let run = TestSupport.run(["status"], in: root, width: 400)
        #expect(run.stdout.contains("no respondent of `survei` is an interview case: "
            + "respondent ids come from column `nama` (Andi, Rina, Dewi, …), interview cases are R017"))
        #expect(run.stdout.contains("name it in Transcripts/survei.columns (`COLUMN: id`)"))
        // With a column of the interviewees' codes, the row number is passed over and the warning goes.
        let linked = Self.project(survey: "No;Kode;P1. Tahu JMO?\n1;R017;Ya\n2;R088;Tidak\n3;R154;Ya\n")
        let project = Project.load(linked)
        #expect(project.survey("survei")?.respondents.map(\.id) == ["R017", "R088", "R154"])
        #expect(project.survey("survei")?.columns.first?.kind == .ignore)
        #expect(!TestSupport.run(["status"], in: linked).stdout.contains("is an interview case"))
    }

    @Test func columnsWritesTheDetectedKindsOnceAndKeepsTheResearchersFile() throws {
        let root = Self.project(survey: "No;Nama;Usia;P1. Tahu JMO?\n1;Andi;34;Ya\n2;Rina;27;Tidak\n3;Dewi;34;Ya\n")
        let first = TestSupport.run(["survey", "--columns"], in: root)
        #expect(first.code == .success)
        #expect(first.stdout.contains("wrote Transcripts/survei.columns"))
        let url = root.appendingPathComponent("Transcripts/survei.columns")
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written.contains("no: ignore\nnama: id\n"))
        #expect(written.contains("# P1. Tahu JMO?\nP1: closed\n"))
        // The researcher corrects it; Coda reads the correction and never overwrites it.
        try Data(written.replacingOccurrences(of: "nama: id", with: "nama: ignore").utf8).write(to: url)
        let second = TestSupport.run(["survey", "--columns"], in: root)
        #expect(second.stdout.contains("exists and is kept"))
        #expect(try String(contentsOf: url, encoding: .utf8).contains("nama: ignore"))
        #expect(Project.load(root).survey("survei")?.respondents.first?.id == "survei#1")
    }

    @Test func sheetIsOnlyForWorkbooks() {
        let root = Self.project(survey: "Kode;P1. Tahu JMO?\nR017;Ya\nR088;Tidak\n")
        let run = TestSupport.run(["survey", "--columns", "--sheet", "Data"], in: root)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("Transcripts/survei.csv: error: this survey is a CSV file, which has no sheets"))
    }

    @Test func theAppendixShowsOnlyTheChosenCrossTabulations() throws {
        let root = TestSupport.project([
            "Transcripts/survei.csv": """
            Kode;Kelompok;Usia;P1. Tahu JMO?;P2. Kota
            R1;PU;21;Ya;Makassar
            R2;PU;25;Tidak;Gowa
            R3;BPU;33;Ya;Maros
            R4;BPU;38;Tidak;Makassar

            """, "Transcripts/survei.columns": "crosstab: P1 by kelompok\n",
        ])
        let report = try SurveyReport.chosenCrosstabs(Project.load(root))
        #expect(report.tables.map(\.title) == ["P1. Tahu JMO? — by kelompok"])
        #expect(throws: SurveyError.self) {
            try SurveyParser(path: "Transcripts/s.csv", id: "s").parse(
                csv: "Kode,Q1. Ok?\nR1,Ya\n", columnsFile: ("s.columns", "crosstab: Q9 by x\n"))
        }
        #expect(throws: SurveyError.self) {
            try SurveyParser(path: "Transcripts/s.csv", id: "s").parse(
                csv: "Kode,Q1. Ok?\nR1,Ya\n", columnsFile: ("s.columns", "crosstab: Q1\n"))
        }
    }

    @Test func multipleChoiceCrossTabsArePercentagesOfEachGroupsRespondents() throws {
        let url = TestSupport.fixture("surveys/google-forms.csv")
        let survey = try SurveyParser(path: "Transcripts/g.csv", id: "g")
            .parse(csv: try String(contentsOf: url, encoding: .utf8), columnsFile: nil).0
        let media = try #require(survey.findColumn("Media apa saja"))
        let type = try #require(survey.findColumn("Jenis kepesertaan"))
        let tab = SurveyCrossTab(survey: survey, question: media, attribute: "type") { $0.values[type.index] }
        let pu = try #require(tab.groups.firstIndex(of: "Penerima Upah (PU)"))
        let video = try #require(tab.answers.firstIndex(of: "Video"))
        // PU: Andi, Rina, Dewi and Nur, all four of whom chose the video.
        #expect(tab.groupRespondents[pu] == 4)
        #expect(tab.counts[video][pu] == 4)
        #expect(tab.percent(video, pu, .column) == 100)
    }
}
