import Foundation
import Testing
@testable import CodaKit

@Suite struct ConcludeTests {
    @Test func draftNumbersComeFromTheCodings() throws {
        let root = MatrixTests.study()
        let project = Project.load(root)
        let builder = try ConclusionBuilder(project: project, coder: "alice", by: [])
        let problems = try project.codebook.resolve("Problems")
        let e = builder.evidence(for: problems)
        // alice: Queues P01¶2,¶4, P02¶2; JHT P01¶4, P02¶2; survey R9 Queues. Both interview cases have the theme.
        #expect(e.interviewCases == ["R10", "R9"].sorted(by: naturalOrder))
        #expect(e.casesWithTheme.count == 2)
        #expect(e.codings == 6)
        #expect(e.segments == 4)
        #expect(e.negativeCases.isEmpty)
        let roles = try #require(e.groups.first)
        #expect(roles.map(\.value) == ["participant", "officer"] || roles.map(\.value) == ["officer", "participant"])
        #expect(e.cooccurring.first?.code == "Flower of Service/Information")
        #expect(e.exemplars.count == 2)
        let media = builder.evidence(for: try project.codebook.resolve("Media"))
        #expect(media.casesWithTheme == ["R9", "R10"].sorted(by: naturalOrder))
        #expect(Set(media.exemplars.map { $0.citation }).count == media.exemplars.count)
    }

    @Test func contrastsNegativeCasesAndChecks() throws {
        let root = MatrixTests.study()
        _ = TestSupport.run(["untag", "P02", "2", "JHT claims"], in: root, environment: ["CODA_CODER": "alice"])
        let project = Project.load(root)
        let builder = try ConclusionBuilder(project: project, coder: "alice", by: ["phase"])
        let e = builder.evidence(for: Code(name: "JHT claims", pathComponents: ["Problems", "JHT claims"], location: SourceLocation(file: "x")))
        #expect(e.negativeCases == ["R10"])
        let contrast = try #require(e.contrasts.first)
        #expect(contrast.high.value == "before")
        #expect(contrast.low.value == "after")
        #expect(contrast.difference == 100)
        #expect(contrast.smallGroups)
        let report = try ConclusionDraft.report(project, themes: [try project.codebook.resolve("Problems")], by: ["phase"], coder: "alice")
        let text = TerminalRenderer(width: 100).render(report)
        #expect(text.contains("DRAFT for the researcher to judge"))
        #expect(text.contains("? Rival explanations: no memo on these codes or codings is marked `#rival`"))
        #expect(text.contains("Coder agreement: alice and bob"))
    }

    @Test func triangulatesWithTheSurveyOnTheSampleStudy() throws {
        let project = Project.load(TestSupport.packageRoot)
        let report = try ConclusionDraft.report(project, themes: [try project.codebook.resolve("Awareness")], by: [], coder: nil)
        let text = MarkdownRenderer().render(report)
        #expect(text.contains("121 of 202 respondents (59.9%) answered “No” to Q1"))
        #expect(text.contains("81 of 202 respondents (40.1%) answered “Yes” to Q1"))
        // Deterministic: the same project gives the same text.
        let again = MarkdownRenderer().render(try ConclusionDraft.report(Project.load(TestSupport.packageRoot),
                                                                         themes: [try project.codebook.resolve("Awareness")], by: [], coder: nil))
        #expect(text == again)
        let json = TestSupport.run(["conclude", "--format", "json"], in: TestSupport.packageRoot)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["draft"] as? Bool == true)
        #expect((object["themes"] as? [Any])?.count == project.codebook.topLevel.count)
    }

    @Test func notesAreAddedListedAndResolved() throws {
        let root = MatrixTests.study()
        let env = ["CODA_CODER": "bob", "SOURCE_DATE_EPOCH": "1660000000"]
        #expect(TestSupport.run(["note", "code", "queues", "Overlaps with Order taking."], in: root, environment: env).stdout
            == "note N1 on code Problems/Queues saved in Memos/notes.md\n")
        #expect(TestSupport.run(["note", "cell", "case-code", "R9", "Queues", "Check ¶4."], in: root, environment: env).code == .success)
        #expect(TestSupport.run(["note", "coding", "P01", "2", "Queues", "Really a queue?"], in: root, environment: env).code == .success)
        #expect(TestSupport.run(["note", "project", "Good start."], in: root, environment: env).code == .success)
        #expect(TestSupport.run(["note", "chapter", "x", "y"], in: root, environment: env).code == .usage)
        #expect(TestSupport.run(["note", "coding", "P01", "99", "Queues", "x"], in: root, environment: env).code == .problemsFound)
        let resolved = TestSupport.run(["note", "--resolve", "N2"], in: root, environment: ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660003600"])
        #expect(resolved.stdout == "resolved N2 (cell case-code R9 / Queues)\n")
        #expect(TestSupport.run(["note", "--resolve", "N2"], in: root, environment: env).stderr.hasPrefix("error: there is no open note `N2`\n  hint: open notes: N1, N3, N4"))
        let open = TestSupport.run(["notes", "--format", "tsv"], in: root).stdout
        #expect(open.split(separator: "\n").count == 4)
        #expect(!open.contains("N2"))
        let notes = NoteStore(root: root).load()
        #expect(notes.map(\.id) == ["N1", "N2", "N3", "N4"])
        #expect(notes[1].resolved == "alice, 2022-08-09 00:06")
        #expect(notes[0].author == "bob")
        #expect(notes[0].date == "2022-08-08 23:06")
        #expect(notes[2].target == "coding P01 ¶2 Problems/Queues")
    }

    @Test func reviewPackWritesOnlyItsOwnFiles() throws {
        let root = MatrixTests.study()
        _ = TestSupport.run(["note", "project", "Look at R9."], in: root, environment: ["CODA_CODER": "bob"])
        let run = TestSupport.run(["review"], in: root)
        #expect(run.code == .success)
        let html = try String(contentsOf: root.appendingPathComponent("Review/review.html"), encoding: .utf8)
        for section in ["Codebook", "Codes by case", "Checklist", "Memos", "Agreement", "Check", "Open notes"] {
            #expect(html.contains(">\(section)</h2>"))
        }
        #expect(html.contains("<details><summary>"))
        #expect(html.contains("Look at R9."))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;b&gt;&amp; the video&lt;/b&gt;"))
        // Running again overwrites its own files; a foreign file blocks it.
        #expect(TestSupport.run(["review"], in: root).code == .success)
        let other = TestSupport.temporaryFolder()
        try Data("mine".utf8).write(to: other.appendingPathComponent("review.md"))
        let blocked = TestSupport.run(["review", other.path], in: root)
        #expect(blocked.code == .problemsFound)
        #expect(blocked.stderr.contains("Coda did not write: review.md"))
        #expect(try String(contentsOf: other.appendingPathComponent("review.md"), encoding: .utf8) == "mine")
    }
}
