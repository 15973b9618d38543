/// What the user asked of a matrix on the command line.
public struct MatrixOptions: Sendable {
    public var kind: MatrixKind
    public var cell: CellKind = .count
    public var conditions: [(attribute: String, value: String)] = []
    /// nil: the main coder when there are several (the one with most codings); "all": everyone.
    public var coder: String?
    public var codeRoots: [Code] = []
    public var depth: Int?
    public var rollup = false
    /// `--by` for attribute and time matrices.
    public var by: String?
    /// Co-occurrence distance in segments.
    public var within = 0
    /// Checklist thresholds for weak, moderate and strong.
    public var thresholds = [1, 2, 4]
    public var allCases = false
    public var dropEmpty = false
    public var transpose = false
    /// Count codings that lie only on interviewer turns.
    public var withInterviewer = false

    public init(kind: MatrixKind) { self.kind = kind }
}

/// Problems with a matrix request.
public enum DisplayError: CodaError {
    case needsBy(MatrixKind)
    case badTimeAxis(String)
    case badThresholds(String)
    /// A code × code matrix too large to show (`Cooccurrence.maximumCodes`).
    case tooManyCodes(count: Int, limit: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case .needsBy(let kind):
            return Diagnostic(.error, at: nil, "`coda matrix \(kind.rawValue)` needs `--by ATTRIBUTE`", hint: "e.g. `--by role`")
        case .badTimeAxis(let by):
            return Diagnostic(.error, at: nil, "a time matrix goes `--by phase` or `--by month`, not `\(by)`",
                              hint: "phase comes from the `phase:` header, month from `date:` (YYYY-MM-DD)")
        case .badThresholds(let text):
            return Diagnostic(.error, at: nil, "`\(text)` is not three increasing counts", hint: "write e.g. `--thresholds 1,2,4` (weak, moderate, strong)")
        case let .tooManyCodes(count, limit):
            return Diagnostic(.error, at: nil, "a code × code matrix of \(count) codes would have \(count * count) cells; "
                              + "Coda shows at most \(limit) codes", hint: "narrow it with `--code CODE` or `--depth 1`, "
                              + "or draw only the pairs that occur with `coda network cooccurrence`")
        }
    }

    public var isUsageError: Bool {
        switch self {
        case .needsBy, .badTimeAxis, .badThresholds: return true
        case .tooManyCodes: return false
        }
    }
}
