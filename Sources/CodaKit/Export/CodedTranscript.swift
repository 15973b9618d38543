/// A transcript as the appendix shows it: numbered segments, speakers, and the codes beside each.
enum CodedTranscript {
    /// The report from the document's codings, already chosen (the appendix groups them once for all documents).
    static func report(_ project: Project, document: Transcript, codings: [Coding], coder: String?) -> Report {
        let codes = TranscriptView.codeLabels(project, document: document, codings: codings, namingCoders: coder == nil && project.coders.count > 1)
        let numbers = document.segments.filter { !$0.range.isEmpty }.map(\.number)
        var fields = [Field("Case", document.isSurveyAnswers ? "one per respondent" : document.caseID)]
        for (key, value) in document.attributes where key != "case" && key != "speakers" { fields.append(Field(key, value)) }
        fields.append(Field("Codings", "\(codings.count)" + (coder.map { " by \($0)" } ?? "")))
        return Report(title: document.appendixTitle,
                      blocks: [.fields(fields), .table(TranscriptView.table(document, numbers: numbers, codes: codes))])
    }
}
