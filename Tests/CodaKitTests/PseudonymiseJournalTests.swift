import Foundation
import Testing
@testable import CodaKit

/// Pseudonymisation changes its files through a `ProjectTransaction`: a run killed after the commit point leaves a
/// journal, and the next `--apply` or `--reverse` finishes that change before it reads the files.
struct PseudonymiseJournalTests {
    /// The project as a kill after the commit point leaves it: half the files still old, their new bytes staged
    /// in the journal with its manifest, and the key saying `applying`.
    static func killedAfterCommit(_ root: URL, key: URL, before: [String: [UInt8]], paths: [String]) throws {
        let journal = root.appendingPathComponent(ProjectTransaction.folder)
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
        var manifest = ""
        for (index, path) in paths.enumerated() where index % 2 == 0 {
            let url = root.appendingPathComponent(path)
            try Data(contentsOf: url).write(to: journal.appendingPathComponent("\(index).new"))
            try Data(before[path] ?? []).write(to: url)
            manifest += "\(index)\treplace\t\(CodingFile.escape(path))\n"
        }
        try Data(manifest.utf8).write(to: journal.appendingPathComponent(ProjectTransaction.manifestName))
        let text = try String(contentsOf: key, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "state\tapplied", with: "state\tapplying").utf8).write(to: key)
    }

    @Test(arguments: ["--apply", "--reverse"])
    func aCommittedChangeIsFinishedBeforeTheFilesAreRead(_ next: String) throws {
        let (root, names) = PseudonymiseTests.nonASCIIStudy()
        let keyURL = PseudonymiseTests.keyURL()
        let before = PseudonymiseTests.snapshot(root)
        #expect(PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply").code
                    == .success)
        let after = PseudonymiseTests.snapshot(root)
        let paths = try PseudonymiseTests.key(keyURL).files.map(\.path)
        #expect(paths.count >= 4)
        try Self.killedAfterCommit(root, key: keyURL, before: before, paths: paths)

        let run = PseudonymiseTests.pseudonymise(root, next, "--key", keyURL.path)
        #expect(run.code == .success, "\(run.stderr)")
        #expect(PseudonymiseTests.snapshot(root) == (next == "--apply" ? after : before))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(ProjectTransaction.folder).path))
    }

    /// A disk that fills while the new files are staged refuses the change before any file changed: the key goes
    /// back as it was (here: none), not left `applying`, and the same command succeeds once there is room.
    @Test func aRefusedChangePutsTheKeyBack() throws {
        let (root, names) = PseudonymiseTests.nonASCIIStudy()
        let keyURL = PseudonymiseTests.keyURL()
        let before = PseudonymiseTests.snapshot(root)
        let staged = root.appendingPathComponent(ProjectTransaction.folder + "/1.new")
        WriteFault.inject(.fail(ENOSPC), at: staged)
        let failed = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply")
        WriteFault.clear(staged)
        #expect(failed.code != .success)
        #expect(failed.stderr.contains("No space left on device"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: keyURL.path), "the key is not left `applying`")
        #expect(PseudonymiseTests.snapshot(root) == before)
        let again = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply")
        #expect(again.code == .success, "\(again.stderr)")
        #expect(try PseudonymiseTests.key(keyURL).state == .applied)
    }
}
