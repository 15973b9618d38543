/// `coda show ID [SEGMENTS]`: a transcript's numbered segments with speakers and timestamps.
public enum TranscriptView {
    public static func report(_ transcript: Transcript, segments selection: SegmentSelection?) throws(ProjectError) -> Report {
        // Without a selection, empty segments (survey respondents who left an open question blank) are left out.
        let numbers = selection?.numbers ?? transcript.segments.filter { !$0.range.isEmpty || $0.speaker == nil }.map(\.number)
        for n in numbers where transcript.segment(n) == nil {
            throw .segmentOutOfRange(document: transcript.id, number: n, count: transcript.segments.count)
        }
        let hasTimes = transcript.segments.contains { $0.timestamp != nil }
        var columns = [Table.Column.number("¶", key: "segment")]
        if hasTimes { columns.append(Table.Column("Time", key: "timestamp")) }
        columns += [Table.Column(transcript.id.contains(":") ? "Respondent" : "Speaker", key: "speaker"), Table.Column("Text", key: "text")]
        var table = Table(columns: columns)
        for n in numbers {
            let s = transcript.segments[n - 1]
            var cells: [Cell] = [.int(s.number)]
            if hasTimes { cells.append(s.timestamp.map { Cell($0.text) } ?? .empty) }
            cells += [Cell(s.speaker ?? "", value: .optional(s.speaker)), Cell(String(s.text))]
            table.append(cells)
        }
        var fields = [Field("File", transcript.path)]
        if transcript.id.contains(":") {
            let answered = transcript.segments.filter { !$0.range.isEmpty }.count
            fields.append(Field("Answers", "\(answered) of \(transcript.segments.count) respondents; segment N is respondent N"))
        } else {
            fields.append(Field("Case", transcript.caseID))
        }
        for (key, value) in transcript.attributes where key != "case" { fields.append(Field(key, value)) }
        return Report(title: transcript.id, blocks: [.fields(fields), .table(table)])
    }
}
