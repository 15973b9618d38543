import Foundation
import Testing
@testable import CodaKit

/// Commands killed with SIGKILL at seeded random moments leave the old state or the new one, and the next run
/// finishes the job: every file parses, no coding that existed before is lost, and rerunning the command ends
/// where an uninterrupted run ends. Real `coda` processes; a few seconds in all.
@Suite(.serialized) struct KillTests {
    static let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]

    /// What a project holds, for comparing runs: codings, memos, the visible files and the change log's entries.
    struct State: Equatable, CustomStringConvertible {
        var codings: [String]
        var memos: [String]
        var files: [String]
        var errors: [String]
        /// The entries' coders, actions and documents (ids and times aside, which differ from run to run): an import
        /// writes its line in the same transaction as its files; a tag or memo killed between its change and its
        /// line is logged by the next command (`ChangeLog.recoverPending`).
        var log: [String] = []

        init(_ root: URL) {
            let project = Project.load(root)
            codings = project.codings.map { "\($0.document) \($0.code) \($0.coder) \($0.excerpt)" }.sorted()
            memos = project.memos.map { "\($0.author): \($0.text)" }.sorted()
            files = DirectoryWalker.files(under: root).map { String($0.path.dropFirst(root.path.count + 1)) }
                .filter { !$0.hasPrefix("Sources/") || !$0.hasSuffix(".qdpx") }
                // Undo copies are named by change ids, which differ from run to run.
                .filter { !$0.hasPrefix(ChangeLog.folder + "/" + ChangeLog.undoFolder + "/") }
            errors = project.diagnostics.filter { $0.severity == .error }.map(\.description)
            // Each kind once: a run killed half-way through several files (`check --fix`) and its rerun log two
            // changes where an uninterrupted run logs one.
            log = Set(ChangeLog(root: root).entries().map { "\($0.coder) \($0.action) \($0.documents)" }).sorted()
        }

        var description: String { "codings \(codings)\nmemos \(memos)\nfiles \(files)\nerrors \(errors)" }
    }

    /// One command to kill: how to make its project, and whether a rerun after a finished run may fail.
    struct Case: Sendable {
        var name: String
        var arguments: @Sendable (URL) -> [String]
        var make: @Sendable () throws -> URL
        /// Codings the command removes on purpose (`untag`), by the same text as `State.codings`.
        var removes: Set<String> = []
        /// A rerun after the command completed fails on purpose (the coding is gone, the id is taken).
        var rerunMayFail = false
        /// A rerun after the command completed repeats its effect (a memo written twice).
        var repeats = false
        /// The exit status of a run that completes (1 for an import that says what it left out).
        var status: Int32 = 0
    }

    static func tagged() -> URL {
        let root = CondenseFixture.make()
        for (segment, code) in [("2", "Queues"), ("3", "Information"), ("6", "Banner")] {
            _ = TestSupport.run(["tag", "P01", segment, code], in: root, environment: env)
        }
        _ = TestSupport.run(["tag", "P01", "2", "Queues"], in: root, environment: ["CODA_CODER": "bob"])
        return root
    }

    static let sources = TestSupport.temporaryFolder("coda-kill-sources")

    static func qdpx() throws -> URL {
        let file = sources.appendingPathComponent("study.qdpx")
        if !FileManager.default.fileExists(atPath: file.path) {
            let root = tagged()
            _ = TestSupport.run(["memo", "code", "Queues", "Queues mean waiting."], in: root, environment: env)
            guard TestSupport.run(["export", "qdpx", file.path], in: root, environment: env).code == .success else {
                throw TestError("export qdpx failed")
            }
        }
        return file
    }

    static let cases: [Case] = [
        Case(name: "tag", arguments: { _ in ["tag", "P01", "4", "Queues", "Banner", "JHT claims"] }, make: tagged),
        Case(name: "untag", arguments: { _ in ["untag", "P01", "2", "Queues"] }, make: tagged,
             removes: ["P01 Problems/Queues alice I did not know it. I came to the branch office\nand waited in the queue for two hours."],
             rerunMayFail: true),
        Case(name: "memo", arguments: { _ in ["memo", "code", "Queues", "Queues mean waiting."] }, make: tagged, repeats: true),
        Case(name: "import text", arguments: { _ in
            let file = sources.appendingPathComponent("interview-P07.txt")
            try? "Interviewer: Which queue?\n\nAli: The long one, at the branch.\n".write(to: file, atomically: true, encoding: .utf8)
            return ["import", file.path, "--id", "P07"]
        }, make: tagged, rerunMayFail: true),
        // Several transcripts, one of them empty: the good ones arrive in one transaction, all or none.
        Case(name: "import texts", arguments: { _ in
            ["P08", "P09", "P10", "P11"].map { id in
                let file = sources.appendingPathComponent("interview-\(id).txt")
                let text = id == "P09" ? "" : "Interviewer: Which queue?\n\nAli: The one for \(id).\n"
                try? text.write(to: file, atomically: true, encoding: .utf8)
                return file.path
            }.reduce(["import"]) { $0 + [$1] }
        }, make: tagged, rerunMayFail: true, status: 1),
        // The fixture's survey comes back as a survey, so the whole import succeeds.
        Case(name: "import qdpx", arguments: { _ in ["import", (try? qdpx().path) ?? "missing.qdpx"] },
             make: { TestSupport.project([:]) }, rerunMayFail: true),
        Case(name: "check --fix", arguments: { _ in ["check", "--fix"] }, make: {
            let root = tagged()
            let url = root.appendingPathComponent("Transcripts/P01.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "Bu Sari: I did not", with: "Bu Sari: Well. I did not")
                .write(to: url, atomically: true, encoding: .utf8)
            return root
        }),
        // Several coders' files changed by one command, through one transaction.
        Case(name: "tag --from", arguments: { _ in
            let file = sources.appendingPathComponent("rows.tsv")
            let rows = "Document\tSegments\tCode\tCoder\nP01\t4\tQueues\talice\nP01\t4\tBanner\tbob\n"
                + "P01\t5\tInformation\tbob\nP01\t5\tInformation\tcarol\n"
            try? rows.write(to: file, atomically: true, encoding: .utf8)
            return ["tag", "--from", file.path]
        }, make: tagged, rerunMayFail: true),
        Case(name: "export appendix", arguments: { _ in ["export", "appendix", "--format", "html"] }, make: tagged),
        Case(name: "review", arguments: { _ in ["review"] }, make: tagged),
    ]

    static func start(_ arguments: [String], in root: URL) throws -> Process {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built; run `swift build` first") }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = env.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func finish(_ arguments: [String], in root: URL) throws -> Int32 {
        let process = try start(arguments, in: root)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killedCommandsLeaveAStateTheNextRunFinishes() throws {
        var random = ZipTestRandom(seed: 18)
        for item in Self.cases {
            let clean = try item.make()
            let arguments = item.arguments(clean)
            let started = Date()
            #expect(try Self.finish(arguments, in: clean) == item.status, "\(item.name): an uninterrupted run succeeds")
            // Kills land from half-way through the run to just after its end, where the writing happens.
            let duration = max(0.01, Date().timeIntervalSince(started))
            let reference = State(clean)
            #expect(reference.errors.isEmpty, "\(item.name): \(reference.errors)")
            for round in 0..<3 {
                let root = try item.make()
                let before = State(root)
                let process = try Self.start(arguments, in: root)
                usleep(UInt32(duration * 1_000_000 * Double.random(in: 0.5...1.1, using: &random)))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let killed = State(root)
                let label = "\(item.name), round \(round)"
                if item.name.hasPrefix("import") || ["tag", "untag"].contains(item.name) {
                    // The files and their change-log line arrive together or not at all.
                    #expect(killed == before || killed == reference, "\(label): \(killed)\nvs\n\(reference)")
                }
                #expect(killed.errors.isEmpty, "\(label): every file parses: \(killed.errors)")
                let lost = Set(before.codings).subtracting(item.removes).subtracting(killed.codings)
                if item.name != "check --fix" { #expect(lost.isEmpty, "\(label): codings lost: \(lost)") }
                if item.name == "check --fix" { #expect(killed.codings.count == before.codings.count, "\(label)") }
                let status = try Self.finish(arguments, in: root)
                let finished = killed == reference
                #expect(status == item.status || (item.rerunMayFail && finished),
                        "\(label): the rerun succeeds (status \(status))")
                let after = State(root)
                if item.repeats {
                    #expect(after.errors.isEmpty && Set(after.memos) == Set(reference.memos), "\(label): \(after)")
                } else {
                    #expect(after == reference, "\(label): the rerun ends where a clean run ends\n\(after)\nvs\n\(reference)")
                }
            }
        }
    }

    @Test func staleTemporariesOfDeadProcessesAreRemovedOthersKept() throws {
        let folder = TestSupport.temporaryFolder("coda-stale")
        let dead = try Self.start(["--version"], in: folder)
        dead.waitUntilExit()
        let names = [
            ".P01.tsv.\(dead.processIdentifier).17.tmp",  // its process is gone
            ".P01.tsv.\(getpid()).18.tmp",  // this process: still writing
            ".P02.tsv.1.19.tmp",  // a live process (init), recent
            ".P03.tsv.1.20.tmp",  // a live process id, but two hours old: the id was reused
            ".notes.md.swp", "P01.tsv", ".P01.tsv.x.1.tmp",  // not Coda's temporaries
        ]
        for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                              ofItemAtPath: folder.appendingPathComponent(".P03.tsv.1.20.tmp").path)
        #expect(TemporaryFiles.sweep(folder) == [".P01.tsv.\(dead.processIdentifier).17.tmp", ".P03.tsv.1.20.tmp"])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [".P01.tsv.\(getpid()).18.tmp", ".P01.tsv.x.1.tmp", ".P02.tsv.1.19.tmp", ".notes.md.swp", "P01.tsv"])
    }

    /// A killed export into a new folder leaves only a hidden temporary folder; the rerun removes it and writes.
    @Test func aFailedBuildOfANewFolderLeavesNothing() throws {
        let parent = TestSupport.temporaryFolder("coda-building")
        let target = parent.appendingPathComponent("Appendix")
        #expect(throws: TestError.self) {
            try OutputFolder.building(target) { folder in
                try Data("half".utf8).write(to: folder.appendingPathComponent("index.md"))
                throw TestError("killed")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        try OutputFolder.building(target) { folder in
            try OutputFolder(url: folder).write([("index.md", Array("whole".utf8))], displayName: "Appendix")
        }
        #expect(try String(contentsOf: target.appendingPathComponent("index.md"), encoding: .utf8) == "whole")
    }
}
