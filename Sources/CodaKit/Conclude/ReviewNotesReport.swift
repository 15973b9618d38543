/// The review notes as a table (`coda notes`, and the open ones in the review pack).
enum ReviewNotesReport {
    static func report(_ notes: [ReviewNote], all: Bool) -> Report {
        let shown = all ? notes : notes.filter(\.isOpen)
        var table = Table(columns: [Table.Column("ID", key: "id"), Table.Column("On", key: "target"), Table.Column("By", key: "author"),
                                    Table.Column("Date", key: "date"), Table.Column("Note", key: "text"), Table.Column("Resolved", key: "resolved")])
        for n in shown { table.append([Cell(n.id), Cell(n.target), Cell(n.author), Cell(n.date), Cell(n.text), Cell(n.resolved ?? "")]) }
        let open = notes.filter(\.isOpen).count
        var blocks: [Block] = [.paragraph("\(open) open note\(plural(open)) of \(notes.count).")]
        if !shown.isEmpty { blocks.append(.table(table)) }
        return Report(title: "Review notes", blocks: blocks)
    }
}
