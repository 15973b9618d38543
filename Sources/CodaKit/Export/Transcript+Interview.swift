extension Transcript {
    /// Words in a `kind`, `type` or `role` attribute that mark a document as notes rather than an interview.
    static let notesWords = ["field note", "fieldnote", "observation", "notes", "diary"]

    /// Whether the document is an interview: someone speaks in it, and no attribute calls it field notes or
    /// an observation. Field notes and other documents without speakers are counted apart from interviews.
    var isInterview: Bool {
        guard !isSurveyAnswers else { return false }
        for key in ["kind", "type", "role"] {
            guard let value = attribute(key)?.lowercased() else { continue }
            if Transcript.notesWords.contains(where: { value.contains($0) }) { return false }
        }
        return segments.contains { $0.speaker != nil }
    }
}

extension Project {
    /// The interviews among the transcripts, and the other documents (field notes, observations).
    var interviewsAndNotes: (interviews: [Transcript], notes: [Transcript]) {
        var split: (interviews: [Transcript], notes: [Transcript]) = ([], [])
        for transcript in transcripts {
            if transcript.isInterview { split.interviews.append(transcript) } else { split.notes.append(transcript) }
        }
        return split
    }

    /// "5 interviews", or "4 interviews and 1 set of field notes", for sentences about what was analysed.
    var interviewsPhrase: String {
        let (interviews, notes) = interviewsAndNotes
        let first = "\(interviews.count) interview\(plural(interviews.count))"
        guard !notes.isEmpty else { return first }
        return first + " and \(notes.count) document\(plural(notes.count)) of field notes"
    }
}

extension Transcript {
    /// The document's title in the appendix: an interview, field notes, or a survey question's answers.
    var appendixTitle: String {
        if isSurveyAnswers { return "Survey answers \(id)" }
        return (isInterview ? "Interview " : "Field notes ") + id
    }
}
