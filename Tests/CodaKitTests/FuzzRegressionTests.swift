import Foundation
import Testing
@testable import CodaKit

/// Inputs the fuzzing campaign found, kept as fixtures: each must now pass the property its target checks.
@Suite struct FuzzRegressionTests {
    /// A coding file rendered and read again is the same (the `codings-roundtrip` target's property).
    @Test(arguments: ["codings-roundtrip-a6183b58.tsv"])
    func aCodingFileRenderedAndReadAgainIsTheSame(_ name: String) throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/CodaKitTests/Fixtures/fuzz/\(name)")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let first = CodingFile.parse(text, path: "x")
        let again = CodingFile.parse(CodingFile.render(first.codings), path: "x")
        let sorted = CodingFile.sorted(first.codings)
        #expect(again.codings.count == sorted.count)
        for (a, b) in zip(again.codings, sorted) where a != b {
            Issue.record("differs:\n\(a)\n\(b)")
        }
    }
}
