/// What `coda autocode` prints: the keyword hits per code (`--count`), or the suggestions it made.
enum AutocodeReport {
    /// Hits, segments and documents per code of `codes` that has keywords.
    static func hits(_ rows: [(code: String, hits: Int, segments: Int, documents: Int)], codes: [Code]) -> Report {
        var table = Table(columns: [Table.Column("Code", key: "code"), .number("Keyword hits", key: "hits"),
                                    .number("Segments", key: "segments"), .number("Documents", key: "documents")])
        for row in rows where codes.first(where: { $0.path == row.code })?.keywords.isEmpty == false {
            table.append([Cell(row.code), .int(row.hits), .int(row.segments), .int(row.documents)])
        }
        return Report(title: "Keyword hits", blocks: [.table(table)])
    }

    /// How many suggestions were made and why others were not, then each suggestion (`list`) or their
    /// count per code of `codes`.
    static func suggestions(_ outcome: Autocoder.Outcome, project: Project, codes: [Code], dryRun: Bool, list: Bool) -> Report {
        var report = list ? Suggestions.report(project, outcome.suggestions) : Report(title: "", blocks: [.paragraph("")])
        report.title = dryRun ? "Autocode (dry run: nothing saved)" : "Autocode"
        report.blocks[0] = .paragraph("\(outcome.suggestions.count) new suggestion\(plural(outcome.suggestions.count))"
            + (dryRun ? " (not saved)." : " saved under the coder `auto`; review them with `coda suggestions`.")
            + (outcome.alreadyCoded + outcome.alreadySuggested == 0 ? ""
                : " Not suggested: \(outcome.alreadyCoded) hit\(plural(outcome.alreadyCoded)) in segments that already have the code, "
                    + "\(outcome.alreadySuggested) suggested or rejected before.")
            + (list ? "" : " `--list` lists them one by one."))
        if !list {
            var perCode: [String: (count: Int, documents: Set<String>)] = [:]
            for s in outcome.suggestions {
                perCode[s.code, default: (0, [])].count += 1
                perCode[s.code, default: (0, [])].documents.insert(s.document)
            }
            var table = Table(columns: [Table.Column("Code", key: "code"), .number("Suggestions", key: "suggestions"), .number("Documents", key: "documents")])
            for code in codes where perCode[code.path] != nil {
                table.append([Cell(code.path), .int(perCode[code.path]?.count ?? 0), .int(perCode[code.path]?.documents.count ?? 0)])
            }
            report.add(.table(table))
        }
        return report
    }
}
