import Foundation
import Testing
@testable import CodaKit

/// A new user runs `coda init`, then imports a whole project from another tool: the untouched example codebook
/// gives way to the imported one, and an edited one is never replaced.
@Suite("REFI-QDA import into a new coda init project")
struct RefiFreshProjectTests {
    static func freshProject() throws -> URL {
        let root = TestSupport.temporaryFolder("coda-fresh").appendingPathComponent("study")
        _ = try ProjectInitializer.create(at: root)
        return root
    }

    static let replaced = "adjusted: Codebooks/codebook.md was the example codebook `coda init` wrote, unchanged and "
        + "unused: the imported codebook took its place"

    @Test func qualCoderProjectTakesThePlaceOfTheExampleCodebook() throws {
        let root = try Self.freshProject()
        let run = TestSupport.run(["import", RefiTestSupport.sample("qc-1.3.2/demo.qdpx").path, "--project", root.path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains(Self.replaced))
        let project = Project.load(root)
        #expect(project.codebook.files == ["Codebooks/codebook.md"])
        #expect(project.codebook.codes.count == 262)
        #expect(project.codebook.code(path: "Problems/Queues") == nil)
        #expect(project.humanCodings.count == 205)
        #expect(project.transcripts.map(\.id).contains("EX01"))
    }

    /// The note names only the example documents the user kept.
    @Test func theNoteNamesOnlyTheExamplesStillThere() throws {
        for (deleted, still) in [(["example-interview.md"],
                                  " (the example `Transcripts/example-survey.csv` is still there)"),
                                 (["example-interview.md", "example-survey.csv"], "\n"),
                                 ([], " (the examples `Transcripts/example-interview.md` and "
                                    + "`Transcripts/example-survey.csv` are still there)")] {
            let root = try Self.freshProject()
            for name in deleted {
                try FileManager.default.removeItem(at: root.appendingPathComponent("Transcripts/" + name))
            }
            let demo = RefiTestSupport.sample("qc-1.3.2/demo.qdpx")
            let run = TestSupport.run(["import", demo.path, "--project", root.path])
            #expect(run.code == .success, "\(run.stderr)")
            #expect(run.stdout.contains(Self.replaced + still), "\(deleted)")
        }
    }

    /// Coda's own sample study has `Problems` and `Problems/Queues`, as the example codebook does.
    @Test func codaSampleStudyJoinsAFreshProject() throws {
        let file = TestSupport.temporaryFolder().appendingPathComponent("sample.qdpx")
        let sample = RefiRoundTripTests.sampleRoot
        #expect(TestSupport.run(["export", "qdpx", file.path, "--project", sample.path]).code == .success)
        let root = try Self.freshProject()
        let run = TestSupport.run(["import", file.path, "--project", root.path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains(Self.replaced))
        let project = Project.load(root)
        let original = Project.load(sample)
        let summary = RefiRoundTripTests.summary
        #expect(project.codebook.codes.map(summary) == original.codebook.codes.map(summary))
        #expect(project.surveys.map(\.id) == ["example-survey", "pre-survey"])
        #expect(project.humanCodings.count == 426)
    }

    @Test func anEditedExampleCodebookIsKept() throws {
        let root = try Self.freshProject()
        let codebook = root.appendingPathComponent("Codebooks/codebook.md")
        let edited = ProjectInitializer.exampleCodebook
            + "\n## Trust\nDefinition: Whether people believe the app keeps their data.\n"
        try Data(edited.utf8).write(to: codebook)
        let file = TestSupport.temporaryFolder().appendingPathComponent("sample.qdpx")
        let sample = RefiRoundTripTests.sampleRoot
        #expect(TestSupport.run(["export", "qdpx", file.path, "--project", sample.path]).code == .success)
        let run = TestSupport.run(["import", file.path, "--project", root.path])
        #expect(run.code != .success)
        #expect(run.stderr.contains("the project's codebook already has 2 of the imported codes: `Problems`, "
                                    + "`Problems/Queues`; nothing was imported"))
        #expect(try Data(contentsOf: codebook) == Data(edited.utf8))
    }
}
