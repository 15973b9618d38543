/// `coda agree`: the agreement table, with undefined values said in words, and optionally the
/// disagreements to talk through at the coding meeting.
public enum AgreementReport {
    static func measure(_ m: Measure) -> Cell {
        switch m {
        case .value(let v): return Cell(formatDecimal(v, places: 3), value: .double(v))
        case .undefined: return Cell("undefined", value: .null)
        }
    }

    /// Each agreement under a heading naming its pair of coders; `none` when there is none.
    static func pairs(_ agreements: [Agreement], project: Project, level: Int, none: String) -> [Block] {
        guard !agreements.isEmpty else { return [.paragraph(none)] }
        return agreements.flatMap { agreement -> [Block] in
            [.heading("\(agreement.coderA) and \(agreement.coderB)", level: level)] + report(agreement, project: project, disagreements: false).blocks
        }
    }

    public static func report(_ agreement: Agreement, project: Project, disagreements: Bool) -> Report {
        let a = agreement.coderA, b = agreement.coderB
        var table = Table(columns: [Table.Column("Code", key: "code"), .number("Both", key: "both"), .number("Only \(a)", key: "onlyA"),
                                    .number("Only \(b)", key: "onlyB"), .number("Neither", key: "neither"), .number("Agreement", key: "percentAgreement"),
                                    .number("Kappa", key: "kappa"), .number("Alpha", key: "alpha")])
        var reasons: [String] = []
        func row(_ label: String, _ r: AgreementResult, summary: Bool = false) {
            let c = r.counts
            table.append([Cell(label, value: .string(label.trimmingWhitespace())), .int(c.both), .int(c.onlyA), .int(c.onlyB), .int(c.neither), .percent(r.percentAgreement),
                          measure(r.cohensKappa), measure(r.krippendorffAlpha)], isSummary: summary)
            let name = label.trimmingWhitespace()
            if case .undefined(let reason) = r.cohensKappa { reasons.append("\(name): kappa undefined: \(reason).") }
            if case .undefined(let reason) = r.krippendorffAlpha, r.cohensKappa.number != nil { reasons.append("\(name): alpha undefined: \(reason).") }
        }
        for r in agreement.rows { row(String(repeating: "  ", count: r.code.depth - 1) + r.code.name, r.result) }
        row("Pooled", agreement.pooled, summary: true)
        var report = Report(title: "Agreement between \(a) and \(b)")
        let unitText = agreement.unit == .segment ? "segment" : "character of segment text"
        report.add(.paragraph("Each decision is whether a code applies to a \(unitText), over the \(agreement.documents.count) document\(plural(agreement.documents.count)) both coders coded: \(agreement.documents.joined(separator: ", "))\(agreement.surveyRespondents > 0 ? " (in survey answers, only the \(agreement.surveyRespondents) respondents both coded)" : ""). Pooled figures sum the decisions of the \(agreement.rows.count) code\(plural(agreement.rows.count)) either coder used; kappa is Cohen's, alpha Krippendorff's (nominal)."))
        let mean = agreement.meanKappa
        var meanText = "Mean of the per-code kappas: "
        switch mean.mean {
        case .value(let v): meanText += formatDecimal(v, places: 3) + " over \(mean.definedCount) code\(plural(mean.definedCount))"
        case .undefined(let reason): meanText += "undefined (\(reason))"
        }
        if mean.undefinedCount > 0 { meanText += "; \(mean.undefinedCount) code\(plural(mean.undefinedCount)) with undefined kappa left out" }
        table.notes = [meanText + "."] + reasons
        if !agreement.unusedCodes.isEmpty {
            table.notes.append("Not used by either coder in these documents (left out): " + agreement.unusedCodes.joined(separator: ", ") + ".")
        }
        report.add(.table(table))
        var disagreementTable = Table(columns: [
            Table.Column("Document", key: "document"), .number("¶", key: "segment"), Table.Column("Speaker", key: "speaker"),
            Table.Column("Code", key: "code"), Table.Column(a, key: "coderA"), Table.Column(b, key: "coderB"), Table.Column("Text", key: "text")])
        for d in disagreements ? agreement.disagreements : [] {
            let mark = { (x: Bool) in x ? (agreement.unit == .char ? "partly" : "yes") : "no" }
            disagreementTable.append([Cell(d.document), .int(d.segment.number), Cell(d.segment.speaker ?? ""), Cell(d.code),
                                      Cell(mark(d.byA)), Cell(mark(d.byB)), Cell(d.segment.text.collapsingWhitespace())])
        }
        if disagreements {
            report.add(.heading("Disagreements to discuss", level: 1))
            report.add(.paragraph("\(agreement.disagreements.count) decision\(plural(agreement.disagreements.count)) where the coders differ."))
            report.add(.table(disagreementTable))
        }
        report.json = json(agreement, disagreementTable: disagreements ? disagreementTable : nil)
        return report
    }

    static func json(_ agreement: Agreement, disagreementTable: Table?) -> JSONValue {
        func m(_ x: Measure) -> JSONValue {
            switch x {
            case .value(let v): return .double(v)
            case .undefined(let reason): return .object([("undefined", .string(reason))])
            }
        }
        func result(_ r: AgreementResult) -> [(String, JSONValue)] {
            [("both", .int(r.counts.both)), ("onlyA", .int(r.counts.onlyA)), ("onlyB", .int(r.counts.onlyB)), ("neither", .int(r.counts.neither)),
             ("percentAgreement", .number(r.percentAgreement)), ("kappa", m(r.cohensKappa)), ("alpha", m(r.krippendorffAlpha))]
        }
        var pairs: [(String, JSONValue)] = [
            ("coderA", .string(agreement.coderA)), ("coderB", .string(agreement.coderB)), ("unit", .string(agreement.unit.rawValue)),
            ("documents", .array(agreement.documents.map(JSONValue.string))),
            ("codes", .array(agreement.rows.map { .object([("code", .string($0.code.path))] + result($0.result)) })),
            ("pooled", .object(result(agreement.pooled))), ("meanKappa", m(agreement.meanKappa.mean)),
            ("unusedCodes", .array(agreement.unusedCodes.map(JSONValue.string))),
        ]
        if let t = disagreementTable {
            pairs.append(("disagreements", .array(t.rows.map { row in .object(zip(t.columns, row.cells).map { ($0.key, $1.value) }) })))
        }
        return .object(pairs)
    }
}
