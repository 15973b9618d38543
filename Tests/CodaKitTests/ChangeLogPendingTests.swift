import Foundation
import Testing
@testable import CodaKit

/// A process killed between changing a codings file and writing its change-log line: the next command finds its
/// pending record and logs the change (with its undo copy), or drops the record when nothing changed.
@Suite(.serialized) struct ChangeLogPendingTests {
    /// The pending record of `entry` as a dead process leaves it, after `change` ran on the codings file.
    static func killedChange(_ root: URL, change: (inout String) -> Void) throws -> (path: String, before: [UInt8]?) {
        let log = ChangeLog(root: root)
        let path = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        let before = log.read(path)
        let entry = ChangeLog.Entry(time: "2030-03-02T10:00:00Z", id: "20300302100000-1", coder: "alice",
                                    action: "untag", codes: [], documents: ["P01"], summary: "")
        let pending = try log.beginPending(entry, before: [path: before])
        var text = String(decoding: before ?? [], as: UTF8.self)
        change(&text)
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
        let dead = try KillTests.start(["--version"], in: root)
        dead.waitUntilExit()
        let stale = "\(ChangeLog.folder)/\(ChangeLog.pendingPrefix)\(dead.processIdentifier).tsv"
        try FileManager.default.moveItem(at: root.appendingPathComponent(pending),
                                         to: root.appendingPathComponent(stale))
        return (path, before)
    }

    @Test func aChangeWithoutItsLineIsLoggedAndCanBeUndone() throws {
        let root = KillTests.tagged()
        let entriesBefore = ChangeLog(root: root).entries().count
        let (path, before) = try Self.killedChange(root) { text in
            #expect(text.contains("\tProblems/Queues\t"))
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\tProblems/Queues\t") }.joined(separator: "\n")
        }
        #expect(Project.load(root).diagnostics.isEmpty)
        let entries = ChangeLog(root: root).entries()
        #expect(entries.count == entriesBefore + 1)
        let last = try #require(entries.last)
        #expect(last.action == "untag" && last.coder == "alice" && last.documents == ["P01"])
        #expect(last.summary == "untag stopped before it finished; logged by the next command")
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
}
