extension OptionSpec {
    /// Interviewer turns are questions, not a case's evidence: left out unless asked for.
    static let withInterviewer = OptionSpec(name: "with-interviewer", valueName: nil,
                                            help: "count the interviewer's turns too (left out by default)")
}
