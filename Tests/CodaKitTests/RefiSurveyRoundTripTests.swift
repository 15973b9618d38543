import Foundation
import Testing
@testable import CodaKit

/// Surveys of other shapes survive export → import: two surveys sharing question keys, one without an id column
/// and without a `.columns` file, answers with commas, quotes, outer spaces and line breaks, empty answers, and a
/// `;`-separated survey whose numbers are written `2,5`.
@Suite("REFI-QDA round trip of surveys")
struct RefiSurveyRoundTripTests {
    static let pre = """
        respondent,age_group,Q1. Did you know the app?,Q2. What would help?
        A1,18-29,No,"Too far, and slow"
        A2,30-39,Yes,
        A3,30-39,No,"Line one
        line two"
        A4,40-49,Yes,Nothing
        """
    static let post = #"""
        age_group,Q1. Did you know the app?,Q2. What would help?,Visits
        18-29,Yes,"He said ""ok""",3
        40-49,No,,5
        30-39,Yes,A queue number by phone,12
        """#

    static let ratings = "id;Satisfaction;Hours\nB1;Agree;2,5\nB2;Disagree;10\nB3;Agree;1,25\n"

    static func project() throws -> URL {
        let root = TestSupport.temporaryFolder("coda-survey-rt")
        let files = [
            ("Transcripts/pre.csv", pre + "\n"), ("Transcripts/post.csv", post + "\n"),
            ("Transcripts/ratings.csv", ratings),
            ("Transcripts/pre.columns", "respondent: id\nQ2: open\n\nwave = 1\ncrosstab: Q1 by age_group\n"),
            ("Codebooks/codes.md",
             "# Codes\n\n## Distance\nDefinition: The office is far.\n\n## Queues\nDefinition: Waiting.\n"),
        ]
        try Self.write(files, under: root)
        let tags = [("pre:Q2", "1", "Distance"), ("pre:Q2", "3", "Queues"), ("post:Q2", "3", "Queues")]
        for (document, segment, code) in tags {
            let run = TestSupport.run(["tag", document, segment, code, "--coder", "dewi", "--project", root.path])
            #expect(run.code == .success, "\(run.stderr)")
        }
        return root
    }

    static func write(_ files: [(String, String)], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// `coda export qdpx` of `root`, then `coda import` of the file into a new project.
    static func exportAndImport(_ root: URL) -> (run: TestSupport.Run, target: URL) {
        let file = TestSupport.temporaryFolder().appendingPathComponent("surveys.qdpx")
        #expect(TestSupport.run(["export", "qdpx", file.path, "--project", root.path]).code == .success)
        let target = TestSupport.temporaryFolder().appendingPathComponent("imported")
        return (TestSupport.run(["import", file.path, "--project", target.path]), target)
    }

    @Test func surveysComeBackTheSame() throws {
        let root = try Self.project()
        let (run, target) = Self.exportAndImport(root)
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("survey `post` rebuilt: 3 respondents"))
        #expect(run.stdout.contains("survey `pre` rebuilt: 4 respondents"))

        let original = Project.load(root), imported = Project.load(target)
        #expect(imported.surveys.map(\.id) == ["post", "pre", "ratings"])
        #expect(imported.surveys.last?.decimalComma == true)
        for (a, b) in zip(imported.surveys, original.surveys) {
            #expect(a.columns == b.columns)
            #expect(a.respondents.map(\.id) == b.respondents.map(\.id))
            #expect(a.respondents.map(\.values) == b.respondents.map(\.values))
            #expect(a.idColumn == b.idColumn)
            #expect(a.attributes.map { "\($0.key)=\($0.value)" } == b.attributes.map { "\($0.key)=\($0.value)" })
        }
        let key = { (c: Coding) in "\(c.document)|\(c.code)|\(c.start)|\(c.end)|\(c.segmentLabel)|\(c.coder)" }
        #expect(imported.humanCodings.map(key).sorted() == original.humanCodings.map(key).sorted())
        #expect(imported.humanCodings.count == 3)
        for command in [["survey", "pre:Q1"], ["survey", "post:Q1"], ["survey", "post:Visits"], ["survey", "pre:Q2"],
                        ["survey", "Hours"], ["survey", "Satisfaction"],
                        ["retrieve", "--format", "csv"], ["matrix", "case-code"]] {
            let before = TestSupport.run(command + ["--project", root.path])
            let after = TestSupport.run(command + ["--project", target.path])
            #expect(before.code == .success, "\(command) \(before.stderr)")
            #expect(after.stdout == before.stdout, "\(command)")
        }
    }

    /// A Coda export of `root`, with its project file changed by `edit` and without the text of the sources
    /// of `missing` documents: what a damaged, refused or older export looks like.
    static func changedExport(_ root: URL, missing: Set<String> = [], edit: (String) -> String) throws -> URL {
        let project = Project.load(root)
        var zip = ZipWriter(fileName: "changed.qdpx")
        try zip.addFile("project.qde", contents: Array(edit(RefiProjectExport(project: project).qde()).utf8))
        for document in project.documentsInOrder where !missing.contains(document.id) {
            try zip.addFile("sources/\(RefiProjectExport.derivedSourceGUID(document.id)).txt",
                            contents: Array(document.text.utf8))
        }
        let file = TestSupport.temporaryFolder().appendingPathComponent("changed.qdpx")
        try Data(try zip.finish()).write(to: file)
        return file
    }

    /// A set that says it is a Coda survey but whose lines are damaged is reported, never half read.
    @Test func aDamagedSurveySetIsReported() throws {
        let root = try Self.project()
        let file = try Self.changedExport(root) {
            $0.replacingOccurrences(of: "\ncolumn\tclosed\tQ1\t", with: "\ncolumn\tsometimes\tQ1\t")
        }
        let target = TestSupport.temporaryFolder().appendingPathComponent("imported")
        let run = TestSupport.run(["import", file.path, "--project", target.path])
        #expect(run.code == .problemsFound)
        #expect(run.stdout.contains("left out: set `pre` describes a Coda survey, but its lines are damaged: "
                                    + "the survey was not rebuilt"))
        #expect(run.stdout.contains("left out: source `pre:Q2` holds the answers to a survey's open question, "
                                    + "but the export does not describe the survey"))
        #expect(!run.stdout.contains("survey `pre` rebuilt:") && !run.stdout.contains("survey `post` rebuilt:"))
        #expect(run.stdout.contains("survey `ratings` rebuilt: 3 respondents"))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("Transcripts/pre.csv").path))
        // The respondents' answers stay case attributes; the row numbers of the surveys not rebuilt do not.
        let cases = RefiTestSupport.files(target).filter { $0.hasSuffix("-cases.csv") }
        #expect(cases.count == 1)
        let text = cases.first.flatMap { RefiTestSupport.text(target, $0) } ?? ""
        #expect(text.contains("\nA3,No,,30-39,No\n"))
        #expect(!text.lowercased().contains("row"))
    }

    static let interview = """
        ---
        id: A1-interview
        case: A1
        role: participant
        ---
        Interviewer: Why did you not use the app?

        A1: I did not know about it, and the office is far.

        """

    /// A respondent who was also interviewed keeps their survey answers as attributes when the survey cannot be
    /// rebuilt (its open question's text is missing); a damaged `decimal` line refuses its set rather than read
    /// `2,5` as text; nobody gains a survey's row number as an attribute.
    @Test func anUnrebuiltSurveyKeepsItsAnswersOnTranscripts() throws {
        let root = try Self.project()
        try Data(Self.interview.utf8).write(to: root.appendingPathComponent("Transcripts/A1-interview.md"))
        let file = try Self.changedExport(root, missing: ["pre:Q2"]) {
            $0.replacingOccurrences(of: "\ndecimal\tcomma", with: "\ndecimal\tcomma,")
        }
        let target = TestSupport.temporaryFolder().appendingPathComponent("imported")
        let run = TestSupport.run(["import", file.path, "--project", target.path])
        #expect(run.code == .problemsFound)
        #expect(run.stdout.contains("left out: survey `pre` could not be rebuilt exactly (the source of the open "
                                    + "question `Q2` is missing); its open questions became transcripts, and its "
                                    + "other columns case attributes (in the header of a respondent's own "
                                    + "transcript, else in the cases file)"))
        #expect(run.stdout.contains("left out: set `ratings` describes a Coda survey, but its lines are damaged"))
        #expect(run.stdout.contains("survey `post` rebuilt: 3 respondents"))
        #expect(run.stdout.contains(
            "11 variables: 2 rebuilt as survey columns, 6 as case attributes, 3 numbering survey rows"))
        let transcript = RefiTestSupport.text(target, "Transcripts/A1-interview.txt") ?? ""
        #expect(transcript.contains("\nrole: participant\n"))
        #expect(transcript.contains("\nage_group: 18-29\n") && transcript.contains("\npre_q1: No\n"))
        #expect(!transcript.contains("row:"))
        let imported = Project.load(target)
        #expect(imported.cases.first { $0.id == "A1" }?.attributes["pre_q1"] == "No")
        let ratings = target.appendingPathComponent("Transcripts/ratings.csv")
        #expect(!FileManager.default.fileExists(atPath: ratings.path))
        let cases = RefiTestSupport.files(target).filter { $0.hasSuffix("-cases.csv") }
        let text = cases.first.flatMap { RefiTestSupport.text(target, $0) } ?? ""
        #expect(text.contains("B1,") && text.contains("\"2,5\""))
        #expect(!text.lowercased().contains("row"))
    }

    /// A survey named with a space comes back under its file's name with its codings on it; a header holding
    /// `;` does not make the rebuilt file read as `;`-separated.
    @Test func surveyNamesAndHeadersThatNeedCare() throws {
        let root = TestSupport.temporaryFolder("coda-survey-edge")
        let files = [
            ("Transcripts/Exit survey.csv", "id,Reason,Q2. What would help?\nE1,Distance,Fewer forms\nE2,Time,\n"),
            ("Transcripts/Exit survey.columns", "id: id\nQ2: open\n"),
            ("Transcripts/picks.csv", "id,\"Pick: a; b; c; d\",Note\nP1,a,ok\nP2,\"b; c\",\"fine, thanks\"\n"),
            ("Codebooks/codes.md", "# Codes\n\n## Forms\nDefinition: Paperwork.\nSurvey: Exit survey:Q2 = Fewer forms\n"
             + "\n## Distance\nDefinition: Too far.\nSurvey: exit survey:Reason = Distance\n"),
        ]
        try Self.write(files, under: root)
        let tag = TestSupport.run(["tag", "Exit survey:Q2", "1", "Forms", "--coder", "dewi", "--project", root.path])
        #expect(tag.code == .success, "\(tag.stderr)")
        let (run, target) = Self.exportAndImport(root)
        #expect(run.code == .success, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("survey `Exit survey` is now `Exit_survey`, the name of its file"))
        #expect(run.stdout.contains("the imported codebook's 2 `Survey: Exit survey:…` lines were rewritten to "
                                    + "`Survey: Exit_survey:…`"))
        let original = Project.load(root), imported = Project.load(target)
        // The codes' links resolve to the same question and the same respondents' answers as before.
        #expect(original.surveyLinkDiagnostics().isEmpty)
        #expect(imported.surveyLinkDiagnostics().isEmpty, "\(imported.surveyLinkDiagnostics())")
        func evidence(_ project: Project, _ code: String) -> [String]? {
            guard let text = project.codebook.codes.first(where: { $0.name == code })?.survey,
                  let link = SurveyLink(text), let answer = link.answer,
                  case .success(let (survey, column)) = project.resolve(link) else { return nil }
            let chose = survey.respondents.filter { column.chose(answer, in: $0.values[column.index]) }
            return [column.key, column.header] + chose.map(\.id)
        }
        #expect(evidence(original, "Forms") == ["Q2", "Q2. What would help?", "E1"])
        #expect(evidence(original, "Distance") == ["reason", "Reason", "E1"])
        for code in ["Forms", "Distance"] { #expect(evidence(imported, code) == evidence(original, code), "\(code)") }
        #expect(imported.surveys.map(\.id) == ["Exit_survey", "picks"])
        for (a, b) in zip(imported.surveys, original.surveys) {
            #expect(a.columns.map(\.header) == b.columns.map(\.header))
            #expect(a.respondents.map(\.values) == b.respondents.map(\.values))
        }
        #expect(imported.humanCodings.map(\.document) == ["Exit_survey:Q2"])
        #expect(imported.humanCodings.allSatisfy { Set(imported.documentIDs).contains($0.document) })
    }

    @Test func layoutLinesAreReadByOneRule() {
        let layout = RefiSurveyLayout(id: "s", columns: [.init(kind: .id, key: "id", guid: "", header: "id")],
                                      rowVariable: "row", decimalComma: true)
        let text = layout.description(respondents: 2)
        #expect(RefiSurveyLayout.parse(name: "s", description: "\n  " + text) == layout)
        #expect(RefiSurveyLayout.describesSurvey("\n  " + text))
        for damaged in ["decimal\tpoint", "decimal", "decimal\tcomma\tyes"] {
            let changed = text.replacingOccurrences(of: "decimal\tcomma", with: damaged)
            #expect(RefiSurveyLayout.parse(name: "s", description: changed) == nil, "\(damaged)")
        }
    }
}
