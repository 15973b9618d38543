/// Everything the project says about one theme (a code and the codes under it), computed from the
/// codings: what a conclusion draft is written from.
public struct ThemeEvidence: Sendable {
    public struct Group: Sendable {
        public var attribute: String
        public var value: String
        /// Interviews in the group, and those where the theme was coded.
        public var interviews: Int
        public var withTheme: Int
        public var segments: Int
        public var share: Double? { percent(withTheme, of: interviews) }
    }

    public struct Contrast: Sendable {
        public var attribute: String
        public var high: Group
        public var low: Group
        public var difference: Double
        /// True when a group has fewer than two interviews.
        public var smallGroups: Bool
    }

    public struct Exemplar: Sendable {
        public var text: String
        public var citation: String
    }

    public struct Opposition: Sendable {
        public var code: String
        public var opposite: String
        public var casesWithCode: [String]
        public var casesWithOpposite: [String]
        public var quotes: [Exemplar]
    }

    public struct Triangulation: Sendable {
        public var code: String
        public var link: String
        public var surveyText: String
        public var interviewText: String
        public var respondents: [(caseID: String, answer: String, coded: Bool)]
    }

    public struct Check: Sendable {
        /// Passed, needs the researcher's attention, or has nothing recorded to rest on (never shown as passed).
        public enum Status: String, Sendable {
            case passed, attention, nothingRecorded

            var mark: String { self == .passed ? "✓" : self == .attention ? "!" : "?" }
        }

        public var name: String
        public var status: Status
        public var finding: String
        public var ok: Bool { status == .passed }

        init(name: String, ok: Bool, finding: String) {
            self.init(name: name, status: ok ? .passed : .attention, finding: finding)
        }

        init(name: String, status: Status, finding: String) {
            self.name = name
            self.status = status
            self.finding = finding
        }
    }

    public var theme: Code
    public var codes: [String]
    public var interviewCases: [String]
    public var casesWithTheme: [String]
    public var segments: Int
    public var codings: Int
    public var surveyLines: [String]
    public var groups: [[Group]]
    public var contrasts: [Contrast]
    public var cooccurring: [(code: String, segments: Int)]
    public var exemplars: [Exemplar]
    public var negativeCases: [String]
    public var oppositions: [Opposition]
    public var triangulation: [Triangulation]
    public var checks: [Check]

    public var share: Double? { percent(casesWithTheme.count, of: interviewCases.count) }
}
