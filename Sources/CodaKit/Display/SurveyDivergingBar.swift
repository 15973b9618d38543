/// A diverging bar of answers on an ordered scale: the levels below the neutral middle to the left of a centre
/// line, those above to the right, and the neutral answers split across it, so agreement reads at a glance.
public struct SurveyDivergingBar: Sendable {
    public var question: String
    /// Percent of respondents below, at and above the neutral level.
    public var below: Double
    public var neutral: Double
    public var above: Double

    /// Nil when the question has no scale with a neutral middle, or nobody answered.
    public init?(_ frequency: SurveyFrequency) {
        guard let scale = frequency.column.scale, let middle = scale.neutral, frequency.answered > 0 else { return nil }
        var shares = [0.0, 0.0, 0.0]
        for answer in frequency.answers {
            guard let level = scale.level(of: answer.answer), let p = answer.percent else { continue }
            shares[level < middle ? 0 : level == middle ? 1 : 2] += p
        }
        question = frequency.column.key
        (below, neutral, above) = (shares[0], shares[1], shares[2])
    }

    /// `█` for below and above, `▒` for neutral, `│` at the centre; `width` characters each side.
    public func text(width: Int = 20) -> String {
        let cells = { (p: Double) in Int((p / 100 * Double(width)).rounded()) }
        let half = neutral / 2
        let left = String(repeating: "▒", count: cells(half)) + String(repeating: "█", count: cells(below))
        let right = String(repeating: "▒", count: cells(half)) + String(repeating: "█", count: cells(above))
        let padded = String(repeating: " ", count: max(0, width - left.count)) + String(left.reversed())
        return padded + "│" + right
    }

    static func table(_ bars: [SurveyDivergingBar], scaleName: String) -> Table {
        var table = Table(
            title: "Diverging bars",
            columns: [
                Table.Column("Question"), .number("Below"), .number("Neutral"),
                .number("Above"), Table.Column("Bar"),
            ])
        for bar in bars {
            table.append([
                Cell(bar.question), .percent(bar.below), .percent(bar.neutral), .percent(bar.above), Cell(bar.text()),
            ])
        }
        table.notes.append(
            "Below and above the neutral middle of the \(scaleName) scale, in percent of respondents "
                + "who answered; █ below or above, ▒ neutral (half each side of │).")
        return table
    }
}
