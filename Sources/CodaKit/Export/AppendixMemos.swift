/// The memos as the appendix shows them: the researcher's analytic memos on the study, on each code (in
/// codebook order) and on each document (in document order), then the memos written on single codings,
/// each with its author and date.
enum AppendixMemos {
    static func report(_ project: Project, coder: String?) -> Report {
        var report = Report(title: AppendixSection.memos.title)
        let onCodings = CodingFile.sorted(project.humanCodings.filter { coding in
            !coding.memo.isEmpty && (coder.map { coding.coder.lowercased() == $0.lowercased() } ?? true)
        })
        let count = project.memos.count + onCodings.count
        guard count > 0 else {
            report.add(.paragraph("No memos were written during the analysis."))
            return report
        }
        report.add(.paragraph("\(count) memo\(plural(count)) written during the analysis, as their authors wrote "
            + "them, each with its author and date (UTC)."))
        var studyMemos: [Memo] = []
        var byCode: [String: [Memo]] = [:], byDocument: [String: [Memo]] = [:]
        for memo in project.memos {
            switch memo.target {
            case .project: studyMemos.append(memo)
            case .code(let path): byCode[path.lowercased(), default: []].append(memo)
            case .document(let id): byDocument[id.lowercased(), default: []].append(memo)
            }
        }
        if !studyMemos.isEmpty { report.blocks += [.heading("On the study", level: 1)] + blocks(studyMemos) }
        report.blocks += grouped(byCode, order: project.codebook.codes.map(\.path), heading: "On codes")
        report.blocks += grouped(byDocument, order: project.documentsInOrder.map(\.id), heading: "On documents")
        if !onCodings.isEmpty {
            var table = Table(columns: [Table.Column("Coding"), Table.Column("Author"), Table.Column("Memo")])
            for coding in onCodings {
                table.append([Cell("\(coding.document) ¶\(coding.segmentLabel), \(coding.code)"),
                              Cell(coding.coder + ", " + coding.time.prefix(10)), Cell(coding.memo)])
            }
            report.blocks += [.heading("On single codings", level: 1), .table(table)]
        }
        return report
    }

    /// The memos on each target under its own heading, in `order` (targets it does not name come last, sorted).
    static func grouped(_ memos: [String: [Memo]], order: [String], heading: String) -> [Block] {
        guard !memos.isEmpty else { return [] }
        let known = Set(order.map { $0.lowercased() })
        var blocks: [Block] = [.heading(heading, level: 1)]
        for target in order + memos.keys.filter({ !known.contains($0) }).sorted() {
            guard let onTarget = memos[target.lowercased()] else { continue }
            blocks += [.heading(target, level: 2)] + self.blocks(onTarget)
        }
        return blocks
    }

    /// Each memo as a byline and its paragraphs, oldest first.
    static func blocks(_ memos: [Memo]) -> [Block] {
        memos.sorted { ($0.date, $0.author) < ($1.date, $1.author) }.flatMap { memo -> [Block] in
            let paragraphs = memo.text.components(separatedBy: "\n\n")
                .map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }
            return [.paragraph("\(memo.author), \(memo.date):")] + paragraphs.map(Block.paragraph)
        }
    }
}
