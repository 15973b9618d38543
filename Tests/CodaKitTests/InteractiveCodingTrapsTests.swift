import Foundation
import Testing
@testable import CodaKit

/// `coda code` without its traps: code starts are never commands, the end can be undone, and so on.
@Suite struct InteractiveCodingTrapsTests {
    let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    func run(_ args: [String], _ root: URL, input: [String]) -> TestSupport.Run {
        TestSupport.run(args, in: root, input: input, environment: env)
    }

    @Test func aCodesStartIsNeverACommand() throws {
        let root = CondenseFixture.make()
        let result = run(["code", "P01"], root, input: ["q", "b", ":q"])
        #expect(result.code == .success)
        let codings = Project.load(root).codings.map { "\($0.segmentLabel) \($0.code)" }.sorted()
        #expect(codings == ["1 Problems/Queues", "2 Media/Banner"])
        #expect(InteractiveCoder.parse("quit") == .quit)
        #expect(InteractiveCoder.parse(":b") == .back)
        #expect(InteractiveCoder.parse("m so") == .codes(["m so"], memo: nil))
        #expect(InteractiveCoder.parse(":m so it goes") == .memo("so it goes"))
    }

    @Test func theLastSegmentLeavesAChanceToGoBack() throws {
        let root = CondenseFixture.make()
        let result = run(["code", "P01", "6"], root, input: ["banner", ":b", "info", ""])
        #expect(result.code == .success)
        #expect(result.stdout.contains("End of P01"))
        let codings = Project.load(root).codings.map { "\($0.segmentLabel) \($0.code)" }.sorted()
        #expect(codings == ["6 Flower of Service/Information", "6 Media/Banner"])
    }

    @Test func aSegmentNumberSaysWhereToStart() throws {
        let root = CondenseFixture.make()
        #expect(run(["code", "P01", "3"], root, input: ["jht", ":q"]).code == .success)
        #expect(Project.load(root).codings.map(\.segmentLabel) == ["3"])
        let beyond = run(["code", "P01", "40"], root, input: [])
        #expect(beyond.code == .problemsFound)
        #expect(beyond.stderr.contains("there is no segment 40"))
    }

    @Test func codingsMadeInAnotherTerminalShow() throws {
        let root = CondenseFixture.make()
        let project = Project.load(root)
        let document = try project.document("P01")
        let console = CapturedOutput(input: []).console(currentDirectory: root)
        let coder = InteractiveCoder(project: project, document: document, coder: "alice", console: console,
                                     time: "2022-08-09T00:00:00Z", onlyUncoded: false)
        #expect(coder.codingsOnDisk().isEmpty)
        #expect(TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: ["CODA_CODER": "bob"]).code == .success)
        #expect(coder.codingsOnDisk().map { "\($0.coder) \($0.code)" } == ["bob Problems/Queues"])
    }

    @Test func pipedAnswersNamingNoCodeFail() throws {
        let root = CondenseFixture.make()
        let result = run(["code", "P01"], root, input: ["info", "nonsense", ":q"])
        #expect(result.code == .problemsFound)
        #expect(result.stdout.contains("the codebook has no code `nonsense`"))
        #expect(Project.load(root).codings.map(\.code) == ["Flower of Service/Information"])
    }
}
