import Foundation
import Testing
@testable import CodaKit

/// Text from a codebook or a transcript must stay inert in every output: a colour is checked where it is read,
/// and TSV cells keep no control characters and no formula a spreadsheet would run.
@Suite struct OutputInjectionTests {
    static let hostileColour = "red\", URL=\"javascript:alert(1)\""

    @Test func aHostileColourIsAnErrorAndNeverReachesTheGraph() throws {
        let codebook = CondenseFixture.codebook.replacingOccurrences(of: "Keywords: queue, queues, waited*",
                                                                     with: "Keywords: queue\nColor: \(Self.hostileColour)")
        let root = CondenseFixture.make(extra: ["Codebooks/codebook.md": codebook])
        let project = Project.load(root)
        #expect(project.codebook.code(path: "Problems/Queues")?.color == nil)
        #expect(project.diagnostics.contains { $0.message.contains("is not `#rrggbb`") })
        _ = TestSupport.run(["tag", "P01", "2", "Queues", "Information"], in: root, environment: ["CODA_CODER": "alice"])
        for kind in ["hierarchy", "cooccurrence"] {
            let dot = TestSupport.run(["network", kind, "--format", "dot"], in: root).stdout
            #expect(dot.contains("Queues"), "\(kind): the graph is drawn")
            #expect(!dot.contains("javascript") && !dot.contains("URL="), "\(kind): \(dot)")
        }
    }

    @Test func aGoodColourStillReachesTheGraph() {
        let codebook = CondenseFixture.codebook.replacingOccurrences(of: "Keywords: queue, queues, waited*",
                                                                     with: "Keywords: queue\nColor: #1f77b4")
        let root = CondenseFixture.make(extra: ["Codebooks/codebook.md": codebook])
        let dot = TestSupport.run(["network", "hierarchy", "--format", "dot"], in: root).stdout
        #expect(dot.contains("color=\"#1f77b4\""))
    }

    @Test(arguments: [
        ("a\r=HYPERLINK(\"http://x\")", "a =HYPERLINK(\"http://x\")"),
        ("\r=1+1", "' =1+1"),
        ("\n@SUM(A1)", "' @SUM(A1)"),
        ("  -cmd", "'  -cmd"),
        ("-2", "-2"),
        ("tab\there", "tab here"),
        ("bell\u{7}nul\u{0}del\u{7F}", "bell nul del "),
        ("next\u{85}line\u{2028}para\u{2029}end", "next line para end"),
        ("café — “quoted” ’", "café — “quoted” ’"),
    ] as [(String, String)])
    func tabSeparatedCellsHaveNoControlCharactersAndNoFormulas(text: String, cell: String) {
        #expect(Escape.delimitedField(text, separator: "\t") == cell)
    }

    @Test func commaSeparatedCellsGuardFormulasAfterSpaces() {
        #expect(Escape.delimitedField(" =1+1", separator: ",") == "' =1+1")
        #expect(Escape.delimitedField("a\r=1", separator: ",") == "\"a\r=1\"")
    }

    /// A transcript whose words carry a carriage return and a formula: `show --format tsv` keeps one row per segment.
    @Test func showAsTSVKeepsRowsWhole() throws {
        let transcript = "---\nid: P05\n---\nInterviewer: Hello\u{0B}=HYPERLINK(\"http://x\",\"y\")\nAli: Fine\u{85}=2+2\n"
        let root = TestSupport.project(["Transcripts/P05.md": transcript, "Codebooks/codebook.md": CondenseFixture.codebook])
        let out = TestSupport.run(["show", "P05", "--format", "tsv"], in: root).stdout
        let rows = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 3, "header and two segments: \(out)")
        #expect(!out.contains("\r") && !out.contains("\u{0B}") && !out.contains("\u{85}"))
        #expect(!rows.contains { $0.split(separator: "\t").contains { $0.hasPrefix("=") } })
    }
}
