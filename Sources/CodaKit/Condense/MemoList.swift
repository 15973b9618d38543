/// `coda memos`: memos on the project, codes and documents, and the memos written on codings.
public enum MemoList {
    public static func report(_ project: Project, code: Code?, document: String?) -> Report {
        var table = Table(columns: [Table.Column("On", key: "target"), Table.Column("Date", key: "date"), Table.Column("Author", key: "author"),
                                   Table.Column("Memo", key: "text")])
        let codePaths = code.map { Set(project.codebook.subtree(of: $0).map { $0.path.lowercased() }) }
        for memo in project.memos {
            switch memo.target {
            case .project where code == nil && document == nil: break
            case .code(let path) where document == nil && (codePaths?.contains(path.lowercased()) ?? true): break
            case .document(let id) where code == nil && (document.map { $0.lowercased() == id.lowercased() } ?? true): break
            default: continue
            }
            table.append([Cell(memo.target.description), Cell(memo.date), Cell(memo.author), Cell(memo.text)])
        }
        for coding in CodingFile.sorted(project.humanCodings) where !coding.memo.isEmpty {
            if let codePaths, !codePaths.contains(coding.code.lowercased()) { continue }
            if let document, coding.document.lowercased() != document.lowercased() { continue }
            table.append([Cell("coding \(coding.document) ¶\(coding.segmentLabel) \(coding.code)"), Cell(String(coding.time.prefix(10))),
                          Cell(coding.coder), Cell(coding.memo)])
        }
        return Report(title: "Memos", blocks: [.paragraph("\(table.rows.count) memo\(plural(table.rows.count))."), .table(table)])
    }
}
