import Foundation
import Testing
@testable import CodaKit

@Suite struct SurveyTests {
    func survey(_ csv: String, columns: String? = nil) throws -> Survey {
        try SurveyParser(path: "Transcripts/s.csv", id: "s").parse(csv: csv, columnsFile: columns.map { ("Transcripts/s.columns", $0) }).0
    }

    @Test(arguments: [("Q1. Satisfied?", "Q1"), ("Q5a) Other reasons", "Q5a"), ("3) How often?", "3"), ("Participant type", "participant_type"),
                      ("Age 18+", "age_18"), ("respondent", "respondent"), ("Qué opina?", "qué_opina"), ("***", "column")])
    func keysAreShortNames(header: String, key: String) {
        #expect(SurveyColumnDetector.key(for: header) == key)
    }

    @Test func detectsKindsOfTheMultilineFixture() throws {
        let project = Project.load(TestSupport.fixture("hostile"))
        let s = try #require(project.survey("multiline"))
        #expect(s.columns.map(\.kind) == [.id, .attribute, .closed, .open])
        #expect(s.columns.map(\.key) == ["id", "group", "Q1", "Q2"])
        #expect(s.respondents.map(\.id) == ["A1", "A2", "A3"])
        #expect(s.respondents[1].values[3] == "She said \"come back tomorrow\"\nand I did.")
        let semicolon = try #require(project.survey("semicolon"))
        #expect(semicolon.columns.map(\.kind) == [.id, .attribute, .closed])
        #expect(semicolon.respondents.count == 3)
    }

    @Test func theColumnsFileOverridesDetection() throws {
        let s = try survey("who,grp,Q1. Ok?,notes\nA,x,Yes,some longer free text here\nB,y,No,another longer answer here\n",
                           columns: "# kinds\nwho: id\ngrp: closed\nnotes: ignore\n")
        #expect(s.columns.map(\.kind) == [.id, .closed, .closed, .ignore])
        #expect(s.columns.map(\.kindIsDeclared) == [true, true, false, true])
    }

    @Test func theColumnsFileGivesTheWholeSurveyAttributes() throws {
        let s = try survey("id,Q1. Ok?\nA,Yes\nB,No\n", columns: "id: id\nphase = before\nwave=1\n")
        #expect(s.attributes.map { "\($0.key)=\($0.value)" } == ["phase=before", "wave=1"])
        #expect(throws: SurveyError.self) { try survey("id,q\nA,1\n", columns: "my phase = before\n") }
        let root = MatrixTests.study()
        try Data("id: id\nphase = before\n".utf8).write(to: root.appendingPathComponent("Transcripts/survey.columns"))
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        options.coder = "alice"
        let matrix = try MatrixBuilder.build(Project.load(root), options)
        // R11's answer has no phase of its own; it takes the survey's.
        #expect(matrix.columns.labels == ["before", "after"])
    }

    @Test func columnsFileErrorsNameTheLine() {
        #expect(throws: SurveyError.unknownColumn(file: "Transcripts/s.columns", line: 2, name: "grop", suggestion: "did you mean `grp`?")) {
            try survey("who,grp\nA,x\n", columns: "who: id\ngrop: closed\n")
        }
        #expect(throws: SurveyError.unknownKind(file: "Transcripts/s.columns", line: 1, kind: "closd")) {
            try survey("who,grp\nA,x\n", columns: "grp: closd\n")
        }
    }

    @Test func duplicateRespondentIsAnError() {
        #expect(throws: SurveyError.duplicateRespondent(file: "Transcripts/s.csv", line: 4, id: "A", firstLine: 2)) {
            try survey("id,q\nA,1\nB,2\nA,3\n", columns: "id: id\n")
        }
    }

    @Test func frequencyPercentagesAreOfThoseWhoAnswered() throws {
        let s = try survey("id,Q1. Ok?\nA,Yes\nB,No\nC,Yes\nD,\nE,Yes\nF,No\nG,Maybe\n")
        let f = SurveyFrequency(survey: s, column: s.columns[1])
        #expect(f.answers.map(\.answer) == ["Yes", "No", "Maybe"])
        #expect(f.answers.map(\.count) == [3, 2, 1])
        #expect(f.answered == 6)
        #expect(f.missing == 1)
        #expect(f.answers.map { formatPercent($0.percent) } == ["50.0%", "33.3%", "16.7%"])
    }

    @Test func numericAnswersKeepTheirOrder() throws {
        let s = try survey("id,age\nA,50+\nB,18-29\nC,30-39\nD,18-29\nE,40-49\nF,18-29\n")
        #expect(SurveyFrequency(survey: s, column: s.columns[1]).answers.map(\.answer) == ["18-29", "30-39", "40-49", "50+"])
    }

    @Test func crossTabMatchesCountsMadeByFiltering() throws {
        var csv = "id,group,Q1. Knows?\n"
        let groups = ["a", "b", "c"], answers = ["Yes", "No"]
        for i in 0..<60 { csv += "R\(i),\(groups[(i * 7) % 3]),\(answers[(i * i + 1) % 5 == 0 ? 0 : 1])\n" }
        let s = try survey(csv)
        let tab = SurveyCrossTab(survey: s, question: s.columns[2], attribute: "group") { $0.values[1] }
        for (a, answer) in tab.answers.enumerated() {
            for (g, group) in tab.groups.enumerated() {
                let expected = s.respondents.filter { $0.values[1] == group && $0.values[2] == answer }.count
                #expect(tab.counts[a][g] == expected)
                let inGroup = s.respondents.filter { $0.values[1] == group }.count
                #expect(tab.percent(a, g, .column) == Double(expected) * 100 / Double(inGroup))
                let withAnswer = s.respondents.filter { $0.values[2] == answer }.count
                #expect(tab.percent(a, g, .row) == Double(expected) * 100 / Double(withAnswer))
            }
        }
        #expect(tab.total == 60)
    }
}

extension SurveyError: Equatable {
    public static func == (a: SurveyError, b: SurveyError) -> Bool { a.description == b.description }
}
