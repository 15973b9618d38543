// Krippendorff's alpha for nominal data, α = 1 − D_o / D_e, via the coincidence matrix
// (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).

extension AgreementCounts {
    /// Krippendorff's alpha for two coders, two values (applied / not applied), no missing data.
    ///
    /// Each unit pairs its two values both ways, so the coincidence matrix is
    /// o(yes,yes) = 2·both, o(no,no) = 2·neither, o(yes,no) = o(no,yes) = onlyA + onlyB, with
    /// n = 2·total pairable values, n_yes = 2·both + onlyA + onlyB, n_no = 2·neither + onlyA + onlyB.
    /// Then D_o = 2(onlyA + onlyB) / n and D_e = 2·n_yes·n_no / (n(n − 1)), so
    /// α = (n_yes·n_no − (n − 1)(onlyA + onlyB)) / (n_yes·n_no), evaluated with whole numbers held
    /// exactly in Double and one final division. Equal to `krippendorffAlphaNominal(units:)` on
    /// the same data. Undefined when D_e = 0: only one value was used by anyone.
    var krippendorffAlpha: Measure {
        if let reason = invalidReason { return .undefined(reason: reason) }
        if let reason = noVariationReason(consequence: "expected disagreement is 0 and alpha is 0/0") {
            return .undefined(reason: reason)
        }
        let disagreements = Double(onlyA + onlyB)
        let n = 2 * Double(total)
        let yes = 2 * Double(both) + disagreements
        let no = 2 * Double(neither) + disagreements
        return .value((yes * no - (n - 1) * disagreements) / (yes * no))
    }
}

/// Krippendorff's alpha for nominal values from any number of coders, with missing values.
///
/// Each inner array holds the values the coders gave one unit (nil = that coder gave none).
/// A unit with m ≥ 2 values adds 1/(m − 1) to the coincidence count o(c,k) for each ordered pair
/// of its values; units with fewer than 2 values are not pairable and are dropped. With n_c the
/// number of pairable values equal to c and n their total,
/// α = 1 − (n − 1) · Σ_{c≠k} o(c,k) / Σ_{c≠k} n_c·n_k.
/// A unit with m values holds m² − Σ_c m_c² ordered disagreeing pairs, so Σ_{c≠k} o(c,k) is
/// summed per unit size m and divided by m − 1 once per size. Undefined when no unit is
/// pairable, or when every pairable value is the same (D_e = 0).
func krippendorffAlphaNominal(units: [[String?]]) -> Measure {
    var valueCounts: [String: Int] = [:]
    var disagreeingPairsByUnitSize: [Int: Int] = [:]
    for unit in units {
        let values = unit.compactMap { $0 }
        guard values.count >= 2 else { continue }
        var inUnit: [String: Int] = [:]
        for value in values { inUnit[value, default: 0] += 1 }
        let m = values.count
        let agreeing = inUnit.values.reduce(0) { $0 + $1 * $1 }
        disagreeingPairsByUnitSize[m, default: 0] += m * m - agreeing
        for (value, count) in inUnit { valueCounts[value, default: 0] += count }
    }
    let n = Double(valueCounts.values.reduce(0, +))
    guard n > 0 else {
        return .undefined(reason: "no unit was coded by at least two coders, so no values can be paired")
    }
    let expected = n * n - valueCounts.values.reduce(0.0) { $0 + Double($1) * Double($1) }
    guard expected > 0 else {
        return .undefined(reason:
            "every coder gave every unit the same value (no variation), so expected disagreement is 0 and alpha is 0/0")
    }
    let observed = disagreeingPairsByUnitSize.reduce(0.0) { $0 + Double($1.value) / Double($1.key - 1) }
    return .value(1 - (n - 1) * observed / expected)
}
