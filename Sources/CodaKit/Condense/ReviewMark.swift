/// A coder's record that they read a segment, coded or not: "I read this and no code applies" counts in
/// agreement as much as a code does. Written by `coda tag DOC SEGMENTS --none` and by `coda code` for every
/// segment the coder moves past. The segment's speaker (in survey answers, the respondent) and a
/// fingerprint of its text let the mark find its segment again after the document is edited.
struct ReviewMark: Sendable, Hashable {
    var document: String
    var segment: Int
    var speaker: String
    var fingerprint: String

    init(document: Transcript, segment: Segment) {
        self.document = document.id
        self.segment = segment.number
        speaker = segment.speaker ?? ""
        fingerprint = CodaKit.fingerprint(segment.text)
    }

    init(document: String, segment: Int, speaker: String, fingerprint: String) {
        self.document = document
        self.segment = segment
        self.speaker = speaker
        self.fingerprint = fingerprint
    }

    /// The segment this mark is on in the document as it is now: the same number when its text and speaker
    /// are unchanged, else the one segment with that text and speaker, else nil (the text changed).
    func place(in document: Transcript) -> Int? {
        func fits(_ s: Segment) -> Bool { (s.speaker ?? "") == speaker && CodaKit.fingerprint(s.text) == fingerprint }
        if let s = document.segment(segment), fits(s) { return segment }
        let candidates = document.segments.filter(fits)
        return candidates.count == 1 ? candidates[0].number : nil
    }

    static let header = "# Coda: segments this coder read, coded or not (`coda tag DOC SEGMENTS --none`, `coda code`). "
        + "Tab-separated: document, segment, speaker or respondent, fingerprint of its text. Sorted."

    static func render(_ marks: [ReviewMark]) -> String {
        let sorted = Set(marks).sorted { ($0.document, $0.segment, $0.speaker) < ($1.document, $1.segment, $1.speaker) }
        return ([header] + sorted.map { "\($0.document)\t\($0.segment)\t\($0.speaker)\t\($0.fingerprint)" })
            .joined(separator: "\n") + "\n"
    }

    /// The marks of a file; lines that are not marks are reported, with their line number.
    static func parse(_ text: String, path: String) -> (marks: [ReviewMark], problems: [Diagnostic]) {
        var marks: [ReviewMark] = []
        var problems: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let number = Int(fields[1]), number >= 1 else {
                problems.append(Diagnostic(.warning, at: SourceLocation(file: path, line: index + 1),
                        "this line is not a review mark (document, segment, speaker, fingerprint)",
                        hint: "mark segments again with `coda tag DOC SEGMENTS --none`; the line is left out"))
                continue
            }
            marks.append(ReviewMark(document: fields[0], segment: number, speaker: fields[2], fingerprint: fields[3]))
        }
        return (marks, problems)
    }
}
