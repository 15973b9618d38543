import Foundation
import Testing
@testable import CodaKit

/// A process killed between changing a codings file and writing its change-log line: the next command finds its
/// pending record and logs the change (with its undo copy), or drops the record when nothing changed.
@Suite(.serialized) struct ChangeLogPendingTests {
    /// The pending record of `entry` as a killed process leaves it, after `change` ran on the codings file. Its
    /// name carries this process's pid, as a killed `coda` in a container (pid 1 each run) leaves it.
    static func killedChange(_ root: URL, change: (inout [UInt8]) -> Void) throws -> (path: String, before: [UInt8]?) {
        let log = ChangeLog(root: root)
        let path = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        let before = log.read(path)
        let entry = ChangeLog.Entry(time: "2030-03-02T10:00:00Z", id: "20300302100000-1", coder: "alice",
                                    action: "untag", codes: [], documents: ["P01"], summary: "")
        let pending = try log.beginPending(entry, before: [path: before])
        var bytes = before ?? []
        change(&bytes)
        try Data(bytes).write(to: root.appendingPathComponent(path))
        let stale = "\(ChangeLog.folder)/\(ChangeLog.pendingPrefix)\(getpid())-killed.tsv"
        try FileManager.default.moveItem(at: root.appendingPathComponent(pending),
                                         to: root.appendingPathComponent(stale))
        return (path, before)
    }

    /// Removes the lines holding `code` from a codings file's bytes.
    static func untag(_ code: String) -> (inout [UInt8]) -> Void {
        { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("\t\(code)\t"))
            bytes = Array(text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\t\(code)\t") }.joined(separator: "\n").utf8)
        }
    }

    @Test func aChangeWithoutItsLineIsLoggedAndCanBeUndone() throws {
        let root = KillTests.tagged()
        let entriesBefore = ChangeLog(root: root).entries().count
        let (path, before) = try Self.killedChange(root, change: Self.untag("Problems/Queues"))
        #expect(Project.load(root).diagnostics.isEmpty)
        let entries = ChangeLog(root: root).entries()
        #expect(entries.count == entriesBefore + 1)
        let last = try #require(entries.last)
        #expect(last.action == "untag" && last.coder == "alice" && last.documents == ["P01"])
        #expect(last.summary == "untag stopped before it finished (codes unknown); logged by the next command")
        #expect(ChangeLog(root: root).stalePending().isEmpty)
        let undo = TestSupport.run(["undo"], in: root, environment: KillTests.env)
        #expect(undo.code == .success, "\(undo.stderr)")
        #expect(ChangeLog(root: root).read(path) == before, "undo puts the codings back")
    }

    @Test func aRecordWhoseChangeNeverHappenedIsDropped() throws {
        let root = KillTests.tagged()
        let entriesBefore = ChangeLog(root: root).entries().count
        _ = try Self.killedChange(root) { _ in }
        _ = Project.load(root)
        #expect(ChangeLog(root: root).entries().count == entriesBefore)
        #expect(ChangeLog(root: root).stalePending().isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Changes").path)
        #expect(!names.contains { $0.hasPrefix(ChangeLog.pendingPrefix) })
    }

    @Test func undoRightAfterAKilledChangeUndoesThatChange() throws {
        let root = KillTests.tagged()
        let (path, before) = try Self.killedChange(root, change: Self.untag("Problems/Queues"))
        let undo = TestSupport.run(["undo"], in: root, environment: KillTests.env)
        #expect(undo.code == .success, "\(undo.stderr)")
        #expect(undo.stdout.contains("undid untag"), "\(undo.stdout)")
        #expect(ChangeLog(root: root).read(path) == before, "undo puts back what the killed change removed")
    }

    @Test func aNonUTF8FileLeftAsItWasIsNoChange() throws {
        let root = KillTests.tagged()
        let path = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        var bytes = try #require(ChangeLog(root: root).read(path))
        bytes += Array("# note: caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: root.appendingPathComponent(path))
        let entriesBefore = ChangeLog(root: root).entries().count
        _ = try Self.killedChange(root) { _ in }
        try FileLock.withLock(CodingStore(root: root).lockURL) { try ProjectTransaction.recoverLocked(root: root) }
        #expect(ChangeLog(root: root).entries().count == entriesBefore, "an unchanged file is no change")
        #expect(ChangeLog(root: root).stalePending().isEmpty)
    }

    @Test func aRecordThisProcessHasOpenIsNotStale() throws {
        let root = KillTests.tagged()
        let entry = ChangeLog.Entry(time: "2030-03-02T10:00:00Z", id: "20300302100000-2", coder: "alice",
                                    action: "tag", codes: [], documents: [], summary: "")
        let log = ChangeLog(root: root)
        let pending = try log.beginPending(entry, before: [:])
        #expect(log.stalePending().isEmpty)
        try log.finishPending(pending, entry: entry, before: [:]) { _, _ in true }
        #expect(log.read(pending) == nil)
    }
}
