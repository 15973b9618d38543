import Foundation
import Testing
@testable import CodaKit

/// `coda agree` on a small project whose decisions are counted by hand.
@Suite struct AgreementCommandTests {
    /// P01 has 6 segments, P02 4. alice and bob code P01 and P02; carol codes only P01.
    static func project() -> URL {
        let root = TestSupport.project([
            "Transcripts/P01.md": "A: one\nB: two\nA: three\nB: four four\nA: five\nB: six\n",
            "Transcripts/P02.md": "A: uno\nB: dos\nA: tres\nB: cuatro\n",
            "Codebooks/c.md": "# C\n\n## X\nDefinition: x.\n\n## Y\nDefinition: y.\n\n## Z\nDefinition: never used.\n",
        ])
        let tags: [(String, [String])] = [
            ("alice", ["P01", "2", "X"]), ("alice", ["P01", "4", "X", "Y"]), ("alice", ["P01", "6", "Y"]), ("alice", ["P02", "2", "X"]),
            ("bob", ["P01", "2", "X"]), ("bob", ["P01", "4", "X"]), ("bob", ["P01", "5", "Y"]), ("bob", ["P02", "4", "X"]),
            ("carol", ["P01", "1", "X"]),
        ]
        for (coder, args) in tags { _ = TestSupport.run(["tag"] + args, in: root, environment: ["CODA_CODER": coder]) }
        return root
    }

    /// Cohen's kappa from a 2×2 table, written out here independently of the library.
    func kappa(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let n = a + b + c + d
        let po = (a + d) / n
        let pe = ((a + b) / n) * ((a + c) / n) + ((c + d) / n) * ((b + d) / n)
        return (po - pe) / (1 - pe)
    }

    @Test func segmentDecisionsPerCodeAndPooled() throws {
        let project = Project.load(Self.project())
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [], unit: .segment)
        #expect(agreement.documents == ["P01", "P02"])
        #expect(agreement.unusedCodes == ["Z"])
        // X: both P01¶2, P01¶4; only alice P02¶2; only bob P02¶4; neither the other 6 of 10 segments.
        let x = try #require(agreement.rows.first { $0.code.path == "X" }).result
        #expect(x.counts == AgreementCounts(both: 2, onlyA: 1, onlyB: 1, neither: 6))
        #expect(abs((x.cohensKappa.number ?? 0) - kappa(2, 1, 1, 6)) < 1e-12)
        #expect(x.percentAgreement == 80)
        // Y: alice P01¶4 and ¶6, bob P01¶5: no overlap.
        let y = try #require(agreement.rows.first { $0.code.path == "Y" }).result
        #expect(y.counts == AgreementCounts(both: 0, onlyA: 2, onlyB: 1, neither: 7))
        #expect(abs((y.cohensKappa.number ?? 0) - kappa(0, 2, 1, 7)) < 1e-12)
        #expect(agreement.pooled.counts == AgreementCounts(both: 2, onlyA: 3, onlyB: 2, neither: 13))
        #expect(abs((agreement.pooled.cohensKappa.number ?? 0) - kappa(2, 3, 2, 13)) < 1e-12)
        #expect(agreement.disagreements.map { "\($0.document)¶\($0.segment.number) \($0.code)" } == ["P02¶2 X", "P02¶4 X", "P01¶4 Y", "P01¶5 Y", "P01¶6 Y"])
    }

    @Test func aCodeInsideAnotherChosenCodeCountsOnce() throws {
        let root = TestSupport.project([
            "Transcripts/P01.md": "A: one\nB: two\nA: three\n",
            "Codebooks/c.md": "# C\n\n## P\nDefinition: p.\n\n### C\nDefinition: c.\n\n## Q\nDefinition: q.\n",
        ])
        for coder in ["alice", "bob"] { _ = TestSupport.run(["tag", "P01", "2", "P/C"], in: root, environment: ["CODA_CODER": coder]) }
        let project = Project.load(root)
        let p = try project.codebook.resolve("P"), c = try project.codebook.resolve("P/C"), q = try project.codebook.resolve("Q")
        #expect(project.codebook.subtrees(of: [c, q, p]).map(\.path) == ["P", "P/C", "Q"])
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [p, c], unit: .segment)
        #expect(agreement.rows.map(\.code.path) == ["P/C"])
        #expect(agreement.pooled.counts == AgreementCounts(both: 1, onlyA: 0, onlyB: 0, neither: 2))
        #expect(agreement.unusedCodes == ["P"])
    }

    @Test func characterUnitCountsCodedCharacters() throws {
        let root = Self.project()
        _ = TestSupport.run(["tag", "P01", "4", "Z", "--phrase", "four four"], in: root, environment: ["CODA_CODER": "alice"])
        _ = TestSupport.run(["tag", "P01", "4", "Z", "--phrase", "four", "--all"], in: root, environment: ["CODA_CODER": "bob"])
        let project = Project.load(root)
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [try project.codebook.resolve("Z")], unit: .char)
        // Segment text lengths: one 3, two 3, three 5, four four 9, five 4, six 3; uno 3, dos 3, tres 4, cuatro 6 → 43.
        // alice codes "four four" (9), bob "four" twice (8): both 8, only alice the space (1).
        #expect(agreement.rows.first?.result.counts == AgreementCounts(both: 8, onlyA: 1, onlyB: 0, neither: 34))
    }

    @Test func undefinedIsSaidInWords() throws {
        let root = TestSupport.project([
            "Transcripts/P01.md": "A: one\nB: two\n",
            "Codebooks/c.md": "# C\n\n## X\nDefinition: x.\n",
        ])
        for coder in ["alice", "bob"] { _ = TestSupport.run(["tag", "P01", "1-2", "X"], in: root, environment: ["CODA_CODER": coder]) }
        let run = TestSupport.run(["agree", "alice", "bob"], in: root)
        #expect(run.code == .success)
        #expect(run.stdout.contains("undefined"))
        #expect(run.stdout.contains("X: kappa undefined:"))
        #expect(!run.stdout.contains("nan"))
        let json = TestSupport.run(["agree", "alice", "bob", "--format", "json"], in: root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let pooled = try #require(object["pooled"] as? [String: Any])
        #expect((pooled["kappa"] as? [String: Any])?["undefined"] is String)
    }

    @Test func errorsNameTheCoders() {
        let root = Self.project()
        let unknown = TestSupport.run(["agree", "alice", "bobb"], in: root)
        #expect(unknown.code == .problemsFound)
        #expect(unknown.stderr.hasPrefix("error: no codings by a coder `bobb`\n  hint: did you mean `bob`?"))
        #expect(TestSupport.run(["agree", "alice", "alice"], in: root).stderr.hasPrefix("error: agreement needs two different coders"))
        let carol = TestSupport.run(["agree", "alice", "carol", "--disagreements", "--format", "tsv"], in: root)
        #expect(carol.code == .success)
        #expect(carol.stdout.contains("P01\t1\tA\tX\tno\tyes\tone"))
    }

    @Test func surveyAnswersCountOnlyWhereBothCoded() throws {
        let root = CondenseFixture.make()
        _ = TestSupport.run(["tag", "survey:Q2", "1", "Queues"], in: root, environment: ["CODA_CODER": "alice"])
        _ = TestSupport.run(["tag", "survey:Q2", "3", "Information"], in: root, environment: ["CODA_CODER": "alice"])
        _ = TestSupport.run(["tag", "survey:Q2", "1", "Queues"], in: root, environment: ["CODA_CODER": "bob"])
        let agreement = try Agreement(Project.load(root), coderA: "alice", coderB: "bob", codes: [], unit: .segment)
        #expect(agreement.surveyRespondents == 1)
        #expect(agreement.rows.map(\.code.name) == ["Queues"])
        #expect(agreement.pooled.counts == AgreementCounts(both: 1, onlyA: 0, onlyB: 0, neither: 0))
    }
}
