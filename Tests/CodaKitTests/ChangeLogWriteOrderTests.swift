import Foundation
import Testing
@testable import CodaKit

/// A recorded change writes nothing when nothing changes, opens its pending record only just before it writes a
/// codings file, and a process killed after its undo copy or after its log line is logged exactly once.
@Suite(.serialized) struct ChangeLogWriteOrderTests {
    /// Every file and folder under the project, hidden ones included, with its bytes and modification time (a
    /// folder's changes when a file is made or removed in it, as a pending record or a journal would be).
    static func snapshot(_ root: URL) -> [String: String] {
        var files: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys)
        for case let url as URL in (enumerator?.allObjects ?? []) + [root] {
            let values = try? url.resourceValues(forKeys: Set(keys))
            let bytes = FileManager.default.contents(atPath: url.path) ?? Data()
            files[String(url.path.dropFirst(root.path.count))] = "\(bytes.hashValue) \(bytes.count) "
                + "\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return files
    }

    static func pendingNames(_ root: URL) -> [String] {
        DirectoryWalker.names(in: root.appendingPathComponent(ChangeLog.folder).path)
            .filter { $0.hasPrefix(ChangeLog.pendingPrefix) }
    }

    @Test func aTagAlreadyThereOrAnUntagOfNothingWritesNothing() throws {
        let root = KillTests.tagged()
        let before = Self.snapshot(root)
        let entries = ChangeLog(root: root).entries().count
        for arguments in [["tag", "P01", "2", "Queues"], ["untag", "P01", "4", "Queues"]] {
            let run = TestSupport.run(arguments, in: root, environment: KillTests.env)
            if arguments[0] == "tag" {
                #expect(run.code == .success && run.stdout.hasPrefix("already tagged: P01 ¶2 Problems/Queues (alice)"))
            } else {
                #expect(run.code == .problemsFound && run.stderr.contains("no coding of yours lies within P01 ¶4"))
            }
        }
        // A coder with no codings file for the document.
        let carol = TestSupport.run(["untag", "P01", "4", "Queues", "--coder", "carol"], in: root,
                                    environment: KillTests.env)
        #expect(carol.code == .problemsFound && carol.stderr.contains("no coding of yours lies within P01 ¶4"))
        #expect(Self.snapshot(root) == before, "no pending record, journal, log line or codings file written")
        #expect(ChangeLog(root: root).entries().count == entries)
        let tagged = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: KillTests.env)
        #expect(tagged.code == .success && ChangeLog(root: root).entries().count == entries + 1)
        #expect(Self.pendingNames(root).isEmpty)
    }

    @Test func thePendingRecordOpensJustBeforeTheCodingsFileIsWritten() throws {
        let root = KillTests.tagged()
        let document = try Project.load(root).document("P01")
        let path = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        try ChangeLog.record(root: root, coder: "alice", time: "2030-03-02T10:00:00Z", action: "untag", paths: [path],
                             documents: ["P01"]) {
            #expect(Self.pendingNames(root).isEmpty, "nothing is recorded before a write")
            try CodingStore(root: root).update(coder: "alice", document: document) { codings in
                codings.removeAll { $0.code == "Problems/Queues" }
            }
            #expect(Self.pendingNames(root).count == 1, "the record is in place once the codings file changed")
            return ((), ["Problems/Queues"], "removed 1 coding")
        }
        #expect(Self.pendingNames(root).isEmpty)
        #expect(ChangeLog(root: root).entries().last?.summary == "removed 1 coding")
    }

    /// A change killed after its undo copy (`lineWritten: false`) or after its log line too.
    func killedAfterRecording(lineWritten: Bool) throws {
        let root = KillTests.tagged()
        let entries = ChangeLog(root: root).entries().count
        let (path, before) = try ChangeLogPendingTests.killedChange(root,
                                                                     change: ChangeLogPendingTests.untag("Problems/Queues"))
        let log = ChangeLog(root: root)
        let record = try #require(Self.pendingNames(root).first)
        let text = String(decoding: try #require(log.read("\(ChangeLog.folder)/\(record)")), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { !$0.hasPrefix("#") })
        let entry = try #require(ChangeLog.entry(line.split(separator: "\t", maxSplits: 1)[1], coder: "alice"))
        var writes = log.changes(appending: entry, before: [path: before], after: [path: log.read(path)])
        if !lineWritten { writes.removeLast() }
        for change in writes { try AtomicFile.write(change.bytes ?? [], to: root.appendingPathComponent(change.path)) }
        #expect(Project.load(root).diagnostics.isEmpty)
        #expect(ChangeLog(root: root).entries().count == entries + 1, "the change is in the log once")
        #expect(Self.pendingNames(root).isEmpty)
        let undo = TestSupport.run(["undo"], in: root, environment: KillTests.env)
        #expect(undo.code == .success, "\(undo.stderr)")
        #expect(ChangeLog(root: root).read(path) == before, "undo puts the codings back")
    }

    @Test func aChangeKilledAfterItsUndoCopyIsLoggedOnce() throws { try killedAfterRecording(lineWritten: false) }

    @Test func aChangeKilledAfterItsLogLineIsLoggedOnce() throws { try killedAfterRecording(lineWritten: true) }

    @Test func aKilledChangeShowsInTheLogAfterAOneDocumentCommand() throws {
        let root = KillTests.tagged()
        _ = try ChangeLogPendingTests.killedChange(root, change: ChangeLogPendingTests.untag("Problems/Queues"))
        let show = TestSupport.run(["show", "P01", "2"], in: root, environment: KillTests.env)
        #expect(show.code == .success, "\(show.stderr)")
        let log = TestSupport.run(["log", "--coder", "alice"], in: root, environment: KillTests.env)
        #expect(log.stdout.contains("untag stopped before it finished"), "\(log.stdout)")
        #expect(Self.pendingNames(root).isEmpty)
    }

    /// A change stopped at each write of its order (the codings file; the log line, after the undo copy): the
    /// files parse, no coding is lost, the change is logged once if its codings file changed, the command run
    /// again succeeds, and `coda undo` then puts the codings back as they were.
    @Test func aChangeStoppedAtEachWriteLeavesAStateTheNextCommandFinishes() throws {
        for target in ["Codings/alice/P01.tsv", "Changes/alice.tsv"] {
            let root = KillTests.tagged()
            let before = KillTests.State(root)
            let entries = ChangeLog(root: root).entries().count
            let url = root.appendingPathComponent(target)
            WriteFault.inject(.fail(ENOSPC), at: url)
            let stopped = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: KillTests.env)
            WriteFault.clear(url)
            #expect(stopped.code != .success, "\(target): the write fails")
            let state = KillTests.State(root)
            #expect(state.errors.isEmpty, "\(target): \(state.errors)")
            #expect(Set(before.codings).isSubset(of: Set(state.codings)), "\(target): no coding lost")
            let written = target.hasPrefix(ChangeLog.folder)
            #expect(ChangeLog(root: root).entries().count == entries + (written ? 1 : 0), "\(target)")
            #expect(Self.pendingNames(root).isEmpty, "\(target)")
            let rerun = TestSupport.run(["tag", "P01", "4", "Queues"], in: root, environment: KillTests.env)
            #expect(rerun.code == .success, "\(target): \(rerun.stderr)")
            #expect(rerun.stdout.hasPrefix(written ? "already tagged" : "tagged"), "\(target): \(rerun.stdout)")
            #expect(ChangeLog(root: root).entries().count == entries + 1, "\(target): the change is logged once")
            let undo = TestSupport.run(["undo"], in: root, environment: KillTests.env)
            #expect(undo.code == .success, "\(target): \(undo.stderr)")
            #expect(KillTests.State(root).codings == before.codings, "\(target): undo puts the codings back")
        }
    }
}
