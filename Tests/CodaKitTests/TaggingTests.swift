import Foundation
import Testing
@testable import CodaKit

@Suite struct TaggingTests {
    let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    func run(_ args: [String], _ root: URL, input: [String] = []) -> TestSupport.Run {
        TestSupport.run(args, in: root, input: input, environment: env)
    }

    @Test func tagWritesOneCodingPerSpanAndIsIdempotent() throws {
        let root = CondenseFixture.make()
        let first = run(["tag", "P01", "2", "Queues", "JHT claims"], root)
        #expect(first.code == .success)
        #expect(first.stdout.hasPrefix("tagged P01 ¶2 Problems/Queues (alice): “I did not know it."))
        #expect(run(["tag", "P01", "2", "queues"], root).stdout.hasPrefix("already tagged: P01 ¶2 Problems/Queues (alice)"))
        let project = Project.load(root)
        #expect(project.codings.count == 2)
        let coding = try #require(project.codings.first { $0.code == "Problems/Queues" })
        let document = try project.document("P01")
        #expect(String(document.text(in: coding.range)) == document.segments[1].text)
        #expect(coding.time == "2022-08-08T23:06:40Z")
        #expect(coding.segmentLabel == "2")
        let file = try String(contentsOf: root.appendingPathComponent("Codings/alice/P01.tsv"), encoding: .utf8)
        #expect(file.split(separator: "\n").count == 3)
    }

    @Test func showPutsEachSegmentsCodesBesideIt() throws {
        let root = CondenseFixture.make()
        #expect(!run(["show", "P01", "--format", "tsv"], root).stdout.contains("Codes"))
        _ = run(["tag", "P01", "2", "Queues", "--phrase", "waited in the queue"], root)
        _ = run(["tag", "P01", "2-4", "Information"], root)
        _ = TestSupport.run(["tag", "P01", "2", "JHT claims"], in: root, environment: ["CODA_CODER": "bob", "SOURCE_DATE_EPOCH": "1660000000"])
        let rows = run(["show", "P01", "1-3", "--format", "tsv"], root).stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).last ?? "" }
        #expect(rows == ["Codes", "", "Information (¶2-4) [alice]; JHT claims [bob]; Queues (“waited in the queue”) [alice]", "Information (¶2-4) [alice]"])
    }

    @Test func rangesOfSegmentsAreOneCodingAndListsAreSeveral() throws {
        let root = CondenseFixture.make()
        #expect(run(["tag", "P01", "3-4", "JHT claims"], root).code == .success)
        #expect(run(["tag", "P01", "2,6", "Queues"], root).code == .success)
        let codings = Project.load(root).codings
        #expect(codings.filter { $0.code == "Problems/JHT claims" }.map(\.segmentLabel) == ["3-4"])
        #expect(codings.filter { $0.code == "Problems/Queues" }.map(\.segmentLabel).sorted() == ["2", "6"])
    }

    @Test func phraseNarrowsTheSpanIgnoringCaseAndLineBreaks() throws {
        let root = CondenseFixture.make()
        let result = run(["tag", "P01", "2", "Queues", "--phrase", "BRANCH office and   waited"], root)
        #expect(result.code == .success)
        let project = Project.load(root)
        let coding = try #require(project.codings.first)
        #expect(String(try project.document("P01").text(in: coding.range)) == "branch office\nand waited")
    }

    @Test(arguments: [
        (["tag", "P01", "2", "Queus"], "error: the codebook has no code `Queus`\n  hint: closest codes: `Queues`"),
        (["tag", "P02", "2", "Queues"], "error: there is no document `P02`\n  hint: did you mean `P01`?"),
        (["tag", "P01", "9", "Queues"], "error: `P01` has 6 segments; there is no segment 9\n  hint: segments are numbered 1 to 6; `coda show P01` lists them"),
        (["tag", "P01", "2", "Queues", "--phrase", "bus stop"], "error: “bus stop” is not in P01 ¶2\n  hint: check the words with `coda show P01 2`; case and line breaks do not matter"),
        (["tag", "P01", "2", "Queues", "--phrase", "the"], "error: “the” occurs 2 times in those segments\n  hint: make the phrase longer so it occurs once, or add `--all` to tag every occurrence"),
        (["tag", "survey:Q2", "2", "Queues"], "error: survey:Q2 ¶2 is empty; there is nothing to code"),
        (["untag", "P01", "2", "Queues"], "error: no coding of yours lies within P01 ¶2\n  hint: `coda retrieve --document P01` lists the codings"),
        (["tag", "P01", "2", "Queues", "--coder", "auto"], "error: `auto` is reserved for autocoding suggestions\n  hint: choose another coder name with `--coder`"),
    ])
    func badRequestsWriteNothing(arguments: [String], message: String) {
        let root = CondenseFixture.make()
        let result = run(arguments, root)
        #expect(result.code == .problemsFound)
        #expect(result.stderr == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Codings/alice/P01.tsv").path))
    }

    @Test func untagRemovesOnlyCodingsWithinTheSpan() throws {
        let root = CondenseFixture.make()
        _ = run(["tag", "P01", "2", "Queues", "JHT claims"], root)
        _ = run(["tag", "P01", "2-4", "Queues"], root)
        let outcome = run(["untag", "P01", "2", "Queues"], root)
        #expect(outcome.stdout == "removed P01 ¶2 Problems/Queues (alice)\n")
        #expect(Project.load(root).codings.map(\.segmentLabel).sorted() == ["2", "2-4"])
        _ = run(["untag", "P01", "2-4"], root)
        #expect(Project.load(root).codings.isEmpty)
    }

    @Test func coderComesFromOptionThenEnvironment() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "P01", "2", "Queues", "--coder", "bob"], in: root, environment: env)
        _ = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: ["CODA_CODER": "carol"])
        #expect(Project.load(root).codings.map(\.coder).sorted() == ["bob", "carol"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Codings/bob/P01.tsv").path))
        // Without --coder or CODA_CODER: git's user.name when git knows one, else the login name.
        let folder = TestSupport.temporaryFolder()
        let expected = CoderIdentity.gitUserName(in: folder) ?? "dave"
        #expect(try CoderIdentity.resolve(option: nil, environment: ["USER": "dave"], projectRoot: folder) == expected)
    }

    @Test func surveyRangesAreCodedRespondentByRespondent() throws {
        let root = CondenseFixture.make()
        let result = run(["tag", "survey:Q2", "1-3", "Queues"], root)
        #expect(result.code == .success)
        let codings = Project.load(root).codings.sorted { $0.start < $1.start }
        #expect(codings.map(\.segmentLabel) == ["1", "3"])
        #expect(run(["retrieve", "--case", "R11"], root).stdout.contains("Clear information"))
    }

    @Test func nestedCodingsOfTheSameCodeGetANote() {
        let root = CondenseFixture.make()
        _ = run(["tag", "P01", "2", "Queues"], root)
        let nested = run(["tag", "P01", "2", "Queues", "--phrase", "in the queue"], root)
        #expect(nested.stderr.hasPrefix("note: this Problems/Queues coding lies inside your Problems/Queues coding of ¶2"))
        let unknown = run(["tag", "P01", "2", "Queue"], root)
        #expect(unknown.stderr == "error: the codebook has no code `Queue`\n  hint: closest codes: `Queues`\n")
    }

    @Test func surveyAnswersAreCodableByRespondent() throws {
        let root = CondenseFixture.make()
        #expect(run(["tag", "survey:Q2", "3", "Information"], root).code == .success)
        let retrieved = run(["retrieve", "Information", "--format", "csv"], root)
        #expect(retrieved.stdout.contains("survey:Q2,R11,3,R11,Flower of Service/Information,Clear information about which documents to bring,,alice"))
    }

    @Test func retrieveFiltersByCodeTreeCaseAttributeAndCoder() throws {
        let root = CondenseFixture.make()
        _ = run(["tag", "P01", "2", "Queues"], root)
        _ = run(["tag", "P01", "4", "JHT claims", "--memo", "came back twice"], root)
        _ = TestSupport.run(["tag", "P01", "6", "Banner"], in: root, environment: ["CODA_CODER": "bob"])
        _ = run(["tag", "survey:Q2", "1", "Queues"], root)
        func rows(_ args: [String]) -> [String] {
            let out = run(["retrieve"] + args + ["--format", "tsv"], root).stdout
            return out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(5).joined(separator: " ") }
        }
        #expect(rows(["Problems"]) == ["P01 R9 2 Bu Sari Problems/Queues", "P01 R9 4 Bu Sari Problems/JHT claims", "survey:Q2 R9 1 R9 Problems/Queues"])
        #expect(rows(["Problems", "--exact"]).isEmpty)
        #expect(rows(["--coder", "bob"]) == ["P01 R9 6 Bu Sari Media/Banner"])
        // The survey answer belongs to case R9, whose interview was before the promotion; the survey itself
        // declares no phase, so the answer is not placed by the interview's.
        #expect(rows(["Queues", "--where", "phase=before"]) == ["P01 R9 2 Bu Sari Problems/Queues"])
        #expect(rows(["Queues", "--where", "phase=after"]).isEmpty)
        #expect(rows(["--case", "R9", "--where", "q1=no"]).count == 4)
        let bad = run(["retrieve", "--where", "phse=before"], root)
        #expect(bad.code == .problemsFound)
        #expect(bad.stderr.hasPrefix("error: no case has the attribute `phse`\n  hint: did you mean `phase`?"))
        #expect(run(["retrieve", "--where", "phase"], root).code == .usage)
        let memo = run(["memos"], root)
        #expect(memo.stdout.contains("came back twice"))
    }

    @Test func memosAreMarkdownFilesPerTarget() throws {
        let root = CondenseFixture.make()
        #expect(run(["memo", "code", "queues", "Two meanings of queue."], root).code == .success)
        #expect(run(["memo", "project", "First analytic memo."], root).code == .success)
        #expect(run(["memo", "document", "P01", "Short interview."], root).code == .success)
        let file = try String(contentsOf: root.appendingPathComponent("Memos/codes/Problems--Queues.md"), encoding: .utf8)
        #expect(file == "# Memos on code Problems/Queues\n\n## 2022-08-08 23:06 · alice\n\nTwo meanings of queue.\n")
        let project = Project.load(root)
        #expect(Set(project.memos.map(\.target.description)) == ["project", "code Problems/Queues", "document P01"])
        #expect(Set(project.memos.map(\.text)) == ["Two meanings of queue.", "First analytic memo.", "Short interview."])
        #expect(run(["memo", "chapter", "x"], root).code == .usage)
        _ = run(["tag", "P01", "2", "Queues"], root)
        #expect(run(["memo", "coding", "P01", "2", "Queues", "Long wait."], root).code == .success)
        #expect(Project.load(root).codings.first?.memo == "Long wait.")
    }

    @Test func interactiveCodingSavesEachAnswerAndReadsPipedInput() throws {
        let root = CondenseFixture.make()
        let answers = ["?", "nonsense", "que, jht -- came twice", "", ":b", "back", "-queues", ":q"]
        let result = run(["code", "P01"], root, input: answers)
        #expect(result.code == .problemsFound)  // piped, and `nonsense` named no code
        #expect(result.stdout.contains("saved: Problems/Queues, Problems/JHT claims"))
        #expect(result.stdout.contains("the codebook has no code `nonsense`"))
        #expect(result.stdout.contains("removed: Problems/Queues"))
        let codings = Project.load(root).codings
        #expect(codings.map(\.code) == ["Problems/JHT claims"])
        #expect(codings.first?.memo == "came twice")
        #expect(codings.first?.segmentLabel == "1")
        #expect(InteractiveCoder.match("p", in: Project.load(root).codebook).isFailure)
    }

    @Test func interactiveRemovalReportsAFailedWrite() throws {
        let root = CondenseFixture.make()
        _ = run(["tag", "P01", "1", "Queues"], root)
        // A lock that cannot be taken (a folder where the lock file should be) is not "nothing to remove".
        let lock = root.appendingPathComponent("Codings/.lock")
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        let result = run(["code", "P01"], root, input: ["-queues", ":q"])
        #expect(!result.stdout.contains("nothing to remove"))
        #expect(result.code != .success)
        #expect(result.stderr.contains("Codings/.lock"))
        #expect(Project.load(root).codings.map(\.code) == ["Problems/Queues"])
    }

    @Test func uncodedSkipsWhatIsDone() {
        let root = CondenseFixture.make()
        _ = run(["tag", "P01", "1-5", "Queues"], root)
        let result = run(["code", "P01", "--uncoded"], root, input: ["banner", ":q"])
        #expect(result.stdout.contains("1 segment."))
        #expect(Project.load(root).codings.contains { $0.code == "Media/Banner" && $0.segmentLabel == "6" })
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}

@Suite struct LightLoadingTests {
    @Test func oneDocumentCommandsReadOnlyThatDocument() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/P02-second.md": "---\nid: P02\n---\nA: hi\nB: ho\n",
                                                "Transcripts/broken.txt": "---\nid: X\n"])
        let light = try #require(Project.load(root, onlyDocument: "P02"))
        #expect(light.transcripts.map(\.id) == ["P02"])
        #expect(light.diagnostics.isEmpty)  // the broken file is not read
        #expect(!light.codebook.codes.isEmpty)
        #expect(try #require(Project.load(root, onlyDocument: "survey:Q2")).surveys.map(\.id) == ["survey"])
        #expect(Project.load(root, onlyDocument: "nothing") == nil)
        // Tagging through the light path writes the same coding as through the full one.
        #expect(TestSupport.run(["tag", "P02", "2", "Queues"], in: root, environment: ["CODA_CODER": "alice"]).code == .success)
        let full = Project.load(root)
        #expect(full.codings.map { "\($0.document) \($0.segmentLabel) \($0.code)" } == ["P02 2 Problems/Queues"])
        #expect(TestSupport.run(["show", "P02"], in: root).stdout.contains("ho"))
    }
}

@Suite struct FilterValidationTests {
    @Test func misspeltValuesAndCodersAreErrorsNotEmptyResults() {
        let root = MatrixTests.study()
        let value = TestSupport.run(["retrieve", "--where", "phase=afer"], in: root)
        #expect(value.code == .problemsFound)
        #expect(value.stderr.hasPrefix("error: no case has phase = `afer`\n  hint: did you mean `after`? values of phase: after, before"))
        #expect(TestSupport.run(["matrix", "case-code", "--where", "phase=afer"], in: root).code == .problemsFound)
        let coder = TestSupport.run(["retrieve", "--coder", "bobb"], in: root)
        #expect(coder.stderr.hasPrefix("error: no codings by a coder `bobb`\n  hint: did you mean `bob`?"))
    }

    @Test func theSampleStudyChecksCleanButForTheCodedInterviewerQuestions() {
        let run = TestSupport.run(["check"], in: TestSupport.packageRoot)
        #expect(run.code == .success)
        // The researcher coded two of the interviewer's questions in S01 (¶13 and ¶23, the planned video and banner).
        #expect(run.stdout.contains("0 errors, 1 warning."))
        #expect(run.stdout.contains("nurul coded interviewer turns of S01 (¶13,23)"))
    }
}
