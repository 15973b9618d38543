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
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let tags = [("pre:Q2", "1", "Distance"), ("pre:Q2", "3", "Queues"), ("post:Q2", "3", "Queues")]
        for (document, segment, code) in tags {
            let run = TestSupport.run(["tag", document, segment, code, "--coder", "dewi", "--project", root.path])
            #expect(run.code == .success, "\(run.stderr)")
        }
        return root
    }

    @Test func surveysComeBackTheSame() throws {
        let root = try Self.project()
        let file = TestSupport.temporaryFolder().appendingPathComponent("surveys.qdpx")
        #expect(TestSupport.run(["export", "qdpx", file.path, "--project", root.path]).code == .success)
        let target = TestSupport.temporaryFolder().appendingPathComponent("imported")
        let run = TestSupport.run(["import", file.path, "--project", target.path])
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

    /// A set that says it is a Coda survey but whose lines are damaged is reported, never half read.
    @Test func aDamagedSurveySetIsReported() throws {
        let root = try Self.project()
        let project = Project.load(root)
        let qde = RefiProjectExport(project: project).qde()
            .replacingOccurrences(of: "\ncolumn\tclosed\tQ1\t", with: "\ncolumn\tsometimes\tQ1\t")
        var zip = ZipWriter(fileName: "damaged.qdpx")
        try zip.addFile("project.qde", contents: Array(qde.utf8))
        for document in project.documentsInOrder {
            try zip.addFile("sources/\(RefiProjectExport.derivedSourceGUID(document.id)).txt",
                            contents: Array(document.text.utf8))
        }
        let file = TestSupport.temporaryFolder().appendingPathComponent("damaged.qdpx")
        try Data(try zip.finish()).write(to: file)
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
    }
}
