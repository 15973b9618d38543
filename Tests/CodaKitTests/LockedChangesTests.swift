import Foundation
import Testing
@testable import CodaKit

/// Read-modify-writes of project state that once ran outside the project lock: accepting and rejecting the same
/// suggestion at once, and importing under the same `--id` at once. Real `coda` processes, started together.
@Suite(.serialized) struct LockedChangesTests {
    /// Starts every command as its own `coda` process at once; returns their exit statuses in order.
    static func runTogether(_ commands: [[String]], in root: URL) throws -> [Int32] {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built; run `swift build` first") }
        let processes = commands.map { arguments -> Process in
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = root
            process.environment = ["CODA_CODER": "alice", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        return processes.map(\.terminationStatus)
    }

    @Test func acceptAndRejectOfOneSuggestionAtOnceHaveOneWinner() throws {
        for round in 0..<6 {
            let root = CondenseFixture.make()
            let env = ["CODA_CODER": "alice"]
            #expect(TestSupport.run(["autocode", "--code", "Problems/Queues", "--document", "P01"], in: root,
                                    environment: env).code == .success)
            let suggestion = try #require(Project.load(root).suggestions.first)
            let id = Suggestions.id(suggestion)
            let commands = round % 2 == 0 ? [["suggestions", "accept", id], ["suggestions", "reject", id]]
                : [["suggestions", "reject", id], ["suggestions", "accept", id]]
            let statuses = try Self.runTogether(commands + commands, in: root)
            #expect(statuses.filter { $0 == 0 }.count == 1, "round \(round): exactly one run wins, got \(statuses)")
            let project = Project.load(root)
            let accepted = project.humanCodings.filter { $0.key == suggestion.key || $0.spanKey == suggestion.spanKey }
            #expect(accepted.count + project.rejectedSuggestions.count == 1, "round \(round): accepted or rejected, once")
            #expect(project.suggestions.filter { $0.key == suggestion.key }.isEmpty)
            #expect(project.diagnostics.isEmpty)
        }
    }

    @Test func importsOfOneIDAtOnceHaveOneWinner() throws {
        for round in 0..<3 {
            let root = CondenseFixture.make()
            let sources = TestSupport.temporaryFolder("coda-import-race")
            var commands: [[String]] = []
            for n in 0..<6 {
                let file = sources.appendingPathComponent("interview-\(n).txt")
                try "Interviewer: Which queue, \(n)?\nAli: The long one.\n".write(to: file, atomically: true, encoding: .utf8)
                commands.append(["import", file.path, "--id", "SAME"])
            }
            let statuses = try Self.runTogether(commands, in: root)
            #expect(statuses.filter { $0 == 0 }.count == 1, "round \(round): exactly one import succeeds, got \(statuses)")
            let winner = try #require(statuses.firstIndex(of: 0))
            let project = Project.load(root)
            let document = try project.document("SAME")
            #expect(document.text.contains("Which queue, \(winner)?"), "round \(round): the transcript is the winner's")
            let kept = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path)
            #expect(kept == ["interview-\(winner).txt"], "round \(round): only the winner's original is kept")
        }
    }
}
