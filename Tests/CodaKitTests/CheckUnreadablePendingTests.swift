import Foundation
import Testing
@testable import CodaKit

/// `coda check` lists a pending record that cannot be read (a disk fault, a power cut) with its other problems,
/// in every format, as an error: its change may be in Codings/ and missing from the log, so `coda undo` would skip it.
@Suite(.serialized) struct CheckUnreadablePendingTests {
    static let formats = ["table", "md", "csv", "tsv", "json"]

    /// A tagged project copy with one record that cannot be read: empty, as a power cut leaves it, or garbled.
    static func project(record bytes: [UInt8]) throws -> (root: URL, path: String) {
        let root = KillTests.tagged()
        let path = "\(ChangeLog.folder)/\(ChangeLog.pendingPrefix)4242-\(bytes.count).tsv"
        try Data(bytes).write(to: root.appendingPathComponent(path))
        return (root, path)
    }

    static func errors(_ root: URL) throws -> Int {
        let run = TestSupport.run(["check", "--format", "json"], in: root, environment: KillTests.env)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require(json?["errors"] as? Int)
    }

    @Test(arguments: [[UInt8](), Array("\u{0}\u{FF}\u{1}garbled\tnot a log line\n".utf8)])
    func anUnreadableRecordIsAnErrorInEveryFormat(bytes: [UInt8]) throws {
        let clean = KillTests.tagged()
        let before = try Self.errors(clean)
        #expect(TestSupport.run(["check"], in: clean, environment: KillTests.env).code == (before > 0 ? .problemsFound : .success))

        let (root, path) = try Self.project(record: bytes)
        for format in Self.formats {
            let run = TestSupport.run(["check", "--format", format], in: root, width: 400, environment: KillTests.env)
            #expect(run.code == .problemsFound, "\(format): an unreadable record fails check, as an unreadable file does")
            #expect(run.stdout.contains(path), "\(format): names the record\n\(run.stdout)")
            #expect(run.stdout.contains("the record of a change that was stopped cannot be read"), "\(format)")
            #expect(run.stdout.contains("`coda undo` would skip it"), "\(format)")
            #expect(run.stdout.contains("move this file out of Changes/"), "\(format): says how to settle it")
        }
        let table = TestSupport.run(["check"], in: root, environment: KillTests.env).stdout
        #expect(table.contains("\(path): error: the record of a change that was stopped cannot be read"))
        #expect(try Self.errors(root) == before + 1)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "check keeps it")
    }

    @Test func aReadableRecordIsLoggedByRecoveryAndNotListed() throws {
        let root = KillTests.tagged()
        let before = try Self.errors(root)
        let log = ChangeLog(root: root)
        let entries = log.entries()
        let entry = try #require(entries.last)
        // A record whose change had already been logged: recovery removes it, so check has nothing to say.
        let text = "# a change in progress\n" + CodingFile.escape(entry.coder) + "\t" + ChangeLog.line(entry) + "\n"
        let path = "\(ChangeLog.folder)/\(ChangeLog.pendingPrefix)4242-logged.tsv"
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
        #expect(ChangeLog.pendingEntry(text)?.id == entry.id)
        #expect(try Self.errors(root) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
        #expect(log.unreadablePendingProblems().isEmpty)
    }
}
