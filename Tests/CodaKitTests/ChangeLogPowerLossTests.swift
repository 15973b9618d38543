import Foundation
import Testing
@testable import CodaKit

/// What a power cut or disk fault can leave of a recorded change: a pending record that cannot be read is kept and
/// reported, an undo copy cut short is refused, and an import settles killed changes before it writes.
@Suite(.serialized) struct ChangeLogPowerLossTests {
    @Test func anUnreadablePendingRecordIsKeptAndReported() throws {
        let root = KillTests.tagged()
        let path = "\(ChangeLog.folder)/\(ChangeLog.pendingPrefix)\(getpid())-empty.tsv"
        try Data().write(to: root.appendingPathComponent(path))
        let entries = ChangeLog(root: root).entries().count
        guard let binary = TestSupport.codaBinary else {
            Issue.record("skipped: the built coda executable was not found beside the tests")
            return
        }
        let process = Process(), errors = Pipe()
        process.executableURL = binary
        process.arguments = ["tag", "P01", "4", "Queues"]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(KillTests.env) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("\(path): warning: the record of a change that was stopped cannot be read"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "kept for a look")
        #expect(ChangeLog(root: root).entries().count == entries + 1, "the tag itself is logged")
    }

    @Test func undoRefusesACopyCutShort() throws {
        let root = KillTests.tagged()
        let tagged = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: KillTests.env)
        #expect(tagged.code == .success)
        let log = ChangeLog(root: root)
        let entry = try #require(log.entries().last { $0.coder == "alice" && $0.action == "tag" })
        let copy = root.appendingPathComponent(log.undoPath(id: entry.id))
        let whole = try Data(contentsOf: copy)
        #expect(whole.count > 40)
        try whole.prefix(whole.count - 20).write(to: copy)
        let codings = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        let before = log.read(codings)
        let undo = TestSupport.run(["undo"], in: root, environment: KillTests.env)
        #expect(undo.code != .success)
        #expect(undo.stderr.contains("\(log.undoPath(id: entry.id)), the saved copy of the files before this change, "
                                     + "is cut short"), "\(undo.stderr)")
        #expect(log.read(codings) == before, "nothing restored")
        try Data().write(to: copy)
        #expect(TestSupport.run(["undo"], in: root, environment: KillTests.env).stderr.contains("is cut short"))
        try whole.write(to: copy)
        #expect(TestSupport.run(["undo"], in: root, environment: KillTests.env).code == .success, "a whole copy undoes")
    }

    @Test func aCommitSettlesAKilledChangeBeforeItWrites() throws {
        let root = KillTests.tagged()
        let entries = ChangeLog(root: root).entries().count
        // Killed between its record and its codings file: nothing changed yet.
        let (path, before) = try ChangeLogPendingTests.killedChange(root) { _ in }
        var bytes = try #require(before)
        bytes += Array("\n".utf8)
        _ = try FileLock.withLock(CodingStore(root: root).lockURL) {
            try ProjectTransaction(root: root).commit([.init(path: path, bytes: bytes)])
        }
        #expect(ChangeLog(root: root).stalePending().isEmpty, "the record is settled by the commit")
        _ = Project.load(root)
        #expect(ChangeLog(root: root).entries().count == entries, "no untag that never happened is logged")
    }
}
