import Foundation

/// A numeric survey column (age, income) summarised as n, mean, median, standard deviation, minimum and
/// maximum, with a histogram of equal-width bins, rather than one frequency row per value.
public struct SurveyNumbers: Sendable {
    public struct Bin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
    }

    public var column: SurveyColumn
    public var values: [Double]
    /// Answers that are not numbers (left out of the statistics, and said so).
    public var notNumbers: Int
    public var missing: Int

    public init(survey: Survey, column: SurveyColumn) {
        self.column = column
        var values: [Double] = []
        var notNumbers = 0
        var missing = 0
        let decimalComma = survey.decimalComma
        for r in survey.respondents {
            let text = r.values[column.index]
            if text.isEmpty {
                missing += 1
            } else if let v = SurveyNumber.parse(text, decimalComma: decimalComma) {
                values.append(v)
            } else {
                notNumbers += 1
            }
        }
        self.values = values
        self.notNumbers = notNumbers
        self.missing = missing
    }

    public var n: Int { values.count }
    public var mean: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(n) }
    public var median: Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
    /// The sample standard deviation (n − 1).
    public var standardDeviation: Double? {
        guard n >= 2, let mean else { return nil }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
    }
    public var minimum: Double? { values.min() }
    public var maximum: Double? { values.max() }
    var allIntegers: Bool { values.allSatisfy { $0 == $0.rounded() } }

    /// Bins of a round width (1, 2 or 5 times a power of ten) giving about √n bins, at most 12.
    public var bins: [Bin] {
        guard let low = minimum, let high = maximum else { return [] }
        let target = Double(min(12, max(1, Int(Double(n).squareRoot().rounded(.up)))))
        var width = SurveyNumbers.roundWidth((high - low) / target)
        if allIntegers { width = max(1, width.rounded(.up)) }
        let start = (low / width).rounded(.down) * width
        let count = max(1, Int(((high - start) / width).rounded(.down)) + 1)
        var bins = (0..<count).map {
            Bin(lower: start + Double($0) * width, upper: start + Double($0 + 1) * width, count: 0)
        }
        for v in values { bins[min(count - 1, Int(((v - start) / width).rounded(.down)))].count += 1 }
        return bins
    }

    /// The histogram bin a respondent's answer falls in, so numbers can group a cross-tabulation.
    func binLabel(of text: String, decimalComma: Bool, bins: [Bin]) -> String? {
        guard let v = SurveyNumber.parse(text, decimalComma: decimalComma) else { return nil }
        return bins.last { $0.lower <= v }.map(label)
    }

    static func roundWidth(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].first { $0 * power >= raw } ?? 10
        return step * power
    }

    /// `20–24` for whole numbers (both ends included), `1.5–2` otherwise (upper end excluded).
    func label(_ bin: Bin) -> String {
        allIntegers && bin.upper - bin.lower > 1
            ? "\(format(bin.lower))–\(format(bin.upper - 1))"
            : allIntegers ? format(bin.lower) : "\(format(bin.lower))–<\(format(bin.upper))"
    }

    func format(_ value: Double?) -> String {
        guard let value else { return "–" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.2f", value)
    }

    /// The statistics of a numeric column for each value of an attribute (age by participant type).
    static func byGroup(survey: Survey, column: SurveyColumn, attribute: String,
                        value: (Survey.Respondent) -> String?) -> Table {
        var members: [String: [Survey.Respondent]] = [:]
        for r in survey.respondents { if let g = value(r), !g.isEmpty { members[g, default: []].append(r) } }
        var table = Table(title: "\(column.title) — by \(attribute)",
                          columns: [Table.Column(attribute), .number("n"), .number("Mean"), .number("Median"),
                                    .number("SD"), .number("Min"), .number("Max")])
        let counts = members.mapValues(\.count)
        for group in SurveyFrequency.order(counts) {
            var part = survey
            part.respondents = members[group] ?? []
            table.append([Cell(group)] + SurveyNumbers(survey: part, column: column).statisticCells)
        }
        table.append([Cell("All")] + SurveyNumbers(survey: survey, column: column).statisticCells, isSummary: true)
        table.notes.append("SD is the sample standard deviation (n − 1); answers that are not numbers are left out.")
        return table
    }

    var statisticCells: [Cell] {
        let two = { (v: Double?) in Cell(v.map { String(format: "%.2f", $0) } ?? "–", value: .number(v)) }
        return [.int(n), two(mean), Cell(format(median)), two(standardDeviation), Cell(format(minimum)), Cell(format(maximum))]
    }

    var summaryTable: Table {
        var table = Table(
            title: "\(column.title) (numbers)",
            columns: [.number("n"), .number("Mean"), .number("Median"), .number("SD"), .number("Min"), .number("Max")])
        let sd = standardDeviation.map { String(format: "%.2f", $0) } ?? "–"
        let mean = self.mean.map { String(format: "%.2f", $0) } ?? "–"
        table.append([
            .int(n), Cell(mean), Cell(format(median)), Cell(sd), Cell(format(minimum)), Cell(format(maximum)),
        ])
        if missing > 0 { table.notes.append("\(missing) respondent\(plural(missing)) gave no answer.") }
        if notNumbers > 0 {
            table.notes.append(
                "\(notNumbers) answer\(plural(notNumbers)) not a number left out; "
                    + "declare the column `closed` in the .columns file to count every answer."
            )
        }
        table.notes.append("SD is the sample standard deviation (n − 1).")
        return table
    }

    var histogramTable: Table {
        var table = Table(
            title: "\(column.title): histogram", columns: [Table.Column("Range"), .number("Count"), .number("Percent")])
        for bin in bins { table.append([Cell(label(bin)), .int(bin.count), .percent(percent(bin.count, of: n))]) }
        table.append([Cell("Total"), .int(n), .percent(n > 0 ? 100 : nil)], isSummary: true)
        return table
    }

    var chart: BarChart {
        BarChart(title: "\(column.title): histogram", bars: bins.map { BarChart.Bar(label($0), Double($0.count)) })
    }

    var json: JSONValue {
        let number = { (v: Double?) in JSONValue.number(v.map { ($0 * 1000).rounded() / 1000 }) }
        return .object([
            ("question", .string(column.key)), ("header", .string(column.header)),
            ("kind", .string(column.kind.rawValue)),
            ("n", .int(n)), ("mean", number(mean)), ("median", number(median)), ("sd", number(standardDeviation)),
            ("min", number(minimum)), ("max", number(maximum)), ("missing", .int(missing)),
            ("notNumbers", .int(notNumbers)),
            (
                "bins",
                .array(
                    bins.map {
                        .object([("from", .number($0.lower)), ("to", .number($0.upper)), ("count", .int($0.count))])
                    })
            ),
        ])
    }
}
