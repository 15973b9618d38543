import Foundation
import Testing
@testable import CodaKit

/// Kills a `coda codebook rename` child process at random moments and checks that the project, once the next run
/// has finished or dropped the journal, is exactly the old state or exactly the new one: never a mix.
@Suite struct CodebookChangeKillTests {
    /// Every file under Codebooks/, Codings/ and Memos/ (hidden ones aside), path → bytes.
    static func state(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["Codebooks", "Codings", "Memos"] {
            let url = root.appendingPathComponent(folder)
            for path in CodebookRefactor.files(under: url, ending: "") {
                var isFolder: ObjCBool = false
                let file = url.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
                    continue
                }
                files["\(folder)/\(path)"] = FileManager.default.contents(atPath: file.path)
            }
        }
        return files
    }

    /// The sample study with a few hundred more codings files (another coder's, on the same code), so that the
    /// swap of files takes long enough for kills to land inside it.
    static func largeSample() throws -> URL {
        let root = CodebookChangeTests.sampleCopy()
        let source = try String(contentsOf: root.appendingPathComponent("Codings/nurul/R017.tsv"), encoding: .utf8)
        let lines = source.components(separatedBy: "\n").filter { $0.contains("Problems/Queues") }
        for n in 0..<300 {
            let text = CodingFile.header + "\n" + lines.map { $0.replacingOccurrences(of: "\tnurul\t", with: "\tbulk\t") }
                .joined(separator: "\n") + "\n"
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Codings/bulk\(n % 3)"),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: root.appendingPathComponent("Codings/bulk\(n % 3)/X\(n).tsv"))
        }
        return root
    }

    @Test func aKilledRenameLeavesTheOldOrTheNewStateWhole() throws {
        guard TestSupport.codaBinary != nil else {
            print("skipped: the coda executable is not built (run `swift build`), so no process can be killed")
            return
        }
        let template = try Self.largeSample()
        let old = Self.state(template)
        let arguments = ["codebook", "rename", "Queues", "Waiting in line"]

        let finished = TestSupport.copy(template)
        let start = Date()
        let clean = try TestSupport.runBinary(arguments, in: finished)
        let duration = Date().timeIntervalSince(start)
        #expect(clean.status == 0, "\(clean.stderr)")
        let new = Self.state(finished)
        #expect(new != old)

        var generator = SystemRandomNumberGenerator()
        var outcomes = (old: 0, new: 0, journalLeft: 0)
        for _ in 0..<16 {
            let root = TestSupport.copy(template)
            let process = Process()
            process.executableURL = TestSupport.codaBinary
            process.arguments = arguments
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0...(duration * 1.1), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(ProjectTransaction.folder).path) {
                outcomes.journalLeft += 1
            }
            // The next run finishes a committed change or drops an unfinished one.
            _ = Project.load(root)
            let state = Self.state(root)
            #expect(state == old || state == new, "a kill left a mix of old and new files")
            if state == old { outcomes.old += 1 } else if state == new { outcomes.new += 1 }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(ProjectTransaction.folder).path))
            try? FileManager.default.removeItem(at: root)
        }
        print("kill test: \(outcomes.old) old, \(outcomes.new) new, \(outcomes.journalLeft) left a journal; "
              + "a clean rename took \(Int(duration * 1000)) ms")
        #expect(outcomes.old + outcomes.new == 16)
    }
}
