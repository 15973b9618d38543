/// `coda log`: the recorded changes, oldest first, narrowed to a coder, a code or a document.
enum ChangeLogReport {
    struct Filter {
        var coder: String?
        /// Code paths: a change matches when it names one of them or a code below one.
        var codes: [String] = []
        var document: String?
    }

    static func report(_ entries: [ChangeLog.Entry], filter: Filter) -> Report {
        let shown = entries.filter { matches($0, filter) }
        var table = Table(columns: ["Time", "Coder", "Action", "What", "Documents", "ID"].map { Table.Column($0) })
        for entry in shown {
            table.append([Cell(entry.time), Cell(entry.coder), Cell(entry.action), Cell(entry.summary),
                          Cell(entry.documents.joined(separator: ", ")), Cell(entry.id)])
        }
        var report = Report(title: "Change log")
        report.add(.paragraph(shown.isEmpty ? "No changes recorded" + (entries.isEmpty ? " yet." : " that match.")
                              : "\(shown.count) change\(plural(shown.count)), oldest first."))
        if !shown.isEmpty { report.add(.table(table)) }
        return report
    }

    static func matches(_ entry: ChangeLog.Entry, _ filter: Filter) -> Bool {
        if let coder = filter.coder, entry.coder.lowercased() != coder.fileSafe().lowercased() { return false }
        if let document = filter.document?.lowercased(),
           !entry.documents.contains(where: { $0.lowercased() == document }) {
            return false
        }
        if !filter.codes.isEmpty {
            let wanted = filter.codes.map { $0.lowercased() }
            let named = entry.codes.map { $0.lowercased() }
            return named.contains { code in wanted.contains { code == $0 || code.hasPrefix($0 + "/") } }
        }
        return true
    }
}
