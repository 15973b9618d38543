import Foundation
import Testing
@testable import CodaKit

/// The README's tour writes codings, memos, notes and codebook changes into the sample study; the `git stash`
/// line the README gives must undo all of it, new files included, and keep it to bring back.
@Suite struct TourUndoTests {
    func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Tester", "-c", "user.email=tester@example.org"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestError("git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theReadmesStashLineUndoesTheWholeTour() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"),
                                encoding: .utf8)
        let line = try #require(readme.components(separatedBy: "`").first { $0.hasPrefix("git stash push") })
        let folder = TestSupport.temporaryFolder("coda-tour")
        for item in ["Codebooks", "Codings", "Figures", "Memos", "Project.md", "Transcripts", ".gitignore"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(item),
                                            to: folder.appendingPathComponent(item))
        }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("Codings/.lock"))
        guard (try? git(["init", "-q"], in: folder)) != nil else {
            print("skipped: git is not installed, so the README's tour reset was not tried")
            return
        }
        _ = try git(["add", "-A"], in: folder)
        _ = try git(["commit", "-qm", "sample"], in: folder)
        // The tour's lines that write to the project.
        let tour: [[String]] = [
            ["tag", "R017", "6", "JHT claims", "Information", "--memo", "came twice"],
            ["tag", "S01", "10", "Hospitality", "--phrase", "we try to explain slowly"],
            ["tag", "pre-survey:Q4", "23-24", "--none"],
            ["autocode"],
            ["memo", "code", "Queues", "Two meanings: the line, and the queue number."],
            ["codebook", "rename", "Queues", "Waiting in line"],
            ["codebook", "merge", "Billing", "Payment", "--into", "Consultation"],
            ["memo", "code", "Consultation", "#rival July is a quiet month anyway"],
            ["note", "code", "Consultation", "Overlaps with Order taking?"],
        ]
        for command in tour {
            let run = TestSupport.run(command, in: folder, environment: ["CODA_CODER": "nurul"])
            #expect(run.code == .success, "\(command): \(run.stderr)")
        }
        let changed = try git(["status", "--porcelain", "--untracked-files=all"], in: folder)
        #expect(changed.contains("?? "), "the tour made new files")
        #expect(changed.contains(" M Codebooks/"))
        // The README's line, as a user would type it.
        _ = try git(Array(line.split(separator: " ").dropFirst().map(String.init)), in: folder)
        #expect(try git(["status", "--porcelain", "--untracked-files=all"], in: folder) == "")
        #expect(Project.load(folder).humanCodings.count == Project.load(TestSupport.packageRoot).humanCodings.count)
        // And `git stash pop` brings the tour back.
        _ = try git(["stash", "pop", "-q"], in: folder)
        #expect(try git(["status", "--porcelain", "--untracked-files=all"], in: folder) == changed)
    }
}
