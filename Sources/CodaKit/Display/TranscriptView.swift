/// `coda show ID [SEGMENTS]`: a transcript's numbered segments with speakers and timestamps.
public enum TranscriptView {
    public static func report(_ transcript: Transcript, segments selection: SegmentSelection?) throws(ProjectError) -> Report {
        let numbers = selection?.numbers ?? Array(1...max(1, transcript.segments.count)).filter { $0 <= transcript.segments.count }
        for n in numbers where transcript.segment(n) == nil {
            throw .segmentOutOfRange(document: transcript.id, number: n, count: transcript.segments.count)
        }
        let hasTimes = transcript.segments.contains { $0.timestamp != nil }
        var columns = [Table.Column.number("¶", key: "segment")]
        if hasTimes { columns.append(Table.Column("Time", key: "timestamp")) }
        columns += [Table.Column("Speaker", key: "speaker"), Table.Column("Text", key: "text")]
        var table = Table(columns: columns)
        for n in numbers {
            let s = transcript.segments[n - 1]
            var cells: [Cell] = [.int(s.number)]
            if hasTimes { cells.append(s.timestamp.map { Cell($0.text) } ?? .empty) }
            cells += [Cell(s.speaker ?? "", value: .optional(s.speaker)), Cell(s.text)]
            table.append(cells)
        }
        var fields = [Field("File", transcript.path), Field("Case", transcript.caseID)]
        for (key, value) in transcript.attributes where key != "case" { fields.append(Field(key, value)) }
        return Report(title: transcript.id, blocks: [.fields(fields), .table(table)])
    }
}
