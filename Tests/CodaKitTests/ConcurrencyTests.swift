import Foundation
import Testing
@testable import CodaKit

/// Two researchers (or two terminals) tagging at the same moment must never lose a coding.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func manyProcessesTaggingAtOnceLoseNothing() throws {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built") }
        let root = CondenseFixture.make()
        let codes = ["Information", "Order taking", "Queues", "JHT claims", "Banner"]
        var jobs: [[String]] = []
        for segment in 1...6 { for code in codes { jobs.append(["tag", "P01", String(segment), code]) } }
        // 10 processes, each tagging 3 (segment, code) pairs one after another, all started together.
        let statuses = try Self.runAtOnce((0..<10).map { Array(jobs[($0 * 3)..<($0 * 3 + 3)]) }, coda: binary, in: root)
        #expect(statuses.allSatisfy { $0 == 0 })
        let project = Project.load(root)
        #expect(project.codings.count == 30)
        #expect(Set(project.codings.map { "\($0.segmentLabel) \($0.code)" }).count == 30)
        #expect(project.diagnostics.isEmpty)
    }

    /// Starts one shell per worker, all at once, each running its `coda` commands one after another as alice;
    /// returns each shell's exit status.
    static func runAtOnce(_ workers: [[[String]]], coda binary: URL, in root: URL) throws -> [Int32] {
        let processes = workers.map { commands in
            let script = commands.map { args in
                ([binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
            }.joined(separator: " && ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.currentDirectoryURL = root
            process.environment = ["CODA_CODER": "alice", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        return processes.map(\.terminationStatus)
    }

    @Test func killedWritersLeaveAWholeFile() throws {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built") }
        let root = CondenseFixture.make()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["tag", "P01", String(round % 6 + 1), ["Queues", "Banner", "Information", "JHT claims"][round % 4]]
            process.currentDirectoryURL = root
            process.environment = ["CODA_CODER": "alice"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...30_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let url = root.appendingPathComponent("Codings/alice/P01.tsv")
            if let data = FileManager.default.contents(atPath: url.path) {
                let contents = CodingFile.parse(String(decoding: data, as: UTF8.self), path: "x")
                #expect(contents.diagnostics.isEmpty, "round \(round): a torn file")
            }
        }
        #expect(Project.load(root).diagnostics.isEmpty)
    }
}
