import Foundation
import Testing
@testable import CodaKit

/// Verification checks rest on what the researcher recorded, and say so when nothing is recorded.
@Suite struct EvidenceChecksTests {
    func checks(_ root: URL) throws -> [String: ThemeEvidence.Check] {
        let project = Project.load(root)
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [], unit: .segment)
        let builder = try ConclusionBuilder(project: project, coder: "alice", by: [])
        let e = builder.evidence(for: try project.codebook.resolve("Problems"), agreement: agreement)
        return Dictionary(uniqueKeysWithValues: e.checks.map { ($0.name, $0) })
    }

    @Test func keywordsInMemosAreNotRivalExplanations() throws {
        let root = MatrixTests.study()
        let alice = ["CODA_CODER": "alice"]
        _ = TestSupport.run(["memo", "code", "Queues", "People came instead of calling."], in: root, environment: alice)
        var found = try checks(root)
        #expect(found["Rival explanations"]?.status == .nothingRecorded)
        #expect(found["Negative cases"]?.status == .nothingRecorded)
        _ = TestSupport.run(["memo", "code", "Queues", "#rival The queue may be shorter because July is quiet."], in: root, environment: alice)
        _ = TestSupport.run(["tag", "P02", "4", "JHT claims", "--memo", "#negative: says claims are fast now"], in: root, environment: alice)
        found = try checks(root)
        #expect(found["Rival explanations"]?.status == .passed)
        #expect(found["Rival explanations"]?.finding.contains("July is quiet") == true)
        #expect(found["Negative cases"]?.status == .passed)
        #expect(found["Negative cases"]?.finding.contains("R10, P02 ¶4") == true)
        #expect(!EvidenceMark.rival.isIn("#rivalry between branches"))
    }

    @Test func agreementIsCheckedCodeByCodeAgainstTheThreshold() throws {
        let root = MatrixTests.study()
        // Units: P01 ¶2, ¶4, ¶6 and P02 ¶2, ¶4 (interviewer turns left out; bob read no survey answer).
        // Queues: alice P01¶2, P01¶4, P02¶2, bob P01¶2: both 1, only alice 2, neither 2: κ = (.6 − .44) / .56 = 0.29.
        // JHT claims: alice P01¶4, P02¶2, bob P01¶4: both 1, only alice 1, neither 3: κ = (.8 − .56) / .44 = 0.55.
        let check = try #require(try checks(root)["Coder agreement"])
        #expect(check.status == .attention)
        #expect(check.finding.contains("kappa per code (threshold 0.60): Problems/Queues 0.29, Problems/JHT claims 0.55"))
        #expect(check.finding.contains("below the threshold or undefined: Problems/Queues, Problems/JHT claims"))
        let single = TestSupport.project(["Transcripts/P01.md": CondenseFixture.transcript, "Codebooks/c.md": CondenseFixture.codebook])
        _ = TestSupport.run(["tag", "P01", "2", "Queues"], in: single, environment: ["CODA_CODER": "alice"])
        let project = Project.load(single)
        let e = try ConclusionBuilder(project: project, coder: "alice", by: []).evidence(for: try project.codebook.resolve("Problems"))
        #expect(e.checks.first { $0.name == "Coder agreement" }?.status == .nothingRecorded)
    }
}
