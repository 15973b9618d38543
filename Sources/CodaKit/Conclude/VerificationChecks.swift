/// The checks Miles and Huberman ask of a conclusion, answered from the data: is the evidence
/// representative, do outliers carry it, were negative cases and rival explanations looked at, does the
/// survey agree, and do two coders agree on it.
enum VerificationChecks {
    static let rivalWords = ["rival", "alternative", "other explanation", "other cause", "instead", "season", "coincid", "confound", "because of something else"]

    static func run(_ e: ThemeEvidence, items: [CodingFilter.Item], memos: [String], agreement: (coders: String, kappa: Measure)?) -> [ThemeEvidence.Check] {
        var checks: [ThemeEvidence.Check] = []
        let n = e.interviewCases.count
        let quoted = Set(e.exemplars.map { $0.citation.split(separator: " ").first.map(String.init) ?? $0.citation }).count
        checks.append(ThemeEvidence.Check(
            name: "Representativeness", ok: n > 0 && e.casesWithTheme.count * 2 >= n,
            finding: "coded in \(e.casesWithTheme.count) of \(n) interview cases (\(formatPercent(e.share)))"
                + (e.surveyLines.isEmpty ? "" : " and in survey answers (\(e.surveyLines.joined(separator: "; ")))")
                + "; the quotes come from \(quoted) case\(plural(quoted))."))

        let interviewItems = items.filter { !$0.isSurvey }
        let perCase = Dictionary(grouping: interviewItems, by: \.caseID).mapValues(\.count)
        if let top = perCase.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), interviewItems.count > 0 {
            let share = percent(top.value, of: interviewItems.count) ?? 0
            checks.append(ThemeEvidence.Check(
                name: "Outliers", ok: share < 50 || perCase.count == 1 && n == 1,
                finding: "\(top.key) holds \(top.value) of the \(interviewItems.count) interview codings (\(formatPercent(share)))"
                    + (share >= 50 ? ": check that the theme is not one person's story." : "; no single case dominates.")))
        } else {
            checks.append(ThemeEvidence.Check(name: "Outliers", ok: false, finding: "no interview codings of this theme."))
        }

        var negative = e.negativeCases.isEmpty ? "every interview case has the theme" : "no coding in " + e.negativeCases.joined(separator: ", ") + ": explain why"
        let opposed = e.oppositions.filter { !$0.casesWithOpposite.isEmpty }
        if !opposed.isEmpty {
            negative += "; opposing codes: " + opposed.map { "\($0.opposite) in \($0.casesWithOpposite.count) case\(plural($0.casesWithOpposite.count))" }.joined(separator: ", ")
        }
        checks.append(ThemeEvidence.Check(name: "Negative cases", ok: e.negativeCases.isEmpty && opposed.isEmpty, finding: negative + "."))

        let rival = memos.filter { memo in rivalWords.contains { memo.lowercased().contains($0) } }
        checks.append(ThemeEvidence.Check(
            name: "Rival explanations", ok: !rival.isEmpty,
            finding: rival.isEmpty ? "no memo on these codes or codings names a rival explanation: consider one before concluding."
                : "\(rival.count) memo\(rival.count == 1 ? " weighs" : "s weigh") another explanation, e.g. “\(rival[0].collapsingWhitespace().truncated(to: 140))”"))

        checks.append(ThemeEvidence.Check(
            name: "Triangulation", ok: !e.triangulation.isEmpty,
            finding: e.triangulation.isEmpty ? "no code of this theme is linked to a survey question (add `Survey:` to a code in the codebook)."
                : e.triangulation.map { "\($0.surveyText); \($0.interviewText)" }.joined(separator: "; ") + "."))

        if let agreement {
            let ok = (agreement.kappa.number ?? 0) >= 0.6
            let value: String
            switch agreement.kappa {
            case .value(let v): value = "kappa \(formatDecimal(v, places: 2))"
            case .undefined(let reason): value = "kappa undefined (\(reason))"
            }
            checks.append(ThemeEvidence.Check(name: "Coder agreement", ok: ok,
                                              finding: "\(agreement.coders) on this theme's codes: \(value)" + (ok ? "." : ": discuss the disagreements (`coda agree --disagreements`).")))
        } else {
            checks.append(ThemeEvidence.Check(name: "Coder agreement", ok: false, finding: "only one coder has coded this theme: a second coder on a sample would check it."))
        }
        return checks
    }
}
