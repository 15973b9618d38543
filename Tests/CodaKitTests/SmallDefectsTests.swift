import Foundation
import Testing
@testable import CodaKit

/// Defects found while trying the charts, the before/after display and the single-file appendix.
@Suite struct SmallDefectsTests {
    /// `--type line` in the terminal draws points joined by dots, higher values higher, and no bars.
    @Test func aLineChartInTheTerminalIsALine() throws {
        let run = TestSupport.run(["chart", "video-views", "--type", "line"], in: TestSupport.packageRoot, width: 80)
        #expect(run.code == .success)
        #expect(!run.stdout.contains("█"))
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let plot = lines.filter { $0.contains("┤") || $0.contains("│") }
        #expect(plot.count == ChartLinePlot.rows)
        // TikTok 3,774 > Instagram 858 > YouTube 84: the points go down from left to right.
        let points = plot.enumerated().flatMap { row, line in
            line.enumerated().filter { $0.element == "●" }.map { (row: row, column: $0.offset) }
        }.sorted { $0.column < $1.column }
        #expect(points.count == 3)
        #expect(points.map(\.row) == points.map(\.row).sorted() && Set(points.map(\.row)).count == 3)
        #expect(plot.contains { $0.contains("·") })
        #expect(lines.contains { $0.contains("TikTok") && $0.contains("Instagram") && $0.contains("YouTube") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        // A month with no number is a gap: May and July are not joined across June.
        let queues = TestSupport.run(["chart", "queues-per-month", "--type", "line"], in: TestSupport.packageRoot)
        let rows = queues.stdout.split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
        #expect(rows.map { $0.filter { $0 == "●" }.count }.reduce(0, +) == 2)
        #expect(!rows.contains { $0.contains("·") })
        #expect(queues.stdout.contains("–: not given in the source."))
    }

    /// A CSV of `coda compare` carries each number's source in a column beside it instead of a bare [n].
    @Test func compareAsCSVKeepsTheSources() throws {
        let run = TestSupport.run(["compare", "table-3", "--format", "csv"], in: TestSupport.packageRoot)
        #expect(run.code == .success)
        let csv = try CSVReader(path: "compare.csv").read(run.stdout)
        #expect(csv.header
                == ["Aspect", "Before", "Before source", "After", "After source", "Codings before → after"])
        let rows = csv.records.map(\.fields)
        #expect(rows.count == 2)
        for row in rows {
            #expect(!row.contains { $0.contains("[1]") || $0.contains("[2]") || $0.contains("[3]") }, "\(row)")
        }
        let queues = try #require(rows.first { $0.first == "Queues at the branch office" })
        #expect(queues[1] == "2,329 queue numbers (May)")
        #expect(queues[2].hasPrefix("Figures/queues-per-month.csv: "))
        let knowing = try #require(rows.first { $0.first == "Knowing the JMO app" })
        #expect(knowing[2].hasPrefix("Transcripts/pre-survey.csv, Q1"))
        #expect(knowing[4].hasPrefix("Figures/video-views.csv: "))
        // The table for reading keeps its numbered notes.
        let table = TestSupport.run(["compare", "table-3"], in: TestSupport.packageRoot, width: 120).stdout
        #expect(table.contains("[1] Figures/queues-per-month.csv"))
    }

    /// In the appendix, the before/after display still says what its codings column counts once the command
    /// that shows them is left out.
    @Test func theAppendixSaysWhatTheBeforeAfterCodingsCount() throws {
        var appendix = Appendix(project: Project.load(TestSupport.packageRoot), coder: nil)
        appendix.sections = [.figures]
        let folder = TestSupport.temporaryFolder()
        _ = try appendix.write(to: folder, format: .md, displayName: "appendix")
        let figures = try String(contentsOf: folder.appendingPathComponent("01-figures.md"), encoding: .utf8)
        #expect(figures.contains("Codings before → after"))
        #expect(figures.contains("Codings by nurul (the main coder) in documents whose phase is before or after"))
        #expect(!figures.contains("`coda"))
    }

    /// The single-file appendix is built like the others: in a temporary folder beside a new one, which also
    /// removes what a killed run left there.
    @Test func theSingleFileAppendixIsBuiltAsideAndSwappedIn() throws {
        let parent = TestSupport.temporaryFolder("coda-single")
        let stale = parent.appendingPathComponent(".Appendix.1.7.tmp")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stale.appendingPathComponent("appendix.html"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                              ofItemAtPath: stale.path)
        let target = parent.appendingPathComponent("Appendix")
        let files = try Appendix(project: Project.load(TestSupport.packageRoot), coder: nil)
            .writeSingleHTML(to: target, displayName: "Appendix")
        #expect(files == ["appendix.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Appendix"])
        let html = try String(contentsOf: target.appendingPathComponent("appendix.html"), encoding: .utf8)
        #expect(html.hasSuffix("</html>\n"))
    }
}
