/// Every document's interviewer turns, worked out once per display. A coding that lies only on interviewer
/// turns is the interviewer's question, not the case's evidence: displays, quotes, drafts and agreement
/// leave it out unless `--with-interviewer` is given, and `coda check` warns about it.
struct InterviewerTurns {
    private var turns: [String: Set<Int>] = [:]

    init(_ project: Project) {
        for document in project.documentsInOrder where !document.isSurveyAnswers {
            let numbers = document.interviewerTurns
            if !numbers.isEmpty { turns[document.id.lowercased()] = Set(numbers) }
        }
    }

    /// Whether every segment the coding covers is an interviewer turn.
    func covers(_ coding: Coding) -> Bool {
        guard let numbers = turns[coding.document.lowercased()] else { return false }
        return coding.segments.allSatisfy(numbers.contains)
    }
}

extension Project {
    /// A warning for each coder and interview with codings that lie only on interviewer turns: they are left
    /// out of displays and agreement, which is seldom what the coder meant.
    func interviewerCodingWarnings() -> [Diagnostic] {
        let turns = InterviewerTurns(self)
        var found: [String: [String: Set<Int>]] = [:]
        for coding in humanCodings where turns.covers(coding) {
            found[coding.document, default: [:]][coding.coder, default: []].formUnion(coding.segments)
        }
        var warnings: [Diagnostic] = []
        for (document, byCoder) in found.sorted(by: { naturalOrder($0.key, $1.key) }) {
            let path = documentsByID[document.lowercased()]?.path
            for (coder, numbers) in byCoder.sorted(by: { $0.key < $1.key }) {
                let label = SegmentSelection(numbers: Array(numbers)).compact
                warnings.append(Diagnostic(.warning, at: path.map { SourceLocation(file: $0) },
                        "\(coder) coded interviewer turns of \(document) (¶\(label)); displays, quotes and agreement "
                        + "leave them out",
                        hint: "code the answer instead (`coda show \(document) \(label)`), name the interviewer in the "
                        + "header (`interviewer: NAME`) if that is not the interviewer, or use `--with-interviewer`"))
            }
        }
        return warnings
    }
}
