/// A document's numbered segments with speakers, timestamps and the codes beside each: what `coda show`
/// prints, and what the appendix shows of every transcript.
public enum TranscriptView {
    /// `coda show ID [SEGMENTS]`, with the codes of the document's codings (every coder's) when it has any.
    public static func report(_ transcript: Transcript, segments selection: SegmentSelection?, project: Project) throws(ProjectError) -> Report {
        // Without a selection, empty segments (survey respondents who left an open question blank) are left out.
        let numbers = selection?.numbers ?? transcript.segments.filter { !$0.range.isEmpty || $0.speaker == nil }.map(\.number)
        for n in numbers where transcript.segment(n) == nil {
            throw .segmentOutOfRange(document: transcript.id, number: n, count: transcript.segments.count)
        }
        let codings = project.humanCodings.filter { $0.document == transcript.id }
        let coders = Set(codings.map { $0.coder.lowercased() })
        let codes = codings.isEmpty ? nil : codeLabels(project, document: transcript, codings: codings, namingCoders: coders.count > 1)
        var fields = [Field("File", transcript.path)]
        if transcript.isSurveyAnswers {
            let answered = transcript.segments.filter { !$0.range.isEmpty }.count
            fields.append(Field("Answers", "\(answered) of \(transcript.segments.count) respondents; segment N is respondent N"))
        } else {
            fields.append(Field("Case", transcript.caseID))
        }
        for (key, value) in transcript.attributes where key != "case" { fields.append(Field(key, value)) }
        return Report(title: transcript.id, blocks: [.fields(fields), .table(table(transcript, numbers: numbers, codes: codes))])
    }

    /// The segments' table; with `codes`, a last column holds each segment's codes.
    static func table(_ transcript: Transcript, numbers: [Int], codes: [Int: String]?) -> Table {
        let hasTimes = transcript.segments.contains { $0.timestamp != nil }
        var columns = [Table.Column.number("¶", key: "segment")]
        if hasTimes { columns.append(Table.Column("Time", key: "timestamp")) }
        columns += [Table.Column(transcript.isSurveyAnswers ? "Respondent" : "Speaker", key: "speaker"), Table.Column("Text", key: "text")]
        if codes != nil { columns.append(Table.Column("Codes", key: "codes")) }
        var table = Table(columns: columns)
        for n in numbers {
            let s = transcript.segments[n - 1]
            var cells: [Cell] = [.int(s.number)]
            if hasTimes { cells.append(s.timestamp.map { Cell($0.text) } ?? .empty) }
            cells += [Cell(s.speaker ?? "", value: .optional(s.speaker)), Cell(String(s.text))]
            if let codes { cells.append(Cell(codes[n] ?? "")) }
            table.append(cells)
        }
        return table
    }

    /// Each segment's codes, by segment number: the code's name, the coded words when a coding covers only
    /// part of the segment, the segments when it spans several, and the coder when `namingCoders`.
    static func codeLabels(_ project: Project, document: Transcript, codings: [Coding], namingCoders: Bool) -> [Int: String] {
        var bySegment: [Int: [Coding]] = [:]
        for c in codings { for n in c.segments { bySegment[n, default: []].append(c) } }
        var labels: [Int: String] = [:]
        for (number, here) in bySegment {
            guard let segment = document.segment(number) else { continue }
            var names: [String] = []
            for c in here.sorted(by: { ($0.code, $0.start) < ($1.code, $1.start) }) {
                var label = project.codebook.code(path: c.code)?.name ?? c.code
                if c.range != segment.range && c.segments.count == 1 {
                    label += " (“\(String(document.text(in: c.range)).collapsingWhitespace().truncated(to: 40))”)"
                } else if c.segments.count > 1 {
                    label += " (¶\(c.segmentLabel))"
                }
                if namingCoders { label += " [\(c.coder)]" }
                if !names.contains(label) { names.append(label) }
            }
            labels[number] = names.joined(separator: "; ")
        }
        return labels
    }
}
