/// `coda conclude`: a draft of conclusions, theme by theme, for the researcher to edit into a chapter.
/// Every number and quote is computed from the project; the same project gives the same text.
public enum ConclusionDraft {
    public static let disclaimer = "DRAFT for the researcher to judge. Coda computed every number and chose every quote below from the project's codings; the interpretation, and the decision what to conclude, are yours. Check each claim against the segments cited before using it."

    public static func report(_ project: Project, themes requested: [Code], by: [String], coder: String?,
                              withInterviewer: Bool = false) throws -> Report {
        try report(project, themes: requested, by: by, coder: coder, items: nil, agreements: [], withInterviewer: withInterviewer)
    }

    /// `items` and `agreements`: the codings of `coder`, and agreements on all codes by segment, when the
    /// caller (the appendix) already worked them out. `draft`: open with the disclaimer that this is a draft for
    /// the researcher (the appendix, holding the researcher's finished text, leaves it out).
    static func report(_ project: Project, themes requested: [Code], by: [String], coder: String?,
                       items: [CodingFilter.Item]?, agreements: [Agreement], withInterviewer: Bool = false,
                       draft: Bool = true) throws -> Report {
        guard !project.codebook.codes.isEmpty else { throw ConcludeError.noThemes }
        let themes = requested.isEmpty ? project.codebook.topLevel : requested
        let builder = try ConclusionBuilder(project: project, coder: coder, by: by, items: items, withInterviewer: withInterviewer)
        var report = Report(title: "Conclusion drafts")
        if draft { report.add(.paragraph(disclaimer)) }
        report.add(.paragraph("Drawn from \(builder.filter.description); \(project.interviewsPhrase). Contrasts are mentioned when two groups' shares of interviews with the theme differ by \(Int(ConclusionBuilder.contrastPoints)) points or more."))
        var json: [JSONValue] = []
        let agreement = agreementWithSecondCoder(project, main: builder.filter.coder, known: agreements)
        for theme in themes {
            let evidence = builder.evidence(for: theme, agreement: agreement)
            report.blocks += blocks(evidence)
            json.append(themeJSON(evidence))
        }
        report.json = .object([("draft", .bool(true)), ("disclaimer", .string(disclaimer)), ("themes", .array(json))])
        return report
    }

    /// Agreement on all codes between the main coder and the first other coder who shares documents with them,
    /// taken from `known` (agreements on all codes by segment) when it holds that pair in that order.
    static func agreementWithSecondCoder(_ project: Project, main: String?, known: [Agreement]) -> Agreement? {
        guard let main else { return nil }
        for other in project.coders where other.lowercased() != main.lowercased() {
            if let a = known.first(where: { $0.coderA == main && $0.coderB == other })
                ?? (try? Agreement(project, coderA: main, coderB: other, codes: [], unit: .segment)) { return a }
        }
        return nil
    }

    static func blocks(_ e: ThemeEvidence) -> [Block] {
        var blocks: [Block] = [.heading("Theme: \(e.theme.name)", level: 1)]
        if !e.theme.definition.isEmpty { blocks.append(.paragraph("Definition: " + e.theme.definition)) }
        blocks.append(.heading("Prevalence", level: 2))
        var prevalence = "Coded in \(e.casesWithTheme.count) of \(e.interviewCases.count) interview cases (\(formatPercent(e.share))): \(e.segments) segment\(plural(e.segments)), \(e.codings) coding\(plural(e.codings))."
        if !e.surveyLines.isEmpty { prevalence += " Survey answers: " + e.surveyLines.joined(separator: "; ") + "." }
        blocks.append(.paragraph(prevalence))
        for groups in e.groups where !groups.isEmpty {
            let attribute = groups[0].attribute
            var table = Table(title: "By \(attribute)", columns: [Table.Column(attribute.prefix(1).uppercased() + attribute.dropFirst(), key: "group"), .number("Interviews", key: "interviews"),
                                                                        .number("With theme", key: "withTheme"), .number("Share", key: "share"), .number("Segments", key: "segments")])
            for g in groups { table.append([Cell(g.value), .int(g.interviews), .int(g.withTheme), .percent(g.share), .int(g.segments)]) }
            blocks.append(.table(table))
        }
        if e.contrasts.isEmpty {
            blocks.append(.paragraph("No contrast between groups reaches \(Int(ConclusionBuilder.contrastPoints)) points."))
        } else {
            blocks.append(.list(e.contrasts.map { c in
                "Contrast by \(c.attribute): \(c.high.value) \(formatPercent(c.high.share)) (\(c.high.withTheme) of \(c.high.interviews)) against \(c.low.value) \(formatPercent(c.low.share)) (\(c.low.withTheme) of \(c.low.interviews))"
                    + (c.smallGroups ? "; groups of one interview, so treat it as a lead, not a finding." : ".")
            }))
        }
        if !e.cooccurring.isEmpty {
            blocks.append(.heading("Co-occurs most with", level: 2))
            blocks.append(.list(e.cooccurring.map { "\($0.code): \($0.segments) shared segment\(plural($0.segments))" }))
        }
        blocks.append(.heading("Exemplar quotes", level: 2))
        blocks.append(e.exemplars.isEmpty ? .paragraph("No coded segments yet.") : .quotes(e.exemplars.map { Quote($0.text, source: $0.citation) }))
        blocks.append(.heading("Negative cases", level: 2))
        var negative = e.negativeCases.isEmpty ? "Every interview case has at least one coding of this theme."
            : "No coding of this theme in " + e.negativeCases.joined(separator: ", ") + "."
        let interviewCases = Set(e.interviewCases)
        func count(_ cases: [String]) -> String {
            let interviews = cases.filter { interviewCases.contains($0) }.count
            let others = cases.count - interviews
            return "\(interviews) interview case\(plural(interviews))" + (others > 0 ? " and \(others) survey respondent\(plural(others))" : "")
        }
        for o in e.oppositions {
            negative += " \(o.code) opposes \(o.opposite): \(o.code.split(separator: "/").last ?? "") in \(count(o.casesWithCode)), \(o.opposite.split(separator: "/").last ?? "") in \(count(o.casesWithOpposite))"
            let both = Set(o.casesWithCode).intersection(o.casesWithOpposite).sorted(by: naturalOrder)
            negative += both.isEmpty ? "." : "; both in " + both.joined(separator: ", ") + " (a change over time, or a contradiction?)."
        }
        blocks.append(.paragraph(negative))
        let opposingQuotes = e.oppositions.flatMap { o in o.quotes.map { Quote($0.text, source: "\($0.citation), \(o.opposite)") } }
        if !opposingQuotes.isEmpty && e.oppositions.contains(where: { !e.codes.contains($0.opposite) }) { blocks.append(.quotes(opposingQuotes)) }
        if !e.triangulation.isEmpty {
            blocks.append(.heading("Triangulation with the survey", level: 2))
            blocks.append(.list(e.triangulation.map { t in
                var line = "\(t.code) ↔ \(t.link): \(t.surveyText). Interviews: \(t.interviewText)."
                if !t.respondents.isEmpty {
                    line += " Interviewees who answered the survey: " + t.respondents.map { "\($0.caseID) answered “\($0.answer)”" + ($0.coded ? " and was coded \(t.code.split(separator: "/").last ?? "")" : "") }.joined(separator: "; ") + "."
                }
                return line
            }))
        }
        blocks.append(.heading("Verification checks", level: 2))
        blocks.append(.list(e.checks.map { "\($0.status.mark) \($0.name): \($0.finding)" }))
        blocks.append(.paragraph("✓ passed, ! needs your attention, ? nothing recorded to rest on. Mark rival explanations with "
                                 + "`#rival` and examined negative cases with `#negative` in a memo (e.g. `coda tag DOC N CODE --memo \"#negative …\"`)."))
        return blocks
    }

    static func themeJSON(_ e: ThemeEvidence) -> JSONValue {
        .object([
            ("theme", .string(e.theme.path)), ("codes", .array(e.codes.map(JSONValue.string))),
            ("interviewCases", .int(e.interviewCases.count)), ("casesWithTheme", .array(e.casesWithTheme.map(JSONValue.string))),
            ("share", .number(e.share)), ("segments", .int(e.segments)), ("codings", .int(e.codings)),
            ("survey", .array(e.surveyLines.map(JSONValue.string))),
            ("groups", .array(e.groups.flatMap { $0 }.map { g in .object([("attribute", .string(g.attribute)), ("value", .string(g.value)),
                                                                             ("interviews", .int(g.interviews)), ("withTheme", .int(g.withTheme)),
                                                                             ("share", .number(g.share)), ("segments", .int(g.segments))]) })),
            ("contrasts", .array(e.contrasts.map { .object([("attribute", .string($0.attribute)), ("high", .string($0.high.value)),
                                                             ("low", .string($0.low.value)), ("difference", .double($0.difference)),
                                                             ("smallGroups", .bool($0.smallGroups))]) })),
            ("cooccurring", .array(e.cooccurring.map { .object([("code", .string($0.code)), ("segments", .int($0.segments))]) })),
            ("exemplars", .array(e.exemplars.map { .object([("text", .string($0.text)), ("citation", .string($0.citation))]) })),
            ("negativeCases", .array(e.negativeCases.map(JSONValue.string))),
            ("triangulation", .array(e.triangulation.map { .object([("code", .string($0.code)), ("link", .string($0.link)),
                                                                    ("survey", .string($0.surveyText)), ("interviews", .string($0.interviewText))]) })),
            ("checks", .array(e.checks.map { .object([("name", .string($0.name)), ("ok", .bool($0.ok)), ("status", .string($0.status.rawValue)),
                                                      ("finding", .string($0.finding))]) })),
        ])
    }
}
