/// The units two coders' decisions are compared on: the segments both read, coded or not.
/// In an interview both coders coded, a coder who coded it read all of it: every segment with text is a
/// unit (interviewer turns left out unless asked for). In a survey question's answers each respondent's
/// answer is a unit when both coders read it: coded it, or marked it read with `coda tag DOC N --none`
/// (or moved past it in `coda code`); respondents only one coder read are not compared.
struct AgreementUnits {
    struct DocumentUnits {
        var document: Transcript
        /// Segment numbers compared, in order.
        var segments: [Int]
        /// The length of their text, in Unicode scalars (the units of `--unit char`).
        var characters: Int
        /// Each coder's codings in this document by code path.
        var codingsA: [CodePath: [Coding]]
        var codingsB: [CodePath: [Coding]]
    }

    var documents: [DocumentUnits] = []
    var interviewerTurns = 0

    init(_ project: Project, coderA: String, coderB: String, withInterviewer: Bool) {
        let a = CoderID(coderA), b = CoderID(coderB)
        var byDocument: [DocumentID: (a: [Coding], b: [Coding])] = [:]
        for coding in project.humanCodings {
            let coder = CoderID(coding.coder)
            if coder == a { byDocument[DocumentID(coding.document), default: ([], [])].a.append(coding) }
            if coder == b { byDocument[DocumentID(coding.document), default: ([], [])].b.append(coding) }
        }
        for document in project.documentsInOrder {
            let key = DocumentID(document.id)
            let codings = byDocument[key] ?? ([], [])
            let marksA = project.reviewMarks[a]?[key] ?? [], marksB = project.reviewMarks[b]?[key] ?? []
            guard !codings.a.isEmpty || !marksA.isEmpty, !codings.b.isEmpty || !marksB.isEmpty else { continue }
            var numbers: [Int]
            if document.isSurveyAnswers {
                let read = project.reviewedSegments(coder: coderA, document: document)
                    .intersection(project.reviewedSegments(coder: coderB, document: document))
                numbers = read.sorted()
            } else {
                numbers = document.segments.filter { !$0.range.isEmpty }.map(\.number)
            }
            if !withInterviewer {
                let turns = Set(document.interviewerTurns)
                interviewerTurns += numbers.filter(turns.contains).count
                numbers.removeAll(where: turns.contains)
            }
            guard !numbers.isEmpty else { continue }
            let characters = numbers.reduce(0) { $0 + document.segments[$1 - 1].range.count }
            documents.append(DocumentUnits(document: document, segments: numbers, characters: characters,
                                           codingsA: Dictionary(grouping: codings.a, by: { CodePath($0.code) }),
                                           codingsB: Dictionary(grouping: codings.b, by: { CodePath($0.code) })))
        }
    }
}
