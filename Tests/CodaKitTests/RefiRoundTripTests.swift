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

    /// Survey open questions come back as transcripts named without the `:`.
    static func importedID(_ id: String) -> String { id.replacingOccurrences(of: ":", with: "_") }

    static func key(_ coding: Coding, mapping: Bool) -> String {
        [mapping ? importedID(coding.document) : coding.document, coding.code, String(coding.start), String(coding.end), coding.coder,
         coding.time, coding.memo].joined(separator: "\t")
    }

    @Test func qdpxRoundTripKeepsCodesCodingsCodersCasesAndMemos() throws {
        let original = Project.load(Self.sampleRoot)
        let folder = TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("sample.qdpx")
        #expect(TestSupport.run(["export", "qdpx", file.path, "--project", Self.sampleRoot.path]).code == .success)
        let target = folder.appendingPathComponent("imported")
        let run = TestSupport.run(["import", file.path, "--project", target.path])
        // The survey cannot be rebuilt yet: the import says so and exits 1, after importing everything else.
        #expect(run.code == .problemsFound, "\(run.stderr)")
        #expect(run.stdout.contains("  left out: source `pre-survey:Q4` holds the answers to a survey's open question: Coda cannot yet "
                                    + "rebuild the survey from REFI-QDA"))
        #expect(run.stderr.hasSuffix("was imported in part: 1 thing left out, listed above under `left out:`\n"))
        let imported = Project.load(target)

        #expect(imported.codebook.codes.map(Self.summary) == original.codebook.codes.map(Self.summary))
        #expect(imported.codebook.titles == original.codebook.titles)
        #expect(imported.humanCodings.map { Self.key($0, mapping: false) }.sorted()
                == original.humanCodings.map { Self.key($0, mapping: true) }.sorted())
        #expect(imported.humanCodings.count == 426)
        #expect(imported.unplacedCodings.isEmpty && imported.movedCodings.isEmpty)
        #expect(imported.coders == original.coders)
        for document in original.documentsInOrder {
            #expect(try imported.document(Self.importedID(document.id)).text == document.text)
        }
        for record in original.cases {
            #expect(imported.caseRecord(record.id)?.attributes == record.attributes, "case \(record.id)")
        }
        #expect(imported.cases.map(\.id).filter { original.caseRecord($0) == nil } == ["pre-survey_Q4"])
        let memoKey = { (memo: Memo) in "\(memo.target)|\(memo.date)|\(memo.author)|\(memo.text)" }
        #expect(imported.memos.map(memoKey).sorted()
                == original.memos.map(memoKey).map { $0.replacingOccurrences(of: "pre-survey:Q4", with: "pre-survey_Q4") }.sorted())
        #expect(imported.diagnostics.errorCount == 0, "\(imported.diagnostics.filter { $0.severity == .error })")
        #expect(run.stdout.contains("adjusted: document `pre-survey:Q4` is called `pre-survey_Q4`: Coda ids cannot hold `:` or `/`"))

        // Exported again, the imported project gives the same codebook.
        let again = RefiCodebookExport.codeNodes(imported.codebook).map { node -> String in var out = ""; node.write(to: &out, indent: 0); return out }
        let first = RefiCodebookExport.codeNodes(original.codebook).map { node -> String in var out = ""; node.write(to: &out, indent: 0); return out }
        #expect(again == first)
    }

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
