extension Project {
    /// Every codable document: the transcripts, then each survey's open questions.
    public var documentIDs: [String] {
        transcripts.map(\.id) + surveys.flatMap { s in s.columns.filter { $0.kind == .open }.map { s.documentID(for: $0) } }
    }

    /// A document by id: a transcript, or a survey's open question (`pre-survey:Q5`) seen as a transcript
    /// whose segment N is respondent N's answer.
    public func document(_ id: String) throws(ProjectError) -> Transcript {
        if let d = documentsByID[id.lowercased()] { return d }
        if let colon = id.firstIndex(of: ":"), let survey = survey(String(id[..<colon])),
           let column = survey.findColumn(String(id[id.index(after: colon)...])), column.kind == .open {
            return survey.openQuestionDocument(column)
        }
        if let problem = unreadable[id.lowercased()] { throw .unreadableDocument(id: id, problem: problem) }
        throw .unknownDocument(id: id, suggestions: EditDistance.closest(to: id, in: documentIDs),
                               unreadableCount: unreadable.keys.filter { $0.hasPrefix(Project.transcriptsFolder + "/") }.count)
    }
}

extension Project {
    /// Documents by lower-cased id, for placing codings, and in order (transcripts, then survey open questions).
    /// When documents share an id (an error `coda check` reports) only the first is kept, in both.
    static func documentIndex(transcripts: [Transcript], surveys: [Survey]) -> (byID: [String: Transcript], inOrder: [Transcript]) {
        var index: [String: Transcript] = [:]
        var order: [Transcript] = []
        func add(_ document: Transcript) {
            guard index[document.id.lowercased()] == nil else { return }
            index[document.id.lowercased()] = document
            order.append(document)
        }
        transcripts.forEach(add)
        for s in surveys {
            for c in s.columns where c.kind == .open { add(s.openQuestionDocument(c)) }
        }
        return (index, order)
    }
}

extension Survey {
    /// The answers to one open question as a document: one segment per respondent, in row order,
    /// so segment N is always the respondent on data row N (empty answers stay as empty segments).
    public func openQuestionDocument(_ column: SurveyColumn) -> Transcript {
        var text = ""
        var segments: [Segment] = []
        var offset = 0
        for (index, respondent) in respondents.enumerated() {
            let answer = respondent.values[column.index].replacingOccurrences(of: "\r", with: "")
            let length = answer.unicodeScalars.count
            segments.append(Segment(number: index + 1, speaker: respondent.id, timestamp: nil, text: Substring(answer),
                                    range: offset..<(offset + length), line: respondent.line))
            text += answer + "\n"
            offset += length + 1
        }
        var document = Transcript(id: documentID(for: column), path: path, attributes: [("question", column.header)] + attributes,
                                  caseID: id, text: text, segments: segments, speakers: [])
        document.kind = .surveyAnswers(survey: id, question: column.key)
        return document
    }
}
