/// `coda agree` without two coders: the message lists the project's coders, so the next command can be typed.
struct AgreementCodersMissing: CodaError {
    var coders: [(name: String, codings: Int)]
    var given: String?

    init(project: Project, given: String?) {
        let counts = Dictionary(grouping: project.humanCodings, by: \.coder).mapValues(\.count)
        coders = project.coders.map { ($0, counts[$0] ?? 0) }
        self.given = given
    }

    var diagnostic: Diagnostic {
        let listed = coders.map { "\($0.name) (\($0.codings) coding\(plural($0.codings)))" }.joined(separator: ", ")
        let what = given == nil ? "two coders" : "a second coder"
        guard coders.count >= 2 else {
            return Diagnostic(.error, at: nil, "`coda agree` needs \(what), and this project has "
                              + (coders.isEmpty ? "no codings yet" : "codings by one coder only: \(listed)"),
                              hint: "agreement compares two people's codings of the same documents")
        }
        let others = coders.map(\.name).filter { $0.lowercased() != given?.lowercased() }
        let example = ([given ?? others[0]] + [others[given == nil ? 1 : 0]]).joined(separator: " ")
        return Diagnostic(.error, at: nil, "`coda agree` needs \(what); the coders in this project: \(listed)",
                          hint: "e.g. `coda agree \(example)`")
    }

    var isUsageError: Bool { true }
}
