/// How `coda chart` draws: bars in the terminal, or a file for a document.
public enum ChartFormat: String, Sendable, CaseIterable {
    /// Bars in text, with the numbers in a table.
    case table
    /// An accessible SVG picture: title, description, axis labels and every value written as text.
    case svg
    /// One HTML page: the SVG and the table of values.
    case html
    /// Plain TikZ (no pgfplots) for `\usepackage{tikz}`.
    case tex
    case md
    case csv
}
