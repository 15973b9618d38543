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
                                    .number("Positive", key: "positiveAgreement"), .number("Kappa", key: "kappa"),
                                    .number("Alpha", key: "alpha")])
        var reasons: [String] = []
        func row(_ label: String, _ r: AgreementResult, summary: Bool = false) {
            let c = r.counts
            table.append([Cell(label, value: .string(label.trimmingWhitespace())), .int(c.both), .int(c.onlyA), .int(c.onlyB), .int(c.neither), .percent(r.percentAgreement),
                          .percent(r.positiveAgreement), measure(r.cohensKappa), measure(r.krippendorffAlpha)], isSummary: summary)
            let name = label.trimmingWhitespace()
            if case .undefined(let reason) = r.cohensKappa { reasons.append("\(name): kappa undefined: \(reason).") }
            if case .undefined(let reason) = r.krippendorffAlpha, r.cohensKappa.number != nil { reasons.append("\(name): alpha undefined: \(reason).") }
        }
        for r in agreement.rows { row(String(repeating: "  ", count: r.code.depth - 1) + r.code.name, r.result) }
        row("Pooled", agreement.pooled, summary: true)
        var report = Report(title: "Agreement between \(a) and \(b)")
        report.add(.paragraph(unitDefinition(agreement)))
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
        if agreement.perDocument.count > 1 { report.add(.table(documentTable(agreement))) }
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

    /// What a unit is and how many there are, in words: the figures mean nothing without it.
    static func unitDefinition(_ agreement: Agreement) -> String {
        let n = agreement.segmentCount, documents = agreement.documents.count
        var text = "A unit is a segment both coders read, coded or not: in an interview both coded, each turn with text "
            + "(a coder who coded an interview read all of it)"
        if agreement.surveyRespondents > 0 {
            text += "; in survey answers, each respondent's answer both coders coded or marked as read with `coda tag DOC N --none` "
                + "(\(agreement.surveyRespondents) respondent\(plural(agreement.surveyRespondents)))"
        }
        text += ". \(n) segment\(plural(n)) in \(documents) document\(plural(documents)): \(agreement.documents.joined(separator: ", "))."
        if agreement.interviewerTurns > 0 {
            text += " \(agreement.interviewerTurns) interviewer turn\(plural(agreement.interviewerTurns)) are left out (`--with-interviewer` counts them)."
        }
        let decision = agreement.unit == .segment ? "segment" : "character of those segments"
        text += " Each decision is whether a code applies to a \(decision). Pooled figures sum the decisions of the "
            + "\(agreement.rows.count) code\(plural(agreement.rows.count)) either coder used; kappa is Cohen's, alpha "
            + "Krippendorff's (nominal); positive agreement is units both coded / units either coded."
        return text
    }

    /// The pooled figures of each document, as NVivo reports each source.
    static func documentTable(_ agreement: Agreement) -> Table {
        var table = Table(title: "By document", columns: [
            Table.Column("Document", key: "document"), .number("Segments", key: "segments"), .number("Both", key: "both"),
            .number("Only \(agreement.coderA)", key: "onlyA"), .number("Only \(agreement.coderB)", key: "onlyB"),
            .number("Neither", key: "neither"), .number("Agreement", key: "percentAgreement"),
            .number("Positive", key: "positiveAgreement"), .number("Kappa", key: "kappa"), .number("Alpha", key: "alpha")])
        for row in agreement.perDocument {
            let r = row.result, c = r.counts
            table.append([Cell(row.document), .int(row.segments), .int(c.both), .int(c.onlyA), .int(c.onlyB), .int(c.neither),
                          .percent(r.percentAgreement), .percent(r.positiveAgreement), measure(r.cohensKappa), measure(r.krippendorffAlpha)])
        }
        table.notes.append("Each document's decisions pooled over the codes above.")
        return table
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
             ("percentAgreement", .number(r.percentAgreement)), ("positiveAgreement", .number(r.positiveAgreement)),
             ("kappa", m(r.cohensKappa)), ("alpha", m(r.krippendorffAlpha))]
        }
        var pairs: [(String, JSONValue)] = [
            ("coderA", .string(agreement.coderA)), ("coderB", .string(agreement.coderB)), ("unit", .string(agreement.unit.rawValue)),
            ("documents", .array(agreement.documents.map(JSONValue.string))), ("segments", .int(agreement.segmentCount)),
            ("surveyRespondents", .int(agreement.surveyRespondents)), ("interviewerTurnsLeftOut", .int(agreement.interviewerTurns)),
            ("perDocument", .array(agreement.perDocument.map { .object([("document", .string($0.document)),
                                                                         ("segments", .int($0.segments))] + result($0.result)) })),
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
