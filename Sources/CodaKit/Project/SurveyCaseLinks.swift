extension Project {
    /// A survey none of whose respondents is an interview case cannot link answers to interviews: usually the
    /// id was guessed from the wrong column (a row number), so the warning names the column and the fix.
    func surveyCaseLinkDiagnostics() -> [Diagnostic] {
        let caseNames = Dictionary(
            transcripts.map { ($0.caseID.lowercased(), $0.caseID) }, uniquingKeysWith: { a, _ in a })
        let interviewCases = Set(caseNames.keys)
        guard !interviewCases.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for survey in surveys where !survey.respondents.contains(where: { interviewCases.contains($0.id.lowercased()) })
        {
            let examples = survey.respondents.prefix(3).map(\.id).joined(separator: ", ")
            let cases = caseNames.values.sorted().prefix(3).joined(separator: ", ")
            let source = survey.idColumn.map { "column `\(survey.columns[$0].key)`" } ?? "row numbers"
            out.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: survey.path),
                    "no respondent of `\(survey.id)` is an interview case: "
                    + "respondent ids come from \(source) (\(examples), …), "
                        + "interview cases are \(cases)\(interviewCases.count > 3 ? ", …" : "")",
                    hint:
                        "if a column holds the interviewees' ids, name it in \(SurveyColumnsWriter.path(for: survey)) "
                        + "(`COLUMN: id`); `coda survey --columns` writes the detected kinds there to start from"))
        }
        return out
    }
}
