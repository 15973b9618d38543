import Foundation
import Testing
@testable import CodaKit

@Suite struct RenderTests {
    let hostile = "<b>\"Tom & Jerry's\"</b> 50% of $5 #1 {x} ~y_z^ \\ | *bold* [link]"

    var report: Report {
        var table = Table(title: "Quotes", columns: [Table.Column("Text"), .number("Count")])
        table.append([Cell(hostile, details: ["=HYPERLINK(\"x\")"]), .int(3)])
        table.append([Cell("=1+2"), .int(-2)])
        table.append([Cell("Total"), .int(1)], isSummary: true)
        return Report(title: "T <1>", blocks: [.heading("H & h", level: 1), .paragraph(hostile), .table(table),
                                                .chart(BarChart(title: "C", bars: [.init("a<b", 2), .init("c", 1)]))])
    }

    @Test func htmlEscapesEveryText() {
        let html = HTMLRenderer().render(report)
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"))
        #expect(html.contains("<title>T &lt;1&gt;</title>"))
        #expect(html.contains("<details><summary>"))
        #expect(html.contains("<svg"))
        #expect(html.contains(">a&lt;b</text>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func latexEscapesSpecialCharacters() {
        #expect(Escape.latex("50% of $5 #1 {x} ~y_z^ \\ & |") ==
            "50\\% of \\$5 \\#1 \\{x\\} \\textasciitilde{}y\\_z\\textasciicircum{} \\textbackslash{} \\& \\textbar{}")
        let tex = LaTeXRenderer().render(report)
        #expect(tex.contains("\\begin{longtable}"))
        #expect(tex.contains("\\toprule"))
        #expect(!tex.contains("50% of"))
    }

    @Test func csvGuardsFormulasAndQuotes() {
        #expect(Escape.delimitedField("=1+2", separator: ",") == "'=1+2")
        #expect(Escape.delimitedField("@SUM(A1)", separator: ",") == "'@SUM(A1)")
        #expect(Escape.delimitedField("+33 6", separator: ",") == "'+33 6")
        #expect(Escape.delimitedField("-2", separator: ",") == "-2")
        #expect(Escape.delimitedField("a, \"b\"", separator: ",") == "\"a, \"\"b\"\"\"")
        #expect(Escape.delimitedField("line\nbreak", separator: "\t") == "line break")
        let csv = DelimitedRenderer(separator: ",").render(report)
        #expect(csv.split(separator: "\n").first == "Text,Count")
        #expect(csv.contains("'=1+2,-2"))
    }

    @Test func markdownEscapesTableMarkup() {
        #expect(Escape.markdown("a|b *c* <d>") == "a\\|b \\*c\\* \\<d\\>")
        let md = MarkdownRenderer().render(report)
        #expect(md.contains("| Text | Count |"))
        #expect(md.contains("| --- | ---: |"))
    }

    @Test func jsonIsValidAndTyped() throws {
        let json = JSONRenderer().render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        let rows = try #require(tables.first?["rows"] as? [[String: Any]])
        #expect(rows[0]["Count"] as? Int == 3)
        #expect(rows[0]["Text"] as? String == hostile)
    }

    @Test func terminalTablesFitTheWidth() {
        var table = Table(columns: [Table.Column("Code"), Table.Column("Definition")])
        table.append([Cell("Information"), Cell(String(repeating: "word ", count: 60))])
        table.append([Cell("好的好的"), Cell("short")])
        let lines = TerminalRenderer(width: 50).render(table)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(lines.count > 5)
    }

    @Test func wideTablesAreSplitIntoBandsThatFit() {
        var table = Table(columns: [Table.Column("Case")] + (1...30).map { Table.Column.number("Code number \($0)") })
        table.append([Cell("R017")] + (1...30).map { Cell.int($0) })
        let lines = TerminalRenderer(width: 80).render(table)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let bands = lines.filter { $0.hasPrefix("(columns ") }
        #expect(bands.count >= 3)
        #expect(lines.filter { $0.hasPrefix("R017") }.count == bands.count)
        #expect(lines.joined(separator: "\n").contains("30"))
    }

    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("好的") == 4)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
    }

    @Test(arguments: [(59.9009900990099, "59.9"), (40.0990099, "40.1"), (0.05, "0.1"), (100, "100.0"), (-2.25, "-2.3"), (0.04, "0.0")])
    func decimalsRoundHalfAwayFromZero(value: Double, text: String) {
        #expect(formatDecimal(value, places: 1) == text)
    }
}

@Suite struct LaTeXLayoutTests {
    @Test func optionsKeepTheirDoubleDash() {
        #expect(Escape.latex("--coder NAME") == "-{}-coder NAME")
        #expect(Escape.latexProse("use `--coder all`") == "use \\texttt{-{}-coder} \\texttt{all}")
    }

    @Test func wideTablesGetNumberedHeadersAndALegendAndChildrenAreIndented() {
        var table = Table(columns: [Table.Column("Code")] + (1...12).map { Table.Column.number("Code \($0)") })
        table.append([Cell("  Child")] + (1...12).map { Cell.int($0) })
        let tex = LaTeXRenderer().render(table)
        #expect(tex.contains("Code & (1) & (2)"))
        #expect(tex.contains("Columns: (1) Code 1; (2) Code 2"))
        #expect(tex.contains("\\hspace*{1em}Child"))
        #expect(tex.contains("\\scriptsize"))
    }

    @Test func tablesTooWideForThePageAreSetInBandsLedByTheFirstColumn() {
        var table = Table(columns: [Table.Column("Code")] + (1...40).map { Table.Column.number("Case \($0)") })
        table.append([Cell("Order taking")] + (1...40).map { Cell.int($0 * 1000) })
        let layout = LaTeXTableLayout(table: table, headers: [["Code"]] + (1...40).map { ["(\($0))"] }, smallest: .scriptsize)
        #expect(layout.bands.count > 1)
        #expect(layout.bands.allSatisfy { $0.columns.first == 0 })
        #expect(layout.bands.flatMap { $0.columns.dropFirst() } == Array(1...40))
        let sizes = layout.bands.map(\.columns.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        let tex = LaTeXRenderer().render(table)
        #expect(tex.components(separatedBy: "\\begin{longtable}").count == layout.bands.count + 1)
        #expect(tex.contains("Part 2 of \(layout.bands.count): columns (\(layout.bands[1].columns[1]))"))
        // A table that fits stays whole.
        var narrow = Table(columns: [Table.Column("Code"), Table.Column.number("Count")])
        narrow.append([Cell("Order taking"), Cell.int(3)])
        #expect(LaTeXTableLayout(table: narrow, headers: [["Code"], ["Count"]], smallest: .normal).bands.map(\.spec) == ["lr"])
    }

    @Test func wrappingColumnsShareTheRoomAndHoldTheirLongestWord() throws {
        var table = Table(columns: [Table.Column("Respondent"), Table.Column("Answer"), Table.Column("Codes")])
        table.append([Cell("R001"), Cell(String(repeating: "the branch office is far for us ", count: 6)), Cell("Consultation; Information; Hospitality")])
        let layout = LaTeXTableLayout(table: table, headers: [["Respondent"], ["Answer"], ["Codes"]], smallest: .normal)
        #expect(layout.bands.count == 1)
        #expect(layout.wrapping == [1, 2])
        let widths = layout.bands[0].spec.split(separator: "{").dropFirst().compactMap { Double($0.prefix { $0 != "\\" }) }
        #expect(widths.count == 2)
        // The codes column holds "Consultation;" (13 characters) and the answer, the longer text, gets more room.
        #expect(widths[1] * LaTeXTableLayout.textWidth >= 13 * LaTeXTableLayout.Size.normal.characterWidth)
        #expect(widths[0] > widths[1])
        let fixed = 10 * LaTeXTableLayout.Size.normal.characterWidth + 4 * LaTeXTableLayout.Size.normal.columnSeparation
        #expect(widths.reduce(0, +) * LaTeXTableLayout.textWidth + fixed <= LaTeXTableLayout.textWidth)
        let tex = LaTeXRenderer().render(table)
        #expect(tex.contains("R001 & \\raggedright the branch"))
        #expect(tex.contains("Hospitality \\tabularnewline"))
    }
}

@Suite struct TerminalTitleTests {
    @Test func aTableTitledLikeItsReportSaysTheTitleOnce() {
        var table = Table(title: "Views per platform", columns: [Table.Column("platform"), .number("views")])
        table.append([Cell("TikTok"), .int(3774)])
        let same = TerminalRenderer(width: 80).render(Report(title: "Views per platform", blocks: [.table(table)]))
        #expect(same.components(separatedBy: "Views per platform").count - 1 == 1)
        #expect(same.contains("TikTok"))
        let other = TerminalRenderer(width: 80).render(Report(title: "Figures", blocks: [.table(table)]))
        #expect(other.components(separatedBy: "Views per platform").count - 1 == 1)
        #expect(other.contains("Figures"))
    }
}
