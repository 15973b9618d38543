import Foundation
import Testing
@testable import CodaKit

/// `coda export appendix` into the folder of its last export says how many files it wrote and how many it left
/// as they were; the first export keeps its plain message.
struct AppendixUnchangedMessageTests {
    /// The numbers in "wrote W file(s), U unchanged, to …", or nil for the first export's message.
    static func counts(_ message: String) -> (written: Int, unchanged: Int)? {
        let words = message.split(separator: " ")
        guard words.count > 4, words[4] == "unchanged,", let w = Int(words[1]), let u = Int(words[3]) else { return nil }
        return (w, u)
    }

    @Test func aSecondExportCountsTheFilesLeftAsTheyWere() throws {
        let root = KillTests.tagged()
        let folder = root.appendingPathComponent("Appendix")
        let first = TestSupport.run(["export", "appendix"], in: root, environment: KillTests.env)
        #expect(first.code == .success, "\(first.stderr)")
        let total = FolderCopy.files(under: folder).filter { !$0.hasPrefix(OutputFolder.manifestName) }.count
        #expect(first.stdout == "wrote \(total) files to Appendix/ (md); start with Appendix/index.md\n")

        // Nothing changed: every part is left as it was; the index is always written.
        let again = TestSupport.run(["export", "appendix"], in: root, environment: KillTests.env)
        #expect(again.stdout == "wrote 1 file, \(total - 1) unchanged, to Appendix/ (md); start with Appendix/index.md\n")

        // One more coding changes some parts: the message counts exactly the files whose bytes changed.
        let old = OutputFolderSwapTests.contents(folder)
        #expect(TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: KillTests.env).code == .success)
        let third = TestSupport.run(["export", "appendix"], in: root, environment: KillTests.env)
        let new = OutputFolderSwapTests.contents(folder)
        let changed = new.keys.filter { $0 != "index.md" && !$0.hasPrefix(OutputFolder.manifestName) && new[$0] != old[$0] }
        let counts = try #require(Self.counts(third.stdout), "\(third.stdout)")
        #expect(changed.count >= 1)
        #expect(counts.written == changed.count + 1)
        #expect(counts.written + counts.unchanged == total)
    }
}
