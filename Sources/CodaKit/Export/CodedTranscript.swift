/// A transcript as the appendix shows it: numbered segments, speakers, and the codes beside each.
enum CodedTranscript {
    static func report(_ project: Project, document: Transcript, coder: String?) throws -> Report {
        let filter = try CodingFilter(project: project, coder: coder, conditions: [])
        let codings = project.humanCodings.filter { c in
            c.document == document.id && (filter.coder.map { c.coder.lowercased() == $0.lowercased() } ?? true)
        }
        return report(project, document: document, codings: codings, coder: filter.coder)
    }

    /// The report from the document's codings, already chosen (the appendix groups them once for all documents).
    static func report(_ project: Project, document: Transcript, codings: [Coding], coder: String?) -> Report {
        var bySegment: [Int: [Coding]] = [:]
        for c in codings { for n in c.segments { bySegment[n, default: []].append(c) } }
        let hasTimes = document.segments.contains { $0.timestamp != nil }
        var columns = [Table.Column.number("¶", key: "segment")]
        if hasTimes { columns.append(Table.Column("Time", key: "time")) }
        columns += [Table.Column(document.id.contains(":") ? "Respondent" : "Speaker", key: "speaker"), Table.Column("Text", key: "text"),
                    Table.Column("Codes", key: "codes")]
        var table = Table(columns: columns)
        for segment in document.segments where !segment.range.isEmpty {
            let here = (bySegment[segment.number] ?? []).sorted { ($0.code, $0.start) < ($1.code, $1.start) }
            var labels: [String] = []
            for c in here {
                var label = project.codebook.code(path: c.code)?.name ?? c.code
                if c.range != segment.range && c.segments.count == 1 {
                    label += " (“\(String(document.text(in: c.range)).collapsingWhitespace().truncated(to: 40))”)"
                } else if c.segments.count > 1 {
                    label += " (¶\(c.segmentLabel))"
                }
                if coder == nil && project.coders.count > 1 { label += " [\(c.coder)]" }
                if !labels.contains(label) { labels.append(label) }
            }
            var cells: [Cell] = [.int(segment.number)]
            if hasTimes { cells.append(Cell(segment.timestamp?.text ?? "")) }
            cells += [Cell(segment.speaker ?? ""), Cell(String(segment.text)), Cell(labels.joined(separator: "; "))]
            table.append(cells)
        }
        var fields = [Field("Case", document.id.contains(":") ? "one per respondent" : document.caseID)]
        for (key, value) in document.attributes where key != "case" && key != "speakers" { fields.append(Field(key, value)) }
        fields.append(Field("Codings", "\(codings.count)" + (coder.map { " by \($0)" } ?? "")))
        return Report(title: document.id.contains(":") ? "Survey answers \(document.id)" : "Transcript \(document.id)",
                      blocks: [.fields(fields), .table(table)])
    }
}
