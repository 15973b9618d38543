import Foundation
import Testing
@testable import CodaKit

/// Exporting the appendix again leaves the files whose bytes did not change as they are (the same file, not a
/// new one with the same bytes), and still rewrites every file that differs, even one of the same size.
struct AppendixUnchangedFilesTests {
    @Test func aSecondExportKeepsTheUnchangedFilesAndMendsAChangedOne() throws {
        let project = Project.load(TestSupport.packageRoot)
        let target = TestSupport.temporaryFolder("coda-unchanged").appendingPathComponent("Appendix")
        let paths = try Appendix(project: project, coder: nil)
            .write(to: target, format: .md, displayName: "Appendix").files
        let first = OutputFolderSwapTests.contents(target)
        let transcripts = paths.filter { $0.contains("-transcripts/") }.sorted()
        try #require(transcripts.count >= 2)
        let kept = target.appendingPathComponent(transcripts[0]), mended = target.appendingPathComponent(transcripts[1])
        let keptInode = try OutputFolderSwapTests.inode(kept)
        // The same number of bytes, different content: only reading the file tells them apart.
        let original = try Data(contentsOf: mended)
        try Data(original.map { $0 == UInt8(ascii: "a") ? UInt8(ascii: "b") : $0 }).write(to: mended)
        #expect(try Data(contentsOf: mended) != original)

        _ = try Appendix(project: project, coder: nil).write(to: target, format: .md, displayName: "Appendix")
        #expect(try OutputFolderSwapTests.inode(kept) == keptInode, "an unchanged file is not made again")
        #expect(try Data(contentsOf: mended) == original)
        #expect(OutputFolderSwapTests.contents(target) == first)
    }
}
