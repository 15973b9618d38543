import Foundation
import Testing

@testable import CodaKit

/// A line chart fits the terminal however many categories it has, and huge figures neither crash a chart nor
/// lose their size.
@Suite struct ChartLimitsTests {
    /// A study with one figures file of `rows` months (2019-01, 2019-02, …), `value(i)` for month i.
    static func project(rows: Int, value: (Int) -> String = { String(100 + ($0 * 37) % 250) }) -> URL {
        let lines = (0..<rows).map { i in
            String(format: "%04d-%02d,%@", 2019 + i / 12, i % 12 + 1, value(i))
        }
        let csv = "# title: Queues per month\n# unit: people\n# source: branch office log\nmonth,people\n"
            + lines.joined(separator: "\n") + "\n"
        return CondenseFixture.make(extra: ["Figures/queues.csv": csv])
    }

    /// The plot's grid rows, its axis line, the numbers under it and the key.
    static func plotLines(_ output: String) -> [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [80, 120])
    func sixtyMonthsFitTheTerminal(width: Int) throws {
        let root = Self.project(rows: 60)
        let run = TestSupport.run(["chart", "queues", "--type", "line"], in: root, width: width)
        #expect(run.code == .success, "\(run.stderr)")
        let lines = Self.plotLines(run.stdout)
        let wide = lines.filter { DisplayWidth.of($0) > width }
        #expect(wide.isEmpty, "\(wide.map(DisplayWidth.of))")
        // Every month is a point, and months are numbered under the axis, a key below.
        let plot = lines.filter { $0.contains("┤") || $0.contains("│") }
        #expect(plot.count == ChartLinePlot.rows)
        #expect(plot.map { $0.filter { $0 == "●" }.count }.reduce(0, +) == 60)
        // The key, in columns read downwards, has every month once.
        let key = lines.filter { $0.contains(" = ") }.flatMap { $0.split(separator: " ") }
            .filter { $0.count == 7 && $0.contains("-") }
        #expect(key.count == 60 && Set(key).count == 60 && key.first == "2019-01")
        #expect(lines.contains { $0.hasPrefix("1 = 2019-01") } && lines.contains { $0.hasPrefix("2 = 2019-02") })
        // The numbers under the axis run 1, 5, 10, …, 60, each apart from the next, under its own point.
        let axis = try #require(lines.firstIndex { $0.contains("└") })
        let numbers = lines[axis + 1].split(separator: " ").compactMap { Int($0) }
        #expect(numbers == [1] + Array(stride(from: 5, through: 60, by: 5)))
        let columns = plot.map { line in line.enumerated().filter { $0.element == "●" }.map(\.offset) }
            .flatMap { $0 }.sorted()
        let sixty = try #require(lines[axis + 1].range(of: "60"))
        let column = lines[axis + 1].distance(from: lines[axis + 1].startIndex, to: sixty.lowerBound)
        #expect(abs(column - (columns.last ?? 0)) <= 1, "60 stands under the last point")
    }

    @Test func tooManyCategoriesPointToTheSVG() throws {
        let root = Self.project(rows: 200)
        let run = TestSupport.run(["chart", "queues", "--type", "line"], in: root, width: 80)
        #expect(run.code == .success)
        let text = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("The 200 categories are too many for a plot 80 columns wide; the table above gives"))
        #expect(text.contains("`--format svg` draws all 200 categories"))
        #expect(Self.plotLines(run.stdout).allSatisfy { DisplayWidth.of($0) <= 80 })
        // Wider, the plot is drawn, and the hint is gone.
        let wide = TestSupport.run(["chart", "queues", "--type", "line"], in: root, width: 220)
        #expect(wide.stdout.contains("┤") && !wide.stdout.contains("--format svg"))
        // The SVG draws every point.
        let svg = TestSupport.run(["chart", "queues", "--type", "line", "--format", "svg"], in: root).stdout
        #expect(svg.components(separatedBy: "<circle").count - 1 == 200)
    }

    @Test func hugeNumbersAreWrittenWithAnExponent() {
        #expect(formatDecimal(1e19, places: 0) == "1e19")
        #expect(formatDecimal(1.7e308, places: 1) == "1.7e308")
        #expect(formatDecimal(-2.5e20, places: 2) == "-2.5e20")
        #expect(formatDecimal(9.2e18, places: 0) == "9200000000000000000")
        #expect(Chart.format(1e19) == "1e19" && Chart.format(-1.7e308) == "-1.7e308")
        #expect(Chart.format(999_999_999_999_999) == "999,999,999,999,999")
        #expect(formatValue(1.2345678901234567e19) == "1.2345678901234567e19")
        #expect(formatPercent(1e19) == "1e19%")
    }

    /// 1e19 once crashed `coda chart` (a conversion to Int64); it now charts in every format and kind.
    @Test func aFigureOfTenToTheNineteenCharts() throws {
        let root = Self.project(rows: 3) { $0 == 1 ? "1e19" : String(2e18 * Double($0)) }
        for kind in Chart.Kind.allCases {
            for format in ChartFormat.allCases {
                let run = TestSupport.run(["chart", "queues", "--type", kind.rawValue, "--format", format.rawValue],
                                          in: root)
                #expect(run.code == .success, "\(kind) \(format): \(run.stderr)")
                #expect(run.stdout.contains("1e19"), "\(kind) \(format)")
                #expect(!run.stdout.contains(try Regex("\\b(nan|inf)\\b")), "\(kind) \(format)")
            }
        }
    }

    /// 1.7e308 would make an axis's top infinite: the figures file is refused at its line, with a reason.
    @Test func aFigureNearTheLargestDoubleIsRefusedAtItsLine() throws {
        #expect(throws: FigureError.tooLarge(file: "Figures/f.csv", line: 3, column: 2, text: "1.7e308")) {
            try FigureParser(path: "Figures/f.csv", id: "f").parse("month,people\nMay,12\nJune,1.7e308\n")
        }
        #expect(throws: FigureError.tooLarge(file: "Figures/f.csv", line: 2, column: 3, text: "-1e301")) {
            try FigureParser(path: "Figures/f.csv", id: "f").parse("month,a,b\nMay,12,-1e301\n")
        }
        let root = Self.project(rows: 3) { $0 == 2 ? "1.7e308" : "5" }
        let run = TestSupport.run(["chart", "queues"], in: root)
        #expect(run.code != .success)
        #expect(run.stderr.contains("Figures/queues.csv:7:2: error: `1.7e308` is too large to chart"), "\(run.stderr)")
    }
}
