import Foundation
import Testing

@testable import CodaKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Figures files, `coda chart` in every format, and the before/after display of the sample study.
@Suite struct ChartTests {
    static let sample = Project.load(TestSupport.packageRoot)

    @Test func theSampleFiguresAreTheNumbersOfThePaper() throws {
        let views = try #require(Self.sample.figures.first { $0.id == "video-views" })
        #expect(views.rows.map(\.label) == ["TikTok", "Instagram", "YouTube"])
        #expect(views.rows.compactMap { $0.values[0] } == [3774, 858, 84])
        #expect(views.notes.contains { $0.contains("856") && $0.contains("3,774 / 858 / 84") })
        let queues = try #require(Self.sample.figures.first { $0.id == "queues-per-month" })
        #expect(queues.value("May") == 2329 && queues.value("July") == 2189 && queues.value("June") == nil)
        #expect(!Self.sample.diagnostics.contains { $0.location?.file.hasPrefix("Figures/") == true })
    }

    @Test func figuresFilesAreChecked() throws {
        #expect(throws: FigureError.notANumber(file: "Figures/f.csv", line: 5, column: 2, text: "3,774")) {
            try FigureParser(path: "Figures/f.csv", id: "f").parse(
                "# title: T\n# unit: views\n# source: S\nplatform;views\nTikTok;3,774\n")
        }
        let (_, warnings) = try FigureParser(path: "Figures/f.csv", id: "f").parse("platform,views\nTikTok,3.774\n")
        #expect(
            warnings.map(\.message) == [
                "`3.774` reads as 3.8 with three decimals", "the figures have no `# title:` line",
                "the figures have no `# unit:` line", "the figures have no `# source:` line",
            ])
        #expect(throws: FigureError.self) { try FigureParser(path: "Figures/f.csv", id: "f").parse("# title: only\n") }
    }

    @Test(arguments: Chart.Kind.allCases)
    func svgParsesAsXMLAndWritesEveryValueAsText(kind: Chart.Kind) throws {
        let run = TestSupport.run(
            ["chart", "video-views", "--type", kind.rawValue, "--format", "svg"], in: TestSupport.packageRoot)
        #expect(run.code == .success)
        let parser = XMLParser(data: Data(run.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        for text in [
            "<title id=\"chart-title\">Views of the JMO promotional video per platform</title>", ">3,774</text>",
            ">858</text>", ">84</text>", ">views</text>", ">platform</text>", "role=\"img\"",
        ] {
            #expect(run.stdout.contains(text), "\(text)")
        }
        #expect(
            run.stdout.contains("<desc id=\"chart-desc\">TikTok 3,774 views, Instagram 858 views, YouTube 84 views."))
    }

    @Test func aLineChartLeavesAGapWhereTheSourceGivesNoNumber() throws {
        let chart = try Chart.named("queues-per-month", in: Self.sample, kind: .line)
        let svg = ChartSVG.render(chart)
        #expect(ChartMarks(chart).segments.isEmpty)
        #expect(!svg.contains("stroke-width=\"2\""))
        #expect(ChartMarks(try Chart.named("video-views", in: Self.sample, kind: .line)).segments.count == 2)
        #expect(svg.contains(">not given</text>"))
        let tex = ChartTikZ.render(chart)
        #expect(!tex.contains("thick]"))
        #expect(tex.contains("{2,329}") && tex.contains("{2,189}"))
    }

    @Test func everyFormatRendersTheSameNumbers() throws {
        for format in ChartFormat.allCases {
            let run = TestSupport.run(
                ["chart", "video-views", "--format", format.rawValue], in: TestSupport.packageRoot)
            #expect(run.code == .success, "\(format)")
            let numbers = format == .csv ? ["3774", "858", "84"] : ["3,774", "858", "84"]
            for n in numbers { #expect(run.stdout.contains(n), "\(format) \(n)") }
        }
        let html = TestSupport.run(["chart", "video-views", "--format", "html"], in: TestSupport.packageRoot).stdout
        #expect(html.contains("<svg") && html.contains("<th scope=\"row\">TikTok</th><td>3,774</td>"))
    }

    @Test func surveyQuestionsChartTheirAnswers() throws {
        let chart = try Chart.named("survey:Q1", in: Self.sample, kind: .bar)
        #expect(chart.categories == ["No", "Yes"])
        #expect(chart.series[0].values == [121, 81])
        #expect(chart.source.contains("202 respondents"))
        #expect(throws: ChartError.self) { try Chart.named("survey:Q4", in: Self.sample, kind: .bar) }
        let unknown = TestSupport.run(["chart", "video-view"], in: TestSupport.packageRoot)
        #expect(unknown.code == .problemsFound)
        #expect(unknown.stderr.contains("did you mean `video-views`?"))
    }

    @Test func tableThreeIsReproducedWithEverySource() throws {
        let report = try BeforeAfterReport.report(Self.sample, name: "table-3")
        let table = try #require(report.tables.first)
        #expect(
            table.rows.map { $0.cells.map(\.text) } == [
                [
                    "Queues at the branch office", "2,329 queue numbers (May) [1]", "2,189 queue numbers (July) [1]",
                    "Queues 39 → 10",
                ],
                [
                    "Knowing the JMO app", "121 of 202 respondents (59.9%) answered “No” [2]",
                    "TikTok 3,774, Instagram 858, YouTube 84 views (4,716 in all) [3]",
                    "Unaware of JMO 5 → 3; Knows JMO 5 → 6",
                ],
            ])
        #expect(table.notes.contains { $0.hasPrefix("[3] Figures/video-views.csv") && $0.contains("856") })
        // The codings agree with the time-ordered matrix.
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        options.codeRoots = [try Self.sample.codebook.resolve("Queues")]
        let matrix = try MatrixBuilder.build(Self.sample, options)
        #expect(matrix.rowTotals.first == 49)
    }

    @Test func matrixRowsChartTheirCounts() throws {
        let run = TestSupport.run(
            ["matrix", "time", "--by", "phase", "--codes", "Problems", "--chart", "--format", "csv"],
            in: TestSupport.packageRoot)
        #expect(run.code == .success)
        #expect(run.stdout.contains("Queues,39,10"))
        let html = TestSupport.run(
            [
                "matrix", "time", "--by", "phase", "--codes", "Problems", "--chart", "--type", "stacked",
                "--format", "html",
            ], in: TestSupport.packageRoot
        ).stdout
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        let svg = ChartSVG.render(MatrixChart.chart(try MatrixBuilder.build(Self.sample, options), kind: .stacked))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(html.contains("<svg") && html.contains(">39</text>"))
    }

    @Test func theAppendixShowsTableThreeAndBothCharts() throws {
        let folder = TestSupport.temporaryFolder()
        for format in ["md", "html"] {
            let run = TestSupport.run(
                ["export", "appendix", folder.appendingPathComponent(format).path, "--format", format],
                in: TestSupport.packageRoot)
            #expect(run.code == .success)
            let page = try String(
                contentsOf: folder.appendingPathComponent("\(format)/06-figures.\(format)"), encoding: .utf8)
            for title in [
                "Table 3. Before and after the promotion", "Views of the JMO promotional video per platform",
                "Queue numbers per month at the Makassar branch office", "Figures/video-views.csv",
            ] {
                #expect(page.contains(title), "\(format): \(title)")
            }
            // The paper's two charts, and the codings per code.
            if format == "html" { #expect(page.components(separatedBy: "<svg").count == 4) }
        }
    }

    @Test func aNewProjectHasAnExampleFigureThatCharts() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["init", "study"], in: folder).code == .success)
        let root = folder.appendingPathComponent("study")
        #expect(Project.load(root).diagnostics.isEmpty)
        let run = TestSupport.run(["chart", "example-figures", "--format", "csv"], in: root)
        #expect(run.stdout == "month,visitors\nMarch,412\nApril,388\nMay,\n")
    }

    /// Checked everywhere, compiled only where pdflatex is: braces and environments balance, text is escaped.
    @Test(arguments: Chart.Kind.allCases)
    func tikzIsBalancedAndEscaped(kind: Chart.Kind) throws {
        var chart = try Chart.named("video-views", in: Self.sample, kind: kind)
        chart.categories[0] = "Tik_Tok & 100%"
        let tex = ChartTikZ.render(chart)
        #expect(tex.filter { $0 == "{" }.count == tex.filter { $0 == "}" }.count)
        #expect(tex.components(separatedBy: "\\begin{").count == tex.components(separatedBy: "\\end{").count)
        #expect(tex.contains("Tik\\_Tok \\& 100\\%"))
    }

    /// The TikZ compiles when a LaTeX is installed; otherwise this test says it is skipped.
    @Test(.enabled(if: TestSupport.pdflatex != nil, "skipped: pdflatex is not installed, so the TikZ is not compiled"))
    func theTikZCompilesWithPdflatex() throws {
        let folder = TestSupport.temporaryFolder()
        var body = ""
        for kind in Chart.Kind.allCases {
            body += ChartTikZ.render(try Chart.named("video-views", in: Self.sample, kind: kind))
        }
        body += ChartTikZ.render(try Chart.named("queues-per-month", in: Self.sample, kind: .line))
        let document =
            "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{tikz}\n"
            + "\\begin{document}\n\(body)\\end{document}\n"
        try Data(document.utf8).write(to: folder.appendingPathComponent("charts.tex"))
        #expect(try TestSupport.compileLaTeX("charts.tex", in: folder, with: try #require(TestSupport.pdflatex)) == 0)
    }

}

extension FigureError: Equatable {
    public static func == (a: FigureError, b: FigureError) -> Bool { a.description == b.description }
}
