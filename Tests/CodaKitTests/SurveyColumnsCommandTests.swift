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
        #expect(run.stdout.contains("no respondent of `survei` is an interview case: respondent ids come from column `nama` (Andi, Rina, Dewi, …), interview cases are R017"))
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
}
