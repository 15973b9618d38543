import Testing
@testable import CodaKit

/// True when `measure` has a value within `tolerance` of `expected`.
private func isClose(_ measure: Measure, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value = measure.number else { return false }
    return abs(value - expected) <= tolerance
}

/// The reason of an undefined measure, or nil when it has a value.
private func reason(_ measure: Measure) -> String? {
    if case .undefined(let reason) = measure { return reason }
    return nil
}

/// One unit per decision, as the general (any number of coders) alpha takes them.
private func units(_ c: AgreementCounts) -> [[String?]] {
    Array(repeating: ["yes", "yes"], count: c.both) + Array(repeating: ["yes", "no"], count: c.onlyA)
        + Array(repeating: ["no", "yes"], count: c.onlyB) + Array(repeating: ["no", "no"], count: c.neither)
}

/// A reliability data matrix written as one line per observer ("." = missing), turned into units.
private func units(observers: [String]) -> [[String?]] {
    let rows = observers.map { $0.split(separator: " ").map { $0 == "." ? nil : String($0) } }
    return rows[0].indices.map { unit in rows.map { $0[unit] } }
}

/// A 2×2 table with its exact kappa and alpha, as fractions worked out by hand.
struct TableCase: Sendable, CustomTestStringConvertible {
    var counts: AgreementCounts
    var kappa: Double
    var alpha: Double
    var testDescription: String {
        "\(counts.both)/\(counts.onlyA)/\(counts.onlyB)/\(counts.neither)"
    }
}

// Cells are both/onlyA/onlyB/neither = a/b/c/d, n = a+b+c+d units.
// κ = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)).
// α: n_yes = 2a+b+c, n_no = 2d+b+c, pairable values 2n; α = (n_yes·n_no − (2n−1)(b+c)) / (n_yes·n_no).
let handComputedTables: [TableCase] = [
    // Wikipedia, "Cohen's kappa", simple yes/no example (50 proposals): 20/5/10/15.
    // p_o = 35/50 = 7/10; pA = 25/50, pB = 30/50, p_e = 1/2·3/5 + 1/2·2/5 = 1/2; κ = (7/10 − 1/2)/(1/2) = 2/5.
    // α: n_yes = 55, n_no = 45, 2n − 1 = 99, b+c = 15: 1 − 99·15/(55·45) = 1 − 1485/2475 = 2/5.
    TableCase(counts: AgreementCounts(both: 20, onlyA: 5, onlyB: 10, neither: 15), kappa: 2.0 / 5, alpha: 2.0 / 5),
    // Wikipedia, "Cohen's kappa", same agreement, different marginals: 45/15/25/15 → κ ≈ 0.1304.
    // κ = 2(675 − 375)/(60·30 + 70·40) = 600/4600 = 3/23.
    // α: n_yes = 130, n_no = 70, 2n − 1 = 199: (9100 − 199·40)/9100 = 1140/9100 = 57/455.
    TableCase(counts: AgreementCounts(both: 45, onlyA: 15, onlyB: 25, neither: 15), kappa: 3.0 / 23, alpha: 57.0 / 455),
    // Wikipedia, "Cohen's kappa", second table of that example: 25/35/5/35 → κ ≈ 0.2593.
    // κ = 2(875 − 175)/(60·70 + 30·40) = 1400/5400 = 7/27.
    // α: n_yes = 90, n_no = 110: (9900 − 199·40)/9900 = 1940/9900 = 97/495.
    TableCase(counts: AgreementCounts(both: 25, onlyA: 35, onlyB: 5, neither: 35), kappa: 7.0 / 27, alpha: 97.0 / 495),
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A (binary, two
    // observers, 10 units): A = 0100000010, B = 1110010000 gives 1/1/3/5; published α = 0.095.
    // κ = 2(5 − 3)/(2·6 + 4·8) = 4/44 = 1/11. α: n_yes = 6, n_no = 14: 1 − 19·4/84 = 8/84 = 2/21.
    TableCase(counts: AgreementCounts(both: 1, onlyA: 1, onlyB: 3, neither: 5), kappa: 1.0 / 11, alpha: 2.0 / 21),
    // Coder A applies the code everywhere, B to 6 of 10: p_o = 6/10 = p_e, so κ = 0 (defined).
    // α: n_yes = 16, n_no = 4: (64 − 19·4)/64 = −12/64 = −3/16.
    TableCase(counts: AgreementCounts(both: 6, onlyA: 4, onlyB: 0, neither: 0), kappa: 0, alpha: -3.0 / 16),
    // Coder A never applies the code, B to 3 of 10: κ = 0. α: n_yes = 3, n_no = 17: (51 − 57)/51 = −2/17.
    TableCase(counts: AgreementCounts(both: 0, onlyA: 0, onlyB: 3, neither: 7), kappa: 0, alpha: -2.0 / 17),
    // Perfect agreement with variation: κ = 2·21/(3·7 + 3·7) = 1; α = 1 − 0 = 1.
    TableCase(counts: AgreementCounts(both: 3, onlyA: 0, onlyB: 0, neither: 7), kappa: 1, alpha: 1),
    // Total disagreement: κ = −50/(5·5 + 5·5) = −1. α: n_yes = n_no = 10: (100 − 19·10)/100 = −9/10.
    TableCase(counts: AgreementCounts(both: 0, onlyA: 5, onlyB: 5, neither: 0), kappa: -1, alpha: -9.0 / 10),
]

/// SplitMix64: a small seeded generator so the random tables are the same on every run.
private struct SplitMix64 {
    var state: UInt64
    mutating func next(below bound: UInt64) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % bound)
    }
}

struct AgreementStatisticsTests {
    @Test(arguments: handComputedTables)
    func kappaAndAlphaMatchHandComputedFractions(_ table: TableCase) {
        let result = AgreementResult(counts: table.counts)
        #expect(isClose(result.cohensKappa, table.kappa))
        #expect(isClose(result.krippendorffAlpha, table.alpha))
        // The two-coder alpha is the general alpha on the same units.
        #expect(isClose(krippendorffAlphaNominal(units: units(table.counts)), table.alpha))
    }

    @Test func percentAgreementIsObservedProportion() {
        // (20 + 15)/50 × 100 = 70.
        let wikipedia = AgreementCounts(both: 20, onlyA: 5, onlyB: 10, neither: 15)
        #expect(AgreementResult(counts: wikipedia).percentAgreement == 70)
        // (1 + 5)/10 × 100 = 60.
        #expect(AgreementCounts(both: 1, onlyA: 1, onlyB: 3, neither: 5).percentAgreement == 60)
        #expect(AgreementCounts().percentAgreement == nil)
    }

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data,
    // any number of observers, missing data): 4 observers, 12 units; published α ≈ 0.743.
    // Unit 12 has one value and is dropped; n = 40 pairable values. n_1 = 9, n_2 = 13, n_3 = 10,
    // n_4 = 5, n_5 = 3, so Σ_{c≠k} n_c·n_k = 40² − (81 + 169 + 100 + 25 + 9) = 1216.
    // Disagreeing ordered pairs / (m − 1): unit 2 (3×"2", 1×"3") 6/3 = 2; unit 6 (1,2,3,4) 12/3 = 4;
    // unit 8 (3×"1", 1×"2") 6/3 = 2; total 8. α = 1 − 39·8/1216 = 904/1216 = 113/152.
    @Test func krippendorffPublishedFourObserverExample() {
        let data = units(observers: [
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ])
        #expect(isClose(krippendorffAlphaNominal(units: data), 113.0 / 152))
        #expect(isClose(krippendorffAlphaNominal(units: data), 0.743, tolerance: 5e-4))
    }

    // Krippendorff (2011), section B (nominal data, two observers, no missing data), 12 units;
    // published α = 0.692. n = 24; n_a = 4, n_b = 6, n_c = 6, n_d = 6, n_e = 2 → 576 − 128 = 448;
    // 3 disagreeing units → 6 ordered pairs; α = 1 − 23·6/448 = 310/448 = 155/224.
    @Test func krippendorffPublishedTwoObserverNominalExample() {
        let data = units(observers: ["a a b b d c c c e d d a", "b a b b b c c c e d d d"])
        #expect(isClose(krippendorffAlphaNominal(units: data), 155.0 / 224))
        #expect(isClose(krippendorffAlphaNominal(units: data), 0.692, tolerance: 5e-4))
    }

    // Section A's binary data, fed to the general function as written in the paper (α = 2/21 ≈ 0.095).
    @Test func krippendorffPublishedBinaryExampleThroughGeneralFunction() {
        let data = units(observers: ["0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"])
        #expect(isClose(krippendorffAlphaNominal(units: data), 2.0 / 21))
    }

    @Test func unpairableUnitsAreDropped() {
        let base = units(observers: ["a a b b d c c c e d d a", "b a b b b c c c e d d d"])
        let padded = base + [["z", nil, nil], [nil, nil], []]
        #expect(krippendorffAlphaNominal(units: padded) == krippendorffAlphaNominal(units: base))
    }

    // Independent check: kappa from p_o = (a+d)/n and p_e = S/n², S = (a+b)(a+c) + (c+d)(b+d), as
    // Int fractions: κ = (n(a+d) − S)/(n² − S); alpha from the general multi-coder function.
    @Test(arguments: [(UInt64(2024), UInt64(41)), (7, 4), (99, 100_000)])
    func randomTablesAgreeWithSecondComputation(seed: UInt64, bound: UInt64) {
        var rng = SplitMix64(state: seed)
        for _ in 0..<40 {
            let a = rng.next(below: bound), b = rng.next(below: bound)
            let c = rng.next(below: bound), d = rng.next(below: bound)
            let counts = AgreementCounts(both: a, onlyA: b, onlyB: c, neither: d)
            let n = a + b + c + d
            let chance = (a + b) * (a + c) + (c + d) * (b + d)
            let kappa = counts.cohensKappa
            if n * n == chance {
                #expect(reason(kappa) != nil)
            } else {
                #expect(isClose(kappa, Double(n * (a + d) - chance) / Double(n * n - chance), tolerance: 1e-12))
            }
            if bound <= 100 {  // the general function walks every unit: keep those tables small
                let general = krippendorffAlphaNominal(units: units(counts))
                if let expected = general.number {
                    #expect(isClose(counts.krippendorffAlpha, expected, tolerance: 1e-12))
                } else {
                    #expect(reason(counts.krippendorffAlpha) != nil)
                }
            }
        }
    }

    // p_e = pA·pB + (1 − pA)(1 − pB) equals 1 only when pA = pB = 0 or pA = pB = 1, i.e. both coders
    // gave the same answer to every unit, so p_o = 1 too: kappa is 0/0, never x/0 with x ≠ 0.
    // Checked over every table with cells 0…6.
    @Test func chanceAgreementOfOneImpliesPerfectObservedAgreement() {
        var found = 0
        for a in 0...6 { for b in 0...6 { for c in 0...6 { for d in 0...6 {
            let n = a + b + c + d
            let chance = (a + b) * (a + c) + (c + d) * (b + d)
            guard n > 0, chance == n * n else { continue }
            found += 1
            #expect(a + d == n)
            #expect(b == 0 && c == 0 && (a == 0 || d == 0))
            #expect(reason(AgreementCounts(both: a, onlyA: b, onlyB: c, neither: d).cohensKappa) != nil)
        } } } }
        #expect(found == 12)  // all-both 1…6 and all-neither 1…6, nothing else
    }

    // Undefined cases: each says why, never NaN or a silent 0.
    @Test func allNeitherIsUndefinedForLackOfVariation() {
        let result = AgreementResult(counts: AgreementCounts(neither: 12))
        #expect(result.percentAgreement == 100)
        #expect(reason(result.cohensKappa)?.contains("neither coder applied the code") == true)
        #expect(reason(result.cohensKappa)?.contains("chance agreement is 1") == true)
        #expect(reason(result.krippendorffAlpha)?.contains("no variation") == true)
        #expect(reason(result.krippendorffAlpha)?.contains("expected disagreement is 0") == true)
        #expect(reason(krippendorffAlphaNominal(units: units(AgreementCounts(neither: 12))))?
            .contains("no variation") == true)
    }

    @Test func allBothIsUndefinedForLackOfVariation() {
        let result = AgreementResult(counts: AgreementCounts(both: 8))
        #expect(result.percentAgreement == 100)
        #expect(reason(result.cohensKappa)?.contains("both coders applied the code to every unit") == true)
        #expect(reason(result.krippendorffAlpha)?.contains("both coders applied the code to every unit") == true)
    }

    @Test func noUnitsIsUndefined() {
        let result = AgreementResult(counts: AgreementCounts())
        #expect(result.percentAgreement == nil)
        #expect(reason(result.cohensKappa)?.contains("no units") == true)
        #expect(reason(result.krippendorffAlpha)?.contains("no units") == true)
        #expect(reason(krippendorffAlphaNominal(units: []))?.contains("no unit was coded by at least two") == true)
        #expect(reason(krippendorffAlphaNominal(units: [["a", nil], [nil, "b"]])) != nil)
    }

    // One coder constant, the other varying: p_o = p_e, so kappa is a defined 0, not undefined.
    @Test func oneConstantCoderGivesDefinedZeroKappa() {
        let result = AgreementResult(counts: AgreementCounts(both: 6, onlyA: 4))
        #expect(result.cohensKappa == .value(0))
        #expect(isClose(result.krippendorffAlpha, -3.0 / 16))
    }

    @Test func negativeCountsAreRejected() {
        let result = AgreementResult(counts: AgreementCounts(both: 3, onlyA: -3))
        #expect(result.percentAgreement == nil)
        #expect(reason(result.cohensKappa)?.contains("negative") == true)
        #expect(reason(result.krippendorffAlpha)?.contains("negative") == true)
    }

    // Pooling 20/5/10/15, 0/0/0/30 (a code nobody applied) and 1/1/3/5 gives 21/6/13/50, n = 90.
    // Percent: 71/90 × 100. κ = 2(21·50 − 6·13)/(27·56 + 34·63) = 1944/3654 = 108/203.
    // α: n_yes = 61, n_no = 119, 2n − 1 = 179, b+c = 19: (7259 − 3401)/7259 = 3858/7259.
    // Mean of per-code kappas: the middle code is undefined, so (2/5 + 1/11)/2 = 27/110.
    @Test func pooledSumsTablesAndMeanKappaSkipsUndefinedCodes() {
        let codes = [
            AgreementCounts(both: 20, onlyA: 5, onlyB: 10, neither: 15),
            AgreementCounts(neither: 30),
            AgreementCounts(both: 1, onlyA: 1, onlyB: 3, neither: 5),
        ]
        let pooled = AgreementResult.pooled(codes)
        #expect(pooled.counts == AgreementCounts(both: 21, onlyA: 6, onlyB: 13, neither: 50))
        #expect(pooled.counts.total == 90)
        #expect(abs((pooled.percentAgreement ?? -1) - 7100.0 / 90) <= 1e-9)
        #expect(isClose(pooled.cohensKappa, 108.0 / 203))
        #expect(isClose(pooled.krippendorffAlpha, 3858.0 / 7259))

        let mean = AgreementResult.meanKappa(codes)
        #expect(isClose(mean.mean, 27.0 / 110))
        #expect(mean.definedCount == 2)
        #expect(mean.undefinedCount == 1)
    }

    @Test func meanKappaWithoutDefinedCodesIsUndefined() {
        let mean = AgreementResult.meanKappa([AgreementCounts(neither: 4), AgreementCounts()])
        #expect(reason(mean.mean)?.contains("all 2 undefined") == true)
        #expect(mean.undefinedCount == 2)
        #expect(reason(AgreementResult.meanKappa([]).mean) != nil)
        #expect(reason(AgreementResult.pooled([]).cohensKappa)?.contains("no units") == true)
    }
}
