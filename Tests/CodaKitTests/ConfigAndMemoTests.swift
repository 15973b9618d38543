import Foundation
import Testing
@testable import CodaKit

/// `coda config`, the warning about an undeclared main coder, and memos on codings that append.
@Suite struct ConfigAndMemoTests {
    @Test func configListsReadsAndSetsOnlyItsLine() throws {
        let root = CodebookChangeTests.sampleCopy()
        let listed = TestSupport.run(["config"], in: root)
        #expect(listed.stdout.contains("main-coder: nurul") && listed.stdout.contains("title: Promoting the JMO app"))
        #expect(TestSupport.run(["config", "main-coder"], in: root).stdout == "nurul\n")
        let before = try String(contentsOf: root.appendingPathComponent("Project.md"), encoding: .utf8)
        #expect(TestSupport.run(["config", "main-coder", "amir"], in: root).code == .success)
        let after = try String(contentsOf: root.appendingPathComponent("Project.md"), encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "Main coder: nurul", with: "Main coder: amir"))
        #expect(Project.load(root).mainCoder == "amir")

        let unknown = TestSupport.run(["config", "main-coder", "bob"], in: root)
        #expect(unknown.code != .success && unknown.stderr.contains("no codings by a coder `bob`"))
        let typo = TestSupport.run(["config", "titel", "x"], in: root)
        #expect(typo.code == .usage && typo.stderr.contains("title"))
    }

    @Test func displaysWarnWhenTheMainCoderIsOnlyTheOneWhoCodedMost() {
        let root = CodebookChangeTests.sampleCopy()
        let declared = TestSupport.run(["matrix", "case-code", "--format", "md"], in: root)
        #expect(!declared.stderr.contains("warning"))
        #expect(declared.stdout.contains("the main coder set in Project.md"))
        #expect(TestSupport.run(["config", "main-coder", "--unset"], in: root).code == .success)
        let undeclared = TestSupport.run(["matrix", "case-code", "--format", "md"], in: root)
        let nurul = Project.load(root).humanCodings.filter { $0.coder == "nurul" }.count
        #expect(undeclared.stderr.contains("no main coder is declared, so displays use nurul's codings (the "
            + "most: \(nurul) of"))
        #expect(undeclared.stdout.contains("who has the most codings"))
        #expect(!TestSupport.run(["matrix", "case-code", "--coder", "all"], in: root).stderr.contains("warning"))
    }

    @Test func aSecondMemoOnACodingIsAddedDatedUnlessReplace() throws {
        let root = CodebookChangeTests.sampleCopy()
        let env = ["CODA_CODER": "nurul", "SOURCE_DATE_EPOCH": "1661421600"]
        func memo() -> String {
            Project.load(root).codings.first { $0.document == "R017" && $0.firstSegment == 6 && $0.coder == "nurul"
                && $0.code == "Flower of Service/Information" }?.memo ?? ""
        }
        let first = memo()
        #expect(!first.isEmpty)
        #expect(TestSupport.run(["memo", "coding", "R017", "6", "Information", "asked "
            + "twice"], in: root, environment: env).code == .success)
        #expect(memo() == first + "\n\n2022-08-25 10:00 · nurul: asked twice")
        #expect(TestSupport.run(["memo", "coding", "R017", "6", "Information", "only this", "--replace"], in: root,
                                environment: env).code == .success)
        #expect(memo() == "only this")
    }

    @Test func replacingAMemoWithItsOwnTextSaysSoAndWritesNothing() throws {
        let root = CodebookChangeTests.sampleCopy()
        let env = ["CODA_CODER": "nurul", "SOURCE_DATE_EPOCH": "1661421600"]
        let command = ["memo", "coding", "R017", "6", "Information", "only this", "--replace"]
        let first = TestSupport.run(command, in: root, environment: env)
        #expect(first.stdout == "memo replaced on 1 coding of Flower of Service/Information in R017 ¶6\n")
        let before = PseudonymiseTests.snapshot(root)
        let again = TestSupport.run(command, in: root, environment: env)
        #expect(again.code == .success)
        #expect(again.stdout == "memo already holds that text: R017 ¶6 Flower of Service/Information\n")
        #expect(PseudonymiseTests.snapshot(root) == before)
    }
}
