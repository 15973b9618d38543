/// A before/after display (the seed paper's Table 3): for each aspect, what the figures, the survey and the
/// codings say before and after an intervention, every number with its source. Declared in a `.compare` file in
/// `Figures/`:
///
///     # title: Table 3. Before and after the promotion
///     row: Queues at the branch office
///     before: figure queues-per-month May
///     after: figure queues-per-month July
///     codes: Queues
struct BeforeAfter {
    struct Row {
        var aspect: String
        var before: String = ""
        var after: String = ""
        var codes: [String] = []
        var line: Int
    }

    var id: String
    var path: String
    var title: String
    var rows: [Row]

    static let keys = ["row", "before", "after", "codes"]

    static func parse(_ text: String, path: String, id: String) throws(BeforeAfterError) -> BeforeAfter {
        var title = id
        var rows: [Row] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.lowercased().hasPrefix("# title:") {
                title = line.dropFirst(8).trimmingWhitespace()
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), keys.contains(line[..<colon].lowercased()) else {
                throw .badLine(file: path, line: n + 1, text: line)
            }
            let key = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            if key == "row" {
                rows.append(Row(aspect: value, line: n + 1))
                continue
            }
            guard !rows.isEmpty else { throw .badLine(file: path, line: n + 1, text: line) }
            switch key {
            case "before": rows[rows.count - 1].before = value
            case "after": rows[rows.count - 1].after = value
            default:
                rows[rows.count - 1].codes = value.split(separator: ",").map { $0.trimmingWhitespace() }.filter {
                    !$0.isEmpty
                }
            }
        }
        return BeforeAfter(id: id, path: path, title: title, rows: rows)
    }
}

/// Problems in a before/after display file.
public enum BeforeAfterError: CodaError {
    case badLine(file: String, line: Int, text: String)
    case badReference(file: String, line: Int, reference: String, reason: String)
    case unknownDisplay(name: String, available: [String])

    public var diagnostic: Diagnostic {
        switch self {
        case .badLine(let file, let line, let text):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line),
                "`\(text.truncated(to: 40))` is not a line of a before/after display",
                hint: "start with `row: ASPECT`, then `before: …`, `after: …` and `codes: CODE, CODE`")
        case .badReference(let file, let line, let reference, let reason):
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line), "`\(reference.truncated(to: 50))`: \(reason)",
                hint: "write `figure NAME [ROW]`, `survey SURVEY:QUESTION = ANSWER`, or plain text in quotes")
        case .unknownDisplay(let name, let available):
            return Diagnostic(
                .error, at: nil, "there is no before/after display called `\(name)`",
                hint: available.isEmpty
                    ? "write one as Figures/NAME.compare (see `coda help compare`)"
                    : "the displays are: " + available.joined(separator: ", "))
        }
    }
}
