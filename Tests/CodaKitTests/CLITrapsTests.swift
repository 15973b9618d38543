import Foundation
import Testing
@testable import CodaKit

/// The traps a new user met on the command line, each closed.
@Suite struct CLITrapsTests {
    @Test func statusExitsWith1WhenItListsAnError() throws {
        let hostile = TestSupport.fixture("hostile")
        let listed = TestSupport.run(["status"], in: hostile)
        #expect(listed.stdout.contains(": error:"))
        #expect(listed.code == .problemsFound)
        let folder = TestSupport.temporaryFolder()
        _ = TestSupport.run(["init", "clean"], in: folder)
        let clean = TestSupport.run(["status"], in: folder.appendingPathComponent("clean"))
        #expect(!clean.stdout.contains(": error:"))
        #expect(clean.code == .success)
    }

    @Test func initInsideAProjectRefusesAndNamesIt() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["init", "outer"], in: folder).code == .success)
        let outer = folder.appendingPathComponent("outer").standardizedFileURL
        let inner = outer.appendingPathComponent("Transcripts/nested")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let refused = TestSupport.run(["init"], in: inner)
        #expect(refused.code == .problemsFound)
        #expect(refused.stderr.contains("is inside the Coda project \(outer.path)"))
        #expect(refused.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: inner.appendingPathComponent("Codebooks").path))
        let forced = TestSupport.run(["init", "--force"], in: inner)
        #expect(forced.code == .success)
        #expect(FileManager.default.fileExists(atPath: inner.appendingPathComponent("Codebooks/codebook.md").path))
    }

    @Test func aMemoWithoutTextSaysTheTextIsMissing() throws {
        let root = CondenseFixture.make()
        let run = TestSupport.run(["memo", "code", "Queues"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("needs the memo's text after `code Queues`"))
        let document = TestSupport.run(["memo", "document", "P01"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(document.stderr.contains("needs the memo's text after `document P01`"))
    }

    @Test func memoTextMayStartWithDashes() throws {
        let root = CondenseFixture.make()
        let run = TestSupport.run(["memo", "code", "Queues", "--not an option: a dash starts this memo"], in: root,
                                  environment: ["CODA_CODER": "alice"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(Project.load(root).memos.map(\.text) == ["--not an option: a dash starts this memo"])
        #expect(Token.split(["--coder", "--two words", "--x=a b"]) == [.option(name: "coder", value: nil),
                                                                        .argument("--two words"), .option(name: "x", value: "a b")])
    }

    @Test func agreeWithoutCodersListsThem() throws {
        let study = MatrixTests.study()
        let codings = Project.load(study).humanCodings
        let alice = codings.filter { $0.coder == "alice" }.count, bob = codings.filter { $0.coder == "bob" }.count
        #expect(alice > 0 && bob > 0)
        let none = TestSupport.run(["agree"], in: study)
        #expect(none.code == .usage)
        #expect(none.stderr.contains("the coders in this project: alice (\(alice) codings), bob (\(bob) codings)"))
        #expect(none.stderr.contains("e.g. `coda agree alice bob`"))
        let one = TestSupport.run(["agree", "bob"], in: study)
        #expect(one.stderr.contains("needs a second coder"))
        #expect(one.stderr.contains("e.g. `coda agree bob alice`"))
        let empty = TestSupport.run(["agree"], in: CondenseFixture.make())
        #expect(empty.stderr.contains("this project has no codings yet"))
    }

    @Test func surveyNamesAnUnreadableSurveyBesideAReadableOne() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/broken.csv": "id,Q1. Age?\nR1,\"30\nR2,40\n"])
        let run = TestSupport.run(["survey"], in: root)
        #expect(run.stdout.contains("Knew the app?"))  // the readable survey is still shown
        #expect(run.stderr.contains("Transcripts/broken.csv"))
        #expect(run.stderr.contains("could not be read"))
        #expect(run.code == .problemsFound)
        #expect(TestSupport.run(["survey"], in: CondenseFixture.make()).code == .success)
    }

    @Test func reimportingOverAnIDAsksForReplace() throws {
        let root = CondenseFixture.make()
        let file = TestSupport.temporaryFolder().appendingPathComponent("p09.txt")
        try Data("Interviewer: How did you hear of it?\nBu Ani: From a friend.\n".utf8).write(to: file)
        #expect(TestSupport.run(["import", file.path], in: root).code == .success)
        try Data("Interviewer: How did you hear of it?\nBu Ani: From a friend, and the banner.\n".utf8).write(to: file)
        let again = TestSupport.run(["import", file.path], in: root)
        #expect(again.code == .problemsFound)
        #expect(again.stderr.contains("--replace"))
        #expect(!again.stderr.contains("remove"))
        #expect(Project.load(root).transcripts.first { $0.id == "p09" }?.text.contains("banner") == false)
        let replaced = TestSupport.run(["import", file.path, "--replace"], in: root)
        #expect(replaced.code == .success, "\(replaced.stderr)")
        #expect(Project.load(root).transcripts.first { $0.id == "p09" }?.text.contains("and the banner") == true)
        // `--replace` never imports over a document that is not an imported transcript of that id.
        let survey = TestSupport.run(["import", file.path, "--id", "survey", "--replace"], in: root)
        #expect(survey.code == .problemsFound)
    }

    @Test(arguments: [["matrix", "checklist"], ["matrix", "attribute", "--by", "role"], ["matrix", "code-coder"],
                      ["matrix", "cooccurrence"], ["codebook"], ["agree", "nurul", "amir"]])
    func delimitedExportsGiveTheTreeLevelInsteadOfIndenting(command: [String]) throws {
        for format in ["csv", "tsv"] {
            let run = TestSupport.run(command + ["--format", format], in: TestSupport.packageRoot)
            #expect(run.code == .success)
            // Read back as a spreadsheet would (the agreement report stacks tables: each is read on its own).
            // TSV fields hold no tab, so a line splits at its tabs.
            for chunk in run.stdout.components(separatedBy: "\n\n") {
                // A stacked table may open with its title alone on a line.
                let lines = chunk.split(separator: "\n", omittingEmptySubsequences: false)
                let titled = lines.count > 1 && !lines[0].contains(format == "tsv" ? "\t" : ",")
                let table = (titled ? lines.dropFirst() : lines[...]).joined(separator: "\n")
                let rows = format == "tsv" ? table.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
                    : try CSVReader(path: format).read(table).records.map(\.fields)
                for fields in rows {
                    #expect(!fields.contains { $0.hasPrefix(" ") }, "\(command) \(format): \(fields)")
                }
            }
        }
        let checklist = TestSupport.run(["matrix", "checklist", "--format", "csv"], in: TestSupport.packageRoot).stdout
        let lines = checklist.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Code,Level,") == true)
        #expect(lines.contains { $0.hasPrefix("Flower of Service,1,") })
        #expect(lines.contains { $0.hasPrefix("Information,2,") })
    }
}
