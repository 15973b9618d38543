import Foundation
import Testing
@testable import CodaKit

@Suite struct CLITests {
    let hostile = TestSupport.fixture("hostile")

    @Test(arguments: [
        (["shw"], "error: unknown command `shw`\n  hint: did you mean `show`?"),
        (["show", "BOM01", "--formt", "md"], "error: unknown option `--formt` for `coda show`\n  hint: did you mean `--format`?"),
        (["show"], "error: `coda show` needs ID"),
        (["show", "BOM01", "2", "3"], "error: unexpected argument `3` for `coda show`\n  hint: quote text that holds spaces, e.g. \"two words\""),
        (["show", "BOM01", "--format"], "error: `--format` needs a value\n  hint: write `--format FORMAT`"),
        (["show", "BOM01", "--format", "pdf"], "error: `pdf` is not a valid value for `--format`\n  hint: did you mean `md`? choose one of: table, md, csv, tsv, json, html, tex"),
        (["status", "--help=yes"], "error: `--help` takes no value\n  hint: write just `--help`"),
        (["survey", "--percent", "colum"], "error: `colum` is not a valid value for `--percent`\n  hint: did you mean `column`? choose one of: column, row, total, none"),
        (["show", "BOM01", "x-2"], "error: `x-2` is not a list of segment numbers\n  hint: write segments as in `coda show`: 4, 4-9 or 4,7 (numbers start at 1)"),
        (["show", "BOM01", "5-2"], "error: the range `5-2` runs backwards\n  hint: write the smaller number first"),
    ])
    func usageMistakesExitWith2AndSayWhatIsWrong(arguments: [String], message: String) {
        let run = TestSupport.run(arguments, in: hostile)
        #expect(run.code == .usage)
        #expect(run.stderr.hasPrefix(message + "\n"))
        #expect(run.stderr.contains("usage: coda"))
        #expect(run.stdout.isEmpty)
    }

    @Test func dataProblemsExitWith1() {
        let run = TestSupport.run(["show", "BOM01", "9"], in: hostile)
        #expect(run.code == .problemsFound)
        #expect(run.stderr == "error: `BOM01` has 4 segments; there is no segment 9\n  hint: segments are numbered 1 to 4; `coda show BOM01` lists them\n")
        let unknown = TestSupport.run(["show", "BOM02"], in: hostile)
        #expect(unknown.code == .problemsFound)
        #expect(unknown.stderr.hasPrefix("error: there is no document `BOM02`\n  hint: did you mean `BOM01`?"))
        let latin = TestSupport.run(["show", "latin1"], in: hostile)
        #expect(latin.code == .problemsFound)
        #expect(latin.stderr.hasPrefix("Transcripts/latin1.txt:4:35: error: document `latin1` could not be read: not valid UTF-8 at byte 52"))
    }

    @Test func helpAndVersion() {
        let overview = TestSupport.run(["--help"])
        #expect(overview.code == .success)
        for command in CLI.commands { #expect(overview.stdout.contains(command.name)) }
        #expect(TestSupport.run(["help", "show"]).stdout == TestSupport.run(["show", "--help"]).stdout)
        #expect(TestSupport.run(["help", "show"]).stdout.contains("Usage: coda show ID [SEGMENTS] [--format"))
        #expect(TestSupport.run(["codebook", "lint", "-h"]).stdout.hasPrefix("coda codebook lint: "))
        #expect(TestSupport.run(["--version"]).stdout == "coda \(codaVersion)\n")
        #expect(TestSupport.run([]).stdout == overview.stdout)
    }

    @Test func findsTheProjectUpwardOrByOption() throws {
        let inner = hostile.appendingPathComponent("Transcripts")
        #expect(TestSupport.run(["show", "BOM01", "1"], in: inner).code == .success)
        let outside = TestSupport.temporaryFolder()
        let missing = TestSupport.run(["status"], in: outside)
        #expect(missing.code == .problemsFound)
        #expect(missing.stderr.contains("no Coda project here"))
        let explicit = TestSupport.run(["status", "--project", hostile.path], in: outside)
        #expect(explicit.stdout.contains("BOM01"))
        #expect(explicit.code == .problemsFound)  // the hostile project lists errors
        #expect(TestSupport.run(["--project", hostile.path, "show", "NOTES"], in: outside).code == .success)
    }

    @Test func showPrintsNumberedSegmentsInEveryFormat() throws {
        let table = TestSupport.run(["show", "BOM01", "2-3"], in: hostile)
        #expect(table.stdout.contains("2  00:00:09  Zoë Müller  Yes — I'm ready."))
        #expect(!table.stdout.contains("Selamat pagi"))
        let json = TestSupport.run(["show", "BOM01", "--format", "json"], in: hostile)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require((object["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.map { $0["speaker"] as? String } == ["Dr. Hasan", "Zoë Müller", "Dr. Hasan", "Zoë Müller"])
        #expect(rows.map { $0["segment"] as? Int } == [1, 2, 3, 4])
        for format in OutputFormat.allCases {
            let run = TestSupport.run(["show", "NOTES", "--format", format.rawValue], in: hostile)
            #expect(run.code == .success)
            #expect(run.stdout.contains("Two officers answered questions"))
        }
    }

    @Test func surveyOpenQuestionIsADocument() {
        let run = TestSupport.run(["show", "multiline:Q2", "2"], in: hostile)
        #expect(run.code == .success)
        #expect(run.stdout.contains("A2"))
        #expect(run.stdout.contains("She said \"come back tomorrow\""))
    }

    @Test func initMakesAWorkingProjectAndRefusesToOverwrite() throws {
        let folder = TestSupport.temporaryFolder()
        let made = TestSupport.run(["init", "study"], in: folder)
        #expect(made.code == .success)
        let root = folder.appendingPathComponent("study")
        let status = TestSupport.run(["status", "--format", "json"], in: root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["problems"] as? [Any])?.isEmpty == true)
        #expect((object["transcripts"] as? [String: Any])?["count"] as? Int == 1)
        let again = TestSupport.run(["init", "study"], in: folder)
        #expect(again.code == .problemsFound)
        #expect(again.stderr.contains("already holds a Coda project"))
    }

    @Test func codebookLintExitsWith1OnErrors() {
        let run = TestSupport.run(["codebook", "lint"], in: hostile)
        #expect(run.code == .problemsFound)
        #expect(run.stdout.contains("2 errors, 3 warnings"))
        let folder = TestSupport.temporaryFolder()
        _ = TestSupport.run(["init", "ok"], in: folder)
        #expect(TestSupport.run(["codebook", "lint"], in: folder.appendingPathComponent("ok")).code == .success)
    }

    @Test func theBinaryRunsEndToEnd() throws {
        let status = try TestSupport.runBinary(["status"], in: hostile)
        #expect(status.status == 1)  // it lists errors
        #expect(status.stdout.contains("BOM01"))
        let bad = try TestSupport.runBinary(["sttus"], in: hostile)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: unknown command `sttus`\n  hint: did you mean `status`?"))
        let missing = try TestSupport.runBinary(["show", "BOM01", "99"], in: hostile)
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
    }
}

@Suite struct SubcommandTests {
    @Test func commandsWithKindsSayWhichKinds() {
        let export = TestSupport.run(["export"], in: TestSupport.fixture("hostile"))
        #expect(export.code == .usage)
        #expect(export.stderr.hasPrefix("error: `coda export` needs one of: appendix"))
        let accept = TestSupport.run(["suggestions", "accep"], in: TestSupport.fixture("hostile"))
        #expect(accept.code == .usage)
        #expect(accept.stderr.hasPrefix("error: unexpected argument `accep` for `coda suggestions`\n  hint: did you mean `coda suggestions accept`?"))
    }
}
