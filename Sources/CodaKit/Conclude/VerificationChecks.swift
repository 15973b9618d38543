/// The checks Miles and Huberman ask of a conclusion, answered from the data: is the evidence
/// representative, do outliers carry it, were negative cases and rival explanations looked at, does the
/// survey agree, and do two coders agree on it.
enum VerificationChecks {
    /// The kappa each code of a theme must reach for the agreement check to pass.
    static let kappaThreshold = 0.6

    /// Two coders' kappa on each code of a theme.
    struct ThemeAgreement {
        var coders: String
        var kappas: [(code: String, kappa: Measure)]
    }

    static func run(_ e: ThemeEvidence, items: [CodingFilter.Item], memos: [String], negativeCases: [String],
                    agreement: ThemeAgreement?) -> [ThemeEvidence.Check] {
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

        checks.append(negativeCasesCheck(e, marked: negativeCases))
        checks.append(rivalCheck(memos))
        checks.append(ThemeEvidence.Check(
            name: "Triangulation", ok: !e.triangulation.isEmpty,
            finding: e.triangulation.isEmpty ? "no code of this theme is linked to a survey question (add `Survey:` to a code in the codebook)."
                : e.triangulation.map { "\($0.surveyText); \($0.interviewText)" }.joined(separator: "; ") + "."))

        checks.append(agreementCheck(agreement))
        return checks
    }

    /// Negative cases are those the researcher recorded (`#negative` on a coding's memo), and cases where an
    /// opposing code applies; a case merely without the theme is listed, but is not a negative case examined.
    static func negativeCasesCheck(_ e: ThemeEvidence, marked: [String]) -> ThemeEvidence.Check {
        let opposed = e.oppositions.filter { !$0.casesWithOpposite.isEmpty }
        let opposing = opposed.map { "\($0.opposite) in \($0.casesWithOpposite.count) case\(plural($0.casesWithOpposite.count))" }
        let absent = e.negativeCases.isEmpty ? "" : " Interview cases without the theme: \(e.negativeCases.joined(separator: ", "))."
        if !marked.isEmpty {
            let finding = "marked as negative cases: \(marked.joined(separator: "; "))"
                + (opposing.isEmpty ? "" : "; opposing codes: " + opposing.joined(separator: ", ")) + "." + absent
            return ThemeEvidence.Check(name: "Negative cases", status: .passed, finding: finding)
        }
        if !opposing.isEmpty {
            return ThemeEvidence.Check(name: "Negative cases", status: .attention,
                    finding: "opposing codes apply (\(opposing.joined(separator: ", "))) but no coding of the theme is marked "
                    + "`#negative`: examine those cases and mark them." + absent)
        }
        return ThemeEvidence.Check(name: "Negative cases", status: .nothingRecorded,
                finding: "no coding of this theme is marked `#negative` and no opposing code applies, so there is "
                + "nothing to rest this check on." + absent)
    }

    /// Rival explanations are memos the researcher marked `#rival`, never a guess from the memo's words.
    static func rivalCheck(_ memos: [String]) -> ThemeEvidence.Check {
        let rival = memos.filter(EvidenceMark.rival.isIn)
        guard let first = rival.first else {
            return ThemeEvidence.Check(name: "Rival explanations", status: .nothingRecorded,
                    finding: "no memo on these codes or codings is marked `#rival`: record the rival explanations you "
                    + "weighed (e.g. `coda memo code CODE \"#rival …\"`).")
        }
        return ThemeEvidence.Check(name: "Rival explanations", status: .passed,
                finding: "\(rival.count) memo\(rival.count == 1 ? " weighs" : "s weigh") a rival explanation, e.g. "
                + "“\(first.collapsingWhitespace().truncated(to: 140))”")
    }

    /// Agreement is checked code by code against the stated threshold: a pooled kappa can hide a weak code.
    static func agreementCheck(_ agreement: ThemeAgreement?) -> ThemeEvidence.Check {
        guard let agreement else {
            return ThemeEvidence.Check(name: "Coder agreement", status: .nothingRecorded,
                    finding: "only one coder has coded this theme: a second coder on a sample would check it.")
        }
        let threshold = formatDecimal(kappaThreshold, places: 2)
        let values = agreement.kappas.map { code, kappa in
            "\(code) \(kappa.number.map { formatDecimal($0, places: 2) } ?? "undefined")"
        }
        let weak = agreement.kappas.filter { ($0.kappa.number ?? -1) < kappaThreshold }.map(\.code)
        let finding = "\(agreement.coders), kappa per code (threshold \(threshold)): " + values.joined(separator: ", ")
        if weak.isEmpty { return ThemeEvidence.Check(name: "Coder agreement", status: .passed, finding: finding + ".") }
        return ThemeEvidence.Check(name: "Coder agreement", status: .attention,
                finding: finding + "; below the threshold or undefined: " + weak.joined(separator: ", ")
                + ": discuss the disagreements (`coda agree --disagreements`).")
    }
}
