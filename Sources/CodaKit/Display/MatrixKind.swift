/// The matrices of Miles and Huberman's data display that Coda builds.
public enum MatrixKind: String, Sendable, CaseIterable {
    /// Cases × codes: the case-ordered meta-matrix.
    case caseCode = "case-code"
    /// Codes × the values of an attribute (`--by role`): role-ordered.
    case attribute
    /// Codes × phases or months (`--by phase|month`): time-ordered.
    case time
    /// Codes × cases with strength marks.
    case checklist
    /// Code × code: segments where both apply.
    case cooccurrence
    /// Cases × codes with the researcher's summaries (or the most typical quote).
    case framework
    /// Codes × coders: who applied what.
    case codeCoder = "code-coder"

    /// The kind a user named: its raw value, or `case` or `co-occurrence` (lower case).
    init?(name: String) {
        guard let kind = MatrixKind(rawValue: name) ?? (name == "case" ? .caseCode : name == "co-occurrence" ? .cooccurrence : nil) else { return nil }
        self = kind
    }
}

/// What a matrix cell shows.
public enum CellKind: String, Sendable, CaseIterable {
    /// The number of codings.
    case count
    /// Whether there is any coding.
    case presence
    /// The share of the row's or column's text that is coded, in percent.
    case coverage
    /// The coded words, each cited as case and segment.
    case quotes
    /// The researcher's framework summary, else the most typical quote.
    case summary
}
