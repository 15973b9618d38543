import Foundation
import Testing
@testable import CodaKit

/// `coda import` of several transcripts reads them all first and writes the good ones in one transaction: a bad
/// file is reported and skipped, a failure at the commit leaves none of them, and each file keeps its log line.
@Suite struct ImportBatchTests {
    /// Three interviews in a folder of their own; `bad` names one that is written empty.
    static func interviews(bad: String? = nil) -> (folder: URL, paths: [String]) {
        let folder = TestSupport.temporaryFolder("coda-batch-sources")
        var paths: [String] = []
        for (name, speaker) in [("interview-P31", "Ayu"), ("interview-P32", "Budi"), ("interview-P33", "Citra")] {
            let url = folder.appendingPathComponent("\(name).txt")
            let text = name == bad ? ""
                : "Interviewer: How long did you wait?\n\n\(speaker): Two hours, at the branch office.\n"
            try? text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        return (folder, paths)
    }

    static func transcripts(_ root: URL) -> [String] {
        DirectoryWalker.names(in: root.appendingPathComponent(Project.transcriptsFolder).path).sorted()
    }

    @Test func aBadFileInTheMiddleIsReportedAndTheOthersAreImported() throws {
        let root = KillTests.tagged()
        let before = Self.transcripts(root)
        let (_, paths) = Self.interviews(bad: "interview-P32")
        let run = TestSupport.run(["import"] + paths, in: root, environment: KillTests.env)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("interview-P32.txt: error: the file is empty"), "\(run.stderr)")
        #expect(run.stdout.contains("imported \(paths[0]):") && run.stdout.contains("imported \(paths[2]):"))
        #expect(!run.stdout.contains("imported \(paths[1]):"))
        #expect(Self.transcripts(root) == (before + ["interview-P31.md", "interview-P33.md"]).sorted())
        let imports = ChangeLog(root: root).entries().filter { $0.action == "import" }
        #expect(imports.map(\.documents) == [["interview-P31"], ["interview-P33"]], "one log line per imported file")
        #expect(Set(imports.map(\.id)).count == 2, "each line has an id of its own")
        #expect(Project.load(root).diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aFailureAtTheCommitLeavesNoneOfTheFiles() throws {
        let root = KillTests.tagged()
        let before = Self.transcripts(root)
        let (_, paths) = Self.interviews()
        // A file where the change log's folder must be: the transaction refuses before its commit point.
        let log = root.appendingPathComponent(ChangeLog.folder)
        let kept = root.appendingPathComponent("kept-log")
        try FileManager.default.moveItem(at: log, to: kept)
        try "not a folder".write(to: log, atomically: true, encoding: .utf8)
        let run = TestSupport.run(["import"] + paths, in: root, environment: KillTests.env)
        #expect(run.code != .success)
        #expect(!run.stdout.contains("imported "), "\(run.stdout)")
        #expect(Self.transcripts(root) == before, "no transcript written")
        let sources = root.appendingPathComponent("Sources")
        #expect(!FileManager.default.fileExists(atPath: sources.path), "no original kept")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(ProjectTransaction.folder).path))
        // Once the folder is back, the same command imports all three.
        try FileManager.default.removeItem(at: log)
        try FileManager.default.moveItem(at: kept, to: log)
        let again = TestSupport.run(["import"] + paths, in: root, environment: KillTests.env)
        #expect(again.code == .success, "\(again.stderr)")
        #expect(Self.transcripts(root).count == before.count + 3)
    }

    @Test func twoFilesOfOneIdInOneCommandImportTheFirstOnly() throws {
        let root = KillTests.tagged()
        let (folder, paths) = Self.interviews()
        let other = folder.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let twin = other.appendingPathComponent("interview-P31.txt")
        try "Interviewer: And then?\n\nAyu: I went home.\n".write(to: twin, atomically: true, encoding: .utf8)
        let run = TestSupport.run(["import", paths[0], twin.path], in: root, environment: KillTests.env)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.hasPrefix("error: the id `interview-P31` cannot be used: a document with this id is already "
                                     + "in the project"), "\(run.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("Transcripts/interview-P31.md"), encoding: .utf8)
        #expect(text.contains("Two hours") && !text.contains("I went home"))
    }
}
