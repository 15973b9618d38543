import Foundation
import Testing
@testable import CodaKit

/// The sample project (the repository root) exported to REFI-QDA and imported into an empty folder.
@Suite("REFI-QDA round trip of the sample project")
struct RefiRoundTripTests {
    static let sampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Everything Coda's Markdown codebook holds about a code.
    static func summary(_ code: Code) -> [String] {
        [code.path, code.definition, code.include, code.exclude, code.examples.joined(separator: "|"), code.keywords.joined(separator: "|"),
         code.speakers.joined(separator: "|"), code.survey ?? "", code.opposes.joined(separator: "|"), code.color ?? "", code.memo]
    }

    static func key(_ coding: Coding) -> String {
        [coding.document, coding.code, String(coding.start), String(coding.end), coding.coder, coding.time, coding.memo,
         coding.segmentLabel].joined(separator: "\t")
    }

    /// Exports the sample study and imports it into an empty folder that has the sample's settings (`Project.md`,
    /// which REFI-QDA has no place for).
    static func roundTrip() throws -> (run: TestSupport.Run, target: URL, file: URL) {
        let folder = TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("sample.qdpx")
        let export = TestSupport.run(["export", "qdpx", file.path, "--project", sampleRoot.path])
        #expect(export.code == .success, "\(export.stderr)")
        let target = folder.appendingPathComponent("imported")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sampleRoot.appendingPathComponent("Project.md"),
                                         to: target.appendingPathComponent("Project.md"))
        return (TestSupport.run(["import", file.path, "--project", target.path]), target, file)
    }

    @Test func qdpxRoundTripKeepsCodesCodingsCodersCasesSurveyAndMemos() throws {
        let original = Project.load(Self.sampleRoot)
        let (run, target, file) = try Self.roundTrip()
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("\n  survey `pre-survey` rebuilt: 202 respondents, 4 questions → "
                                    + "Transcripts/pre-survey.csv\n"))
        #expect(run.stdout.contains("\n  5 text sources → transcripts\n"))
        let imported = Project.load(target)

        #expect(imported.codebook.codes.map(Self.summary) == original.codebook.codes.map(Self.summary))
        #expect(imported.codebook.titles == original.codebook.titles)
        #expect(imported.humanCodings.map(Self.key).sorted() == original.humanCodings.map(Self.key).sorted())
        #expect(imported.humanCodings.count == 426)
        #expect(imported.unplacedCodings.isEmpty && imported.movedCodings.isEmpty)
        #expect(imported.coders == original.coders)
        #expect(imported.documentIDs == original.documentIDs)
        for document in original.documentsInOrder {
            #expect(try imported.document(document.id).text == document.text)
        }
        #expect(imported.cases.map(\.id) == original.cases.map(\.id))
        for record in original.cases {
            #expect(imported.caseRecord(record.id)?.attributes == record.attributes, "case \(record.id)")
        }
        let survey = try #require(imported.survey("pre-survey"))
        let before = try #require(original.survey("pre-survey"))
        #expect(survey.columns == before.columns)
        #expect(survey.respondents.map(\.values) == before.respondents.map(\.values))
        #expect(survey.attributes.map { "\($0.key)=\($0.value)" } == ["phase=before"])
        #expect(survey.crosstabs.count == before.crosstabs.count)
        let memoKey = { (memo: Memo) in "\(memo.target)|\(memo.date)|\(memo.author)|\(memo.text)" }
        #expect(imported.memos.map(memoKey).sorted() == original.memos.map(memoKey).sorted())
        #expect(imported.diagnostics.errorCount == 0, "\(imported.diagnostics.filter { $0.severity == .error })")

        // Exported again, the imported project gives the same file, byte for byte.
        let again = file.deletingLastPathComponent().appendingPathComponent("again.qdpx")
        #expect(TestSupport.run(["export", "qdpx", again.path, "--project", target.path]).code == .success)
        #expect(try Data(contentsOf: again) == (try Data(contentsOf: file)))

        // Exported again, the imported project gives the same codebook.
        func written(_ codebook: Codebook) -> [String] {
            RefiCodebookExport.codeNodes(codebook).map { node in
                var out = ""
                node.write(to: &out, indent: 0)
                return out
            }
        }
        #expect(written(imported.codebook) == written(original.codebook))
    }

    /// The figures a researcher reports come out byte for byte the same after export → import: the survey's
    /// tables (No 121/202 in Q1), the coded segments, and the matrices.
    @Test(arguments: [
        ["survey"], ["survey", "Q1"], ["survey", "Q2"], ["survey", "Q3"], ["survey", "Q4"],
        ["survey", "Q1", "--by", "age_group"], ["retrieve", "--format", "csv"], ["matrix", "case-code"],
        ["matrix", "checklist"], ["matrix", "attribute", "--by", "role"],
        ["matrix", "time", "--by", "phase"], ["matrix", "cooccurrence"], ["matrix", "framework"],
    ])
    func roundTripKeepsTheFigures(_ command: [String]) throws {
        let target = try Self.sharedRoundTrip.get()
        let before = TestSupport.run(command + ["--project", Self.sampleRoot.path])
        let after = TestSupport.run(command + ["--project", target.path])
        #expect(before.code == .success)
        #expect(after.stdout == before.stdout)
        #expect(after.stderr == before.stderr)
        #expect(after.code == before.code)
        if command == ["survey", "Q1"] { #expect(before.stdout.contains("\nNo        121    59.9%\n")) }
    }

    /// One export → import shared by the figure tests.
    static let sharedRoundTrip: Result<URL, Error> = Result { try roundTrip().target }

    @Test func qdcRoundTripKeepsTheCodebook() throws {
        let original = Project.load(Self.sampleRoot)
        let folder = TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("flower.qdc")
        #expect(TestSupport.run(["export", "qdc", file.path, "--project", Self.sampleRoot.path]).code == .success)
        let target = folder.appendingPathComponent("imported")
        let run = TestSupport.run(["import", file.path, "--project", target.path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout == "imported \(file.path):\n  18 codes (4 top-level, 2 levels deep)\n  wrote Codebooks/flower.md\n")
        let imported = Project.load(target)
        #expect(imported.codebook.codes.map(Self.summary) == original.codebook.codes.map(Self.summary))
    }

    /// A codebook written by `CodebookWriter` reads back to the same codes, five levels deep included.
    @Test func codebookWriterRoundTrip() {
        var codes: [Code] = []
        var path: [String] = []
        for level in 1...5 {
            path.append("Level \(level)")
            var code = Code(name: "Level \(level)", pathComponents: path, location: SourceLocation(file: "x"))
            code.definition = "Definition \(level)"
            code.examples = ["\"One, two\" (P1)", "Three"]
            code.keywords = ["queue number", "a, b"]
            code.color = "#00aa11"
            code.memo = "# not a heading\nExample: not a field\n\nSecond paragraph."
            codes.append(code)
        }
        let text = CodebookWriter.render(title: "Deep", codes: codes)
        let parsed = CodebookParser(path: "x").parse(text)
        #expect(parsed.title == "Deep")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.codes.map(\.path) == codes.map(\.path))
        #expect(parsed.codes.map(\.keywords) == codes.map(\.keywords))
        #expect(parsed.codes.map(\.examples) == codes.map(\.examples))
        #expect(parsed.codes.last?.memo == "\\# not a heading\n\\Example: not a field\n\nSecond paragraph.")
    }
}
