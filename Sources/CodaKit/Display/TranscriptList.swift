/// `coda transcripts`: one row per transcript.
public enum TranscriptList {
    public static func report(_ project: Project) -> Report {
        Report(title: "Transcripts", blocks: [.table(table(project))])
    }

    static func table(_ project: Project) -> Table {
        var table = Table(columns: [Table.Column("ID"), Table.Column("Case"), Table.Column("Role"), Table.Column("Phase"),
                                    Table.Column("Date"), .number("Segments"), .number("Words"), Table.Column("Speakers")])
        for t in project.transcripts {
            table.append([Cell(t.id), Cell(t.caseID), Cell(t.attribute("role") ?? ""), Cell(t.attribute("phase") ?? ""),
                          Cell(t.attribute("date") ?? ""), .int(t.segments.count), .int(t.wordCount),
                          Cell(t.speakers.joined(separator: ", "))])
        }
        return table
    }
}
