/// How a quote is cited: always by the document and segment that `coda show DOCUMENT SEGMENTS` opens,
/// led by the case when the case is not simply the document (a survey respondent, or a case id that
/// differs from its transcript's id): `R017 ¶4`, `R017, pre-survey:Q4 ¶12`.
enum Citation {
    static func text(document: String, caseID: String, segments: String) -> String {
        let place = "\(document) ¶\(segments)"
        return caseID.isEmpty || CaseID(caseID).key == DocumentID(document).key ? place : "\(caseID), \(place)"
    }
}
