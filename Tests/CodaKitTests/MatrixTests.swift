import Foundation
import Testing
@testable import CodaKit

/// Matrices are checked against counts made another way: straight from the codings files' lines.
@Suite struct MatrixTests {
    static let second = """
    ---
    id: P02
    case: R10
    role: officer
    phase: after
    date: 2022-08-12
    ---
    Interviewer: What changed?

    Pak Amir: The queue is shorter since the banner went up.
    The JHT claims are faster too.

    Interviewer: And information?

    Pak Amir: People read the banner <b>& the video</b> for information.
    """

    /// Two interviews, a survey, two coders, with known codings.
    static func study() -> URL {
        let root = CondenseFixture.make(extra: ["Transcripts/P02.md": second])
        let tags: [(String, [String])] = [
            ("alice", ["P01", "2", "Queues"]), ("alice", ["P01", "4", "Queues", "JHT claims", "Information"]),
            ("alice", ["P01", "6", "Banner"]), ("alice", ["P01", "2-4", "Information"]),
            ("alice", ["P02", "2", "Queues", "Banner", "JHT claims"]), ("alice", ["P02", "4", "Banner", "Information"]),
            ("alice", ["survey:Q2", "1", "Queues"]), ("alice", ["survey:Q2", "3", "Information"]),
            ("bob", ["P01", "2", "Queues"]), ("bob", ["P01", "4", "JHT claims"]), ("bob", ["P02", "4", "Banner"]),
        ]
        for (coder, args) in tags {
            _ = TestSupport.run(["tag"] + args, in: root, environment: ["CODA_CODER": coder, "SOURCE_DATE_EPOCH": "1660000000"])
        }
        return root
    }

    /// (document, code, coder) of every line of every codings file, read without Coda's parser.
    static func rawCodings(_ root: URL) throws -> [(document: String, segments: String, code: String, coder: String)] {
        var result: [(String, String, String, String)] = []
        let folder = root.appendingPathComponent("Codings")
        for coder in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !coder.hasPrefix(".") {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(coder).path) where file.hasSuffix(".tsv") {
                let text = try String(contentsOf: folder.appendingPathComponent(coder).appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    result.append((f[0], f[1], f[4], f[5]))
                }
            }
        }
        return result
    }

    func caseOf(_ document: String, _ segments: String) -> String {
        switch document {
        case "P01": return "R9"
        case "P02": return "R10"
        default: return ["1": "R9", "2": "R10", "3": "R11"][segments]!
        }
    }

    func value(_ matrix: Matrix, row: String, column: String) -> Int? {
        guard let r = matrix.rows.labels.firstIndex(of: row), let c = matrix.columns.labels.firstIndex(of: column) else { return nil }
        return matrix.count(r, c)
    }

    @Test func caseCodeCountsMatchTheFiles() throws {
        let root = Self.study()
        let project = Project.load(root)
        #expect(project.diagnostics.isEmpty)
        var options = MatrixOptions(kind: .caseCode)
        options.coder = "alice"
        let matrix = try MatrixBuilder.build(project, options)
        let raw = try Self.rawCodings(root).filter { $0.coder == "alice" }
        #expect(matrix.rows.labels == ["R9", "R10", "survey:Q2"])
        // Interviewed cases (R9, R10) get their own rows, including their survey answers; other respondents are pooled.
        func row(_ c: (document: String, segments: String, code: String, coder: String)) -> String {
            let caseID = caseOf(c.document, c.segments)
            return ["R9", "R10"].contains(caseID) ? caseID : c.document
        }
        for code in ["Queues", "JHT claims", "Information", "Banner"] {
            for label in ["R9", "R10", "survey:Q2"] {
                let expected = raw.filter { $0.code.hasSuffix("/" + code) && row($0) == label }.count
                #expect(value(matrix, row: label, column: code) == expected, "\(label) × \(code)")
            }
        }
        // R9 answered the survey too (respondent id = case): its answer counts for R9; R11's is pooled under the question.
        #expect(value(matrix, row: "R9", column: "Queues") == 3)
        #expect(value(matrix, row: "survey:Q2", column: "Information") == 1)
        #expect(matrix.rowTotals.reduce(0, +) == raw.count)
    }

    @Test func theMainCoderIsTheDefaultAndAllCountsEveryone() throws {
        let project = Project.load(Self.study())
        #expect(CodingFilter.defaultCoder(project) == "alice")
        var options = MatrixOptions(kind: .caseCode)
        #expect(try MatrixBuilder.build(project, options).rowTotals.reduce(0, +) == 13)
        options.coder = "all"
        #expect(try MatrixBuilder.build(project, options).rowTotals.reduce(0, +) == 16)
        options.coder = "carol"
        #expect(throws: ProjectError.self) { try MatrixBuilder.build(project, options) }
    }

    @Test func attributeAndTimeMatricesGroupByInterviewValues() throws {
        let root = Self.study()
        let project = Project.load(root)
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        options.coder = "alice"
        let time = try MatrixBuilder.build(project, options)
        #expect(time.columns.labels == ["before", "after", "(no phase)"])
        let raw = try Self.rawCodings(root).filter { $0.coder == "alice" }
        // P01 is before, P02 after; the survey declares no phase, so its answers (even R9's, whose interview
        // was before) have none: an interview's header never dates a survey answer.
        for code in ["Queues", "Banner", "Information", "JHT claims"] {
            let before = raw.filter { $0.code.hasSuffix(code) && $0.document == "P01" }.count
            let after = raw.filter { $0.code.hasSuffix(code) && $0.document == "P02" }.count
            #expect(value(time, row: code, column: "before") == before)
            #expect(value(time, row: code, column: "after") == after)
        }
        options.by = "month"
        let months = try MatrixBuilder.build(project, options)
        #expect(months.columns.labels == ["2022-08", "(no month)"])
        options.kind = .attribute
        options.by = "role"
        let roles = try MatrixBuilder.build(project, options)
        #expect(Set(roles.columns.labels) == ["participant", "officer", "(no role)"])
        #expect(value(roles, row: "Banner", column: "officer") == 2)
        options.by = nil
        #expect(throws: DisplayError.self) { try MatrixBuilder.build(project, options) }
        options.kind = .time
        options.by = "role"
        #expect(throws: DisplayError.self) { try MatrixBuilder.build(project, options) }
    }

    @Test func anAttributeValueSpelledNoneIsItsOwnColumn() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/P03.md": "---\nid: P03\ncase: R12\nrole: (none)\n---\nA: The queue was long.\n"])
        _ = TestSupport.run(["tag", "P03", "1", "Queues"], in: root, environment: ["CODA_CODER": "alice"])
        _ = TestSupport.run(["tag", "survey:Q2", "3", "Queues"], in: root, environment: ["CODA_CODER": "alice"])
        var options = MatrixOptions(kind: .attribute)
        options.by = "role"
        let roles = try MatrixBuilder.build(Project.load(root), options)
        #expect(roles.columns.labels == ["(none)", "(no role)"])
        #expect(value(roles, row: "Queues", column: "(none)") == 1)
        #expect(value(roles, row: "Queues", column: "(no role)") == 1)
    }

    @Test func cooccurrenceCountsSegmentsWithBothCodes() throws {
        let project = Project.load(Self.study())
        var options = MatrixOptions(kind: .cooccurrence)
        options.coder = "alice"
        let m = try MatrixBuilder.build(project, options)
        // Same segment: P01 ¶2 Queues+Information(2-4), ¶4 Queues+JHT+Information(+2-4), P02 ¶2 Queues+Banner+JHT, ¶4 Banner+Information.
        #expect(value(m, row: "Queues", column: "JHT claims") == 2)
        #expect(value(m, row: "Queues", column: "Information") == 2)
        #expect(value(m, row: "Banner", column: "Information") == 1)
        #expect(value(m, row: "Queues", column: "Queues") == 4)
        #expect(value(m, row: "JHT claims", column: "Queues") == value(m, row: "Queues", column: "JHT claims"))
        options.within = 1
        let near = try MatrixBuilder.build(project, options)
        // P01: Banner ¶6 and JHT ¶4 are 2 apart; P02: Banner ¶2,¶4 and JHT ¶2 → pairs (¶2,¶2) only within 1.
        #expect(value(near, row: "Banner", column: "JHT claims") == 1)
    }

    @Test func cooccurrenceQuotesKeepAStableOrderWhenCodingsTie() throws {
        let root = CondenseFixture.make()
        let coders = ["c1", "c2", "c3", "c4", "c5", "c6"]
        for coder in coders { _ = TestSupport.run(["tag", "P01", "2", "Queues", "Information"], in: root, environment: ["CODA_CODER": coder]) }
        let project = Project.load(root)
        var options = MatrixOptions(kind: .cooccurrence)
        options.coder = "all"
        for within in [0, 1] {
            options.within = within
            let m = try MatrixBuilder.build(project, options)
            let r = try #require(m.rows.labels.firstIndex(of: "Queues")), c = try #require(m.columns.labels.firstIndex(of: "Information"))
            // Codings that start at the same place keep the order of the codings files (coder by coder).
            #expect(m.cells[r][c].map(\.coder) == coders)
        }
    }

    @Test func checklistMarksAndCodeCoder() throws {
        let project = Project.load(Self.study())
        var options = MatrixOptions(kind: .checklist)
        options.coder = "alice"
        options.thresholds = [1, 2, 3]
        let m = try MatrixBuilder.build(project, options)
        let report = MatrixReport.report(m, cell: .count, project: project, thresholds: [1, 2, 3])
        let table = try #require(report.tables.first)
        let queues = try #require(table.rows.first { $0.cells[0].value == .string("Queues") })
        let column = try #require(table.columns.firstIndex { $0.header == "R9" })
        #expect(queues.cells[column].text == "+++")  // P01 ¶2, ¶4 and R9's survey answer
        options.kind = .codeCoder
        options.coder = nil
        let coders = try MatrixBuilder.build(project, options)
        #expect(coders.columns.labels == ["alice", "bob"])
        #expect(value(coders, row: "JHT claims", column: "bob") == 1)
        #expect(value(coders, row: "Queues", column: "alice") == 4)
    }

    @Test func cellsOpenWithRetrieveAndGiveTheSameSegments() throws {
        let root = Self.study()
        let project = Project.load(root)
        var options = MatrixOptions(kind: .caseCode)
        options.coder = "alice"
        try expectCellsRetrieveWhatTheyCount(try MatrixBuilder.build(project, options), in: root)
    }

    /// Runs every cell's `coda retrieve` command and checks it lists as many codings as the cell counts.
    func expectCellsRetrieveWhatTheyCount(_ m: Matrix, in root: URL) throws {
        for r in m.rows.labels.indices {
            for c in m.columns.labels.indices {
                let words = m.retrieveCommand(r, c).replacingOccurrences(of: "'", with: "").split(separator: " ").dropFirst(2).map(String.init)
                let arguments = ["retrieve"] + rejoin(words) + ["--format", "json"]
                let out = TestSupport.run(arguments, in: root)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(arguments)")
                let rows = ((object["tables"] as? [[String: Any]])?.first?["rows"] as? [Any]) ?? []
                #expect(rows.count == m.count(r, c), "\(arguments)")
            }
        }
    }

    @Test func cellsOpenWithRetrieveUnderDepthAndRollup() throws {
        let root = Self.study()
        let project = Project.load(root)
        for (depth, rollup) in [(1, false), (nil, true), (1, true)] as [(Int?, Bool)] {
            var options = MatrixOptions(kind: .caseCode)
            options.coder = "alice"
            options.depth = depth
            options.rollup = rollup
            try expectCellsRetrieveWhatTheyCount(try MatrixBuilder.build(project, options), in: root)
        }
        // Co-occurrence rows open and indent like the other matrices' code rows.
        var options = MatrixOptions(kind: .cooccurrence)
        options.coder = "alice"
        let cooccurrence = try MatrixBuilder.build(project, options)
        options.kind = .attribute
        options.by = "role"
        let roles = try MatrixBuilder.build(project, options)
        #expect(cooccurrence.rows.labels == roles.rows.labels)
        #expect(cooccurrence.rows.retrieveArguments == roles.rows.retrieveArguments)
        #expect(cooccurrence.rows.depths == roles.rows.depths)
        #expect(roles.rows.retrieveArguments.contains(["Problems", "--exact"]))
    }

    /// Code names with spaces were quoted; put the words of `'JHT claims'` back together.
    func rejoin(_ words: [String]) -> [String] {
        var out: [String] = []
        for w in words {
            if let last = out.last, !last.hasPrefix("--"), !w.hasPrefix("--"), out.count >= 1, ["JHT", "Flower", "Flower of", "Order", "Media", "Flower of Service/Order", "Problems/JHT"].contains(where: { last.hasSuffix($0) }) {
                out[out.count - 1] += " " + w
            } else { out.append(w) }
        }
        return out
    }

    @Test func everyKindRendersInEveryFormatWithEscapedQuotes() throws {
        let project = Project.load(Self.study())
        for kind in MatrixKind.allCases {
            var options = MatrixOptions(kind: kind)
            options.by = kind == .attribute ? "role" : kind == .time ? "phase" : nil
            let matrix = try MatrixBuilder.build(project, options)
            for cell in CellKind.allCases {
                let report = MatrixReport.report(matrix, cell: cell, project: project)
                for format in OutputFormat.allCases {
                    let text = format.renderer(width: 80).render(report)
                    #expect(!text.isEmpty)
                    if format == .html { #expect(!text.contains("<b>& the video</b>")) }
                    if format == .json { #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil) }
                }
            }
        }
        var options = MatrixOptions(kind: .caseCode)
        options.coder = "alice"
        let quotes = MatrixReport.report(try MatrixBuilder.build(project, options), cell: .quotes, project: project)
        let html = HTMLRenderer().render(quotes)
        #expect(html.contains("&lt;b&gt;&amp; the video&lt;/b&gt;"))
        #expect(html.contains("<details><summary>"))
    }

    @Test func emptyProjectsAndEmptyRowsAndLongQuotes() throws {
        let root = CondenseFixture.make()
        let empty = try MatrixBuilder.build(Project.load(root), MatrixOptions(kind: .caseCode))
        #expect(empty.rowTotals.allSatisfy { $0 == 0 })
        #expect(empty.notes.first?.hasPrefix("No codings yet") == true)
        let long = String(repeating: "word ", count: 400)
        let big = CondenseFixture.make(extra: ["Transcripts/P03.md": "A: \(long)\nB: short\nA: again\n"])
        _ = TestSupport.run(["tag", "P03", "1", "Queues"], in: big, environment: ["CODA_CODER": "alice"])
        let project = Project.load(big)
        var options = MatrixOptions(kind: .caseCode)
        options.dropEmpty = true
        let m = try MatrixBuilder.build(project, options)
        #expect(m.rows.labels == ["P03"])
        #expect(m.columns.labels == ["Queues"])
        let cell = try #require(MatrixReport.report(m, cell: .quotes, project: project).tables.first?.rows.first?.cells[1])
        #expect(cell.text.count < 420)
        #expect(cell.text.hasSuffix("” (P03 ¶1)"))
    }

    @Test func frameworkUsesSummariesThenTypicalQuotes() throws {
        let root = Self.study()
        let run = TestSupport.run(["summarize", "R9", "Queues", "Waited two hours; came back twice."], in: root)
        #expect(run.code == .success)
        #expect(TestSupport.run(["summarize", "R99", "Queues", "x"], in: root).code == .problemsFound)
        let project = Project.load(root)
        var options = MatrixOptions(kind: .framework)
        options.coder = "alice"
        let report = MatrixReport.report(try MatrixBuilder.build(project, options), cell: .summary, project: project)
        let table = try #require(report.tables.first)
        let queuesColumn = try #require(table.columns.firstIndex { $0.header == "Queues" })
        let r9 = try #require(table.rows.first { $0.cells[0].text == "R9" })
        #expect(r9.cells[queuesColumn].text == "Waited two hours; came back twice.")
        let r10 = try #require(table.rows.first { $0.cells[0].text == "R10" })
        #expect(r10.cells[queuesColumn].text.hasPrefix("“The queue is shorter since the banner went up."))
        let file = try String(contentsOf: root.appendingPathComponent("Memos/framework.md"), encoding: .utf8)
        #expect(file.contains("## R9 / Problems/Queues\n\nWaited two hours; came back twice.\n"))
        #expect(TypicalQuote.pick(["queue long wait", "queue long wait again", "banner video"]) == 0)
    }

    @Test func networksInDotAndMermaid() throws {
        let project = Project.load(Self.study())
        var options = MatrixOptions(kind: .cooccurrence)
        options.coder = "alice"
        let network = try Network.build(project, kind: .cooccurrence, options: options, minimum: 2)
        let dot = network.render(.dot)
        #expect(dot.hasPrefix("graph coda {"))
        #expect(dot.contains("[label=\"2\""))
        #expect(!network.render(.mermaid).contains("---|1|"))
        let tree = try Network.build(project, kind: .hierarchy, options: options, minimum: 1).render(.mermaid)
        #expect(tree.contains("-->"))
        #expect(Network.mermaidEscape("a \"b\" <c>") == "a #quot;b#quot; #lt;c#gt;")
        let cli = TestSupport.run(["network", "hierarchy", "--format", "dot"], in: Self.study())
        #expect(cli.stdout.hasPrefix("digraph coda {"))
    }
}
