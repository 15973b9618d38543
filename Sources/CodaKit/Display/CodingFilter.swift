/// The codings a display or a conclusion draws on: people's codings (not suggestions) on known codes,
/// of the chosen coder, in cases that meet the `--where` conditions.
struct CodingFilter {
    var project: Project
    var coder: String?
    var conditions: [(attribute: String, value: String)]
    /// Keep codings that lie only on interviewer turns (`--with-interviewer`).
    var withInterviewer = false

    /// The coder whose codings displays use by default: with several coders, the one with the most codings
    /// (the others are for agreement checks); `all` means everyone.
    static func defaultCoder(_ project: Project) -> String? { project.mainCoder }

    /// Works out the main coder from the codings (done once, when the project is loaded).
    static func mainCoder(of codings: [Coding]) -> String? {
        mainCoder(counts: codingsPerCoder(codings))
    }

    /// How many codings each coder (as spelled in the codings) made.
    static func codingsPerCoder(_ codings: [Coding]) -> [String: Int] {
        var counts: [String: Int] = [:]
        // Not `for c in codings`: that copies each coding, retaining each of its strings.
        for i in codings.indices { counts[codings[i].coder, default: 0] += 1 }
        return counts
    }

    /// The coder with the most codings in `counts`; nil with one coder or none.
    static func mainCoder(counts: [String: Int]) -> String? {
        guard counts.count > 1 else { return nil }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    init(project: Project, coder: String?, conditions: [(attribute: String, value: String)], withInterviewer: Bool = false) throws {
        self.project = project
        self.conditions = conditions
        self.withInterviewer = withInterviewer
        if let coder, coder.lowercased() == "all" {
            self.coder = nil
        } else if let coder {
            try project.validateCoder(coder, allowingSuggestions: true)
            self.coder = coder
        } else {
            self.coder = project.mainCoder
        }
        try project.validate(conditions)
    }

    /// A coding with the case it belongs to. Items are copied a lot (filtered per theme, grouped per
    /// cell), so they name their document rather than hold it.
    struct Item {
        var coding: Coding
        /// The document's id as the project spells it.
        var documentID: String
        var caseID: String
        /// The code's path in lower case, for matching without lower-casing it again and again.
        var codeKey: String
        /// The coding sits in a survey question's answers, where each segment is another respondent.
        var isSurvey: Bool
    }

    func items() -> [Item] {
        let coder = coder?.lowercased()
        let known = Set(project.codebook.codes.map { $0.path.lowercased() })
        let meetsConditions = conditions.isEmpty ? nil : project.conditionTest(conditions)
        let interviewer = withInterviewer ? nil : InterviewerTurns(project)
        var result: [Item] = []
        for coding in project.humanCodings {
            if let coder, coding.coder.lowercased() != coder { continue }
            if let interviewer, interviewer.covers(coding) { continue }
            let codeKey = coding.code.lowercased()
            guard known.contains(codeKey), let document = project.documentsByID[coding.document.lowercased()] else { continue }
            let caseID = project.caseID(of: coding, in: document)
            if let meetsConditions, !meetsConditions(document, caseID) { continue }
            result.append(Item(coding: coding, documentID: document.id, caseID: caseID, codeKey: codeKey,
                               isSurvey: document.isSurveyAnswers))
        }
        return result
    }

    /// Words that reproduce this filter on `coda retrieve`.
    var retrieveArguments: [String] {
        (coder.map { ["--coder", $0] } ?? []) + conditions.flatMap { ["--where", "\($0.attribute)=\($0.value)"] }
            + (withInterviewer ? ["--with-interviewer"] : [])
    }

    /// A sentence for the notes under a display.
    var description: String {
        var parts: [String] = []
        if let coder {
            let main = project.coders.count > 1 && coder == project.mainCoder
            let why = project.mainCoderIsDeclared ? "the main coder set in Project.md"
                : "who has the most codings, as no main coder is declared (`coda config main-coder NAME`)"
            parts.append(main ? "codings by \(coder), \(why) (`--coder NAME` for another, `--coder all` for everyone)"
                         : "codings by \(coder)")
        } else {
            parts.append(project.coders.count > 1 ? "codings by all coders" : "all codings")
        }
        if !conditions.isEmpty { parts.append("where " + conditions.map { "\($0.attribute) = \($0.value)" }.joined(separator: " and ")) }
        parts.append(withInterviewer ? "interviewer turns included" : "interviewer turns left out (`--with-interviewer` counts them)")
        return parts.joined(separator: ", ")
    }
}
