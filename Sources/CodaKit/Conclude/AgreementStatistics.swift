/// One code's 2×2 table of two coders' decisions over the same units (segment × code or
/// character × code): how often both applied the code, only coder A, only coder B, or neither.
/// Tables add, so the decisions for several codes can be pooled into one table.
public struct AgreementCounts: Sendable, Hashable {
    public var both: Int
    public var onlyA: Int
    public var onlyB: Int
    public var neither: Int

    public init(both: Int = 0, onlyA: Int = 0, onlyB: Int = 0, neither: Int = 0) {
        self.both = both
        self.onlyA = onlyA
        self.onlyB = onlyB
        self.neither = neither
    }

    /// The number of units both coders decided on.
    public var total: Int { both + onlyA + onlyB + neither }

    /// Cell-wise sum: the table of all decisions of both tables together (pooling).
    public static func + (lhs: AgreementCounts, rhs: AgreementCounts) -> AgreementCounts {
        AgreementCounts(
            both: lhs.both + rhs.both, onlyA: lhs.onlyA + rhs.onlyA,
            onlyB: lhs.onlyB + rhs.onlyB, neither: lhs.neither + rhs.neither)
    }
}

/// A chance-corrected coefficient, or why it has no value for these data. Never NaN and never a
/// silent 0: a coefficient that is 0/0 says so, in words a researcher can act on.
public enum Measure: Sendable, Equatable {
    case value(Double)
    case undefined(reason: String)

    /// The number, when there is one.
    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// Agreement between two coders over one 2×2 table: raw agreement and two chance-corrected
/// coefficients, computed from the counts alone.
public struct AgreementResult: Sendable, Equatable {
    public var counts: AgreementCounts
    /// Observed agreement (both + neither) / total × 100; nil when there are no units.
    public var percentAgreement: Double?
    /// Both coded / either coded × 100; nil when neither coder applied the code.
    public var positiveAgreement: Double?
    public var cohensKappa: Measure
    public var krippendorffAlpha: Measure

    public init(counts: AgreementCounts) {
        self.counts = counts
        percentAgreement = counts.percentAgreement
        positiveAgreement = counts.positiveAgreement
        cohensKappa = counts.cohensKappa
        krippendorffAlpha = counts.krippendorffAlpha
    }

    /// Pooled agreement over several codes: the tables are summed and kappa, alpha and percent
    /// agreement are computed once over all code decisions, as NVivo- and ATLAS.ti-style pooled
    /// figures are. Codes with many decisions weigh more; see `meanKappa` for the per-code mean.
    static func pooled(_ results: [AgreementCounts]) -> AgreementResult {
        AgreementResult(counts: results.reduce(AgreementCounts(), +))
    }

    /// The unweighted mean of the per-code kappas, over the codes whose kappa is defined, with
    /// how many codes were left out because theirs is undefined (so the mean is never silently
    /// dragged towards 0 by codes nobody used).
    static func meanKappa(_ results: [AgreementCounts]) -> MeanKappa {
        let defined = results.compactMap { $0.cohensKappa.number }
        let undefined = results.count - defined.count
        guard !defined.isEmpty else {
            let reason = results.isEmpty
                ? "no codes to average"
                : "no code has a defined kappa (all \(undefined) undefined)"
            return MeanKappa(mean: .undefined(reason: reason), definedCount: 0, undefinedCount: undefined)
        }
        let mean = defined.reduce(0, +) / Double(defined.count)
        return MeanKappa(mean: .value(mean), definedCount: defined.count, undefinedCount: undefined)
    }
}

/// The mean of per-code kappas and how many codes it covers and leaves out.
public struct MeanKappa: Sendable, Equatable {
    public var mean: Measure
    /// Codes whose kappa is defined and so enter the mean.
    public var definedCount: Int
    /// Codes left out because their kappa is undefined (e.g. the code was never applied).
    public var undefinedCount: Int
}

extension AgreementCounts {
    /// Positive agreement: units both coded / units either coded × 100, or nil when neither coded any.
    /// Unlike percent agreement it is not inflated by the many units where neither applied the code.
    var positiveAgreement: Double? {
        guard invalidReason == nil, both + onlyA + onlyB > 0 else { return nil }
        return Double(both) * 100 / Double(both + onlyA + onlyB)
    }

    /// (both + neither) / total × 100, or nil for an empty (or impossible) table.
    var percentAgreement: Double? {
        guard invalidReason == nil, total > 0 else { return nil }
        return Double(both + neither) * 100 / Double(total)
    }

    /// Cohen's kappa, κ = (p_o − p_e) / (1 − p_e), with p_e = pA·pB + (1 − pA)(1 − pB) from each
    /// coder's own marginal rate pA, pB of applying the code.
    ///
    /// Multiplying numerator and denominator by total² gives the integer form
    /// κ = 2(both·neither − onlyA·onlyB) / ((both + onlyA)(onlyA + neither) + (both + onlyB)(onlyB + neither)),
    /// evaluated with whole numbers held exactly in Double (exact below 2⁵³) and one final
    /// division, so the result is the correctly rounded exact value.
    ///
    /// The denominator is 0 (p_e = 1) only when both coders gave the same answer to every unit,
    /// so then p_o = 1 as well: kappa is 0/0, reported as undefined. (p_e = 1 with p_o < 1 is
    /// impossible for a 2×2 table: p_e = 1 needs pA = pB = 0 or pA = pB = 1.)
    var cohensKappa: Measure {
        if let reason = invalidReason { return .undefined(reason: reason) }
        if let reason = noVariationReason(consequence: "chance agreement is 1 and kappa is 0/0") {
            return .undefined(reason: reason)
        }
        let a = Double(both), b = Double(onlyA), c = Double(onlyB), d = Double(neither)
        let numerator = 2 * (a * d - b * c)
        let denominator = (a + b) * (b + d) + (a + c) * (c + d)
        return .value(numerator / denominator)
    }

    /// Why no coefficient can be computed because the table is empty or has no variation
    /// (both coders gave one and the same answer to every unit); nil when it has variation.
    func noVariationReason(consequence: String) -> String? {
        if total == 0 { return "no units were coded, so there is nothing to compare" }
        if both == total {
            return "both coders applied the code to every unit (no variation), so \(consequence)"
        }
        if neither == total {
            return "neither coder applied the code to any unit (no variation), so \(consequence)"
        }
        return nil
    }

    /// Why the table cannot come from any coding (a negative count); nil when it can.
    var invalidReason: String? {
        [both, onlyA, onlyB, neither].contains { $0 < 0 }
            ? "a count is negative, which no coding can produce" : nil
    }
}
