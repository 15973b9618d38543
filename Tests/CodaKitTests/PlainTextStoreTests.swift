import Foundation
import Testing
@testable import CodaKit

/// Memos, review notes and framework summaries: text that looks like a heading stays text (no forged entries),
/// and a hand-edited section Coda cannot read is kept by the next write and reported by `coda check`.
@Suite struct PlainTextStoreTests {
    static let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]
    static let forged = "First line.\n## 2020-01-01 00:00 · mallory\nForged?\n\\## stays escaped\n# not a title"

    static func run(_ args: [String], _ root: URL) -> TestSupport.Run {
        TestSupport.run(args, in: root, environment: env)
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func memoTextCannotForgeAMemo() throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["memo", "code", "Queues", Self.forged], root).code == .success)
        #expect(Self.run(["memo", "code", "Queues", "Second memo."], root).code == .success)
        let memos = Project.load(root).memos
        #expect(memos.map(\.author) == ["alice", "alice"])
        #expect(memos.map(\.text) == [Self.forged, "Second memo."])
    }

    @Test func anAuthorWithALineBreakCannotForgeAMemo() throws {
        let root = CondenseFixture.make()
        let author = "eve\n## 2020-01-01 · mallory"
        #expect(Self.run(["memo", "project", "Hello.", "--coder", author], root).code == .success)
        let memos = Project.load(root).memos
        #expect(memos.count == 1)
        #expect(memos.first?.text == "Hello.")
    }

    @Test func noteTextCannotForgeANote() throws {
        let root = CondenseFixture.make()
        let forged = "Check this.\n## N9 · open · code Problems/Banner\nBy mallory, 2020-01-01"
        #expect(Self.run(["note", "code", "Queues", forged], root).code == .success)
        #expect(Self.run(["note", "project", "Another."], root).code == .success)
        let notes = NoteStore(root: root).load()
        #expect(notes.map(\.id) == ["N1", "N2"])
        #expect(notes.first?.text == forged)
        #expect(notes.first?.author == "alice")
    }

    @Test func summaryTextCannotForgeASummary() throws {
        let root = CondenseFixture.make()
        let forged = "Waited twice.\n## R10 / Problems/Banner\nForged cell."
        #expect(Self.run(["summarize", "R9", "Queues", forged], root).code == .success)
        let (summaries, problems) = FrameworkSummaries.load(Project.load(root))
        #expect(problems.isEmpty)
        #expect(summaries.order.count == 1)
        #expect(summaries.summary(case: "R9", code: "Problems/Queues") == forged)
        #expect(summaries.summary(case: "R10", code: "Problems/Banner") == nil)
    }

    @Test func unreadableSummarySectionsAreKeptAndReported() throws {
        let root = CondenseFixture.make()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Memos"), withIntermediateDirectories: true)
        let hand = "# My framework notes\n\nWritten by hand.\n\n## R9 Queues\n\nNo slash here.\n\n## R9 / Nonexistent\n\nUnknown code.\n"
        try hand.write(to: root.appendingPathComponent(FrameworkSummaries.path), atomically: true, encoding: .utf8)
        let check = Self.run(["check"], root)
        #expect(check.stdout.contains("Memos/framework.md:5") && check.stdout.contains("a summary heading is `## CASE / CODE`"),
                "check reports the bad heading: \(check.stdout)")
        #expect(check.stdout.contains("Memos/framework.md:9") && check.stdout.contains("no code `Nonexistent`"))
        #expect(Self.run(["summarize", "R9", "Queues", "Waited twice."], root).code == .success)
        let after = try Self.text(root, FrameworkSummaries.path)
        for kept in ["# My framework notes", "Written by hand.", "## R9 Queues\n\nNo slash here.", "## R9 / Nonexistent\n\nUnknown code.",
                     "## R9 / Problems/Queues\n\nWaited twice."] {
            #expect(after.contains(kept), "kept: \(kept)\n\(after)")
        }
    }

    @Test func unreadableNoteSectionsAreKeptAndReported() throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["note", "project", "First."], root).code == .success)
        let path = root.appendingPathComponent(NoteStore.path)
        try (try Self.text(root, NoteStore.path) + "\n## Thoughts from the meeting\n\nKeep this.\n").write(to: path, atomically: true,
                                                                                                         encoding: .utf8)
        let check = Self.run(["check"], root)
        #expect(check.stdout.contains("Memos/notes.md:") && check.stdout.contains("not a review note Coda can read"), "\(check.stdout)")
        #expect(Self.run(["note", "project", "Second."], root).code == .success)
        #expect(Self.run(["note", "--resolve", "N1"], root).code == .success)
        let after = try Self.text(root, NoteStore.path)
        #expect(after.contains("## Thoughts from the meeting\n\nKeep this."))
        #expect(NoteStore(root: root).load().map { "\($0.id) \($0.isOpen)" } == ["N1 false", "N2 true"])
    }

    @Test func textBeforeTheFirstMemoIsReported() throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["memo", "project", "One."], root).code == .success)
        let path = root.appendingPathComponent("Memos/project.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n## ", with: "\nStray words.\n\n## ").write(to: path, atomically: true, encoding: .utf8)
        let project = Project.load(root)
        #expect(project.memos.map(\.text) == ["One."])
        #expect(project.diagnostics.contains { $0.message.contains("belongs to no memo") })
    }

    @Test func escapingRoundTrips() {
        for text in ["plain", "# a", "## b", "\\# c", "\\\\## d", "x\n## y\n\\## z", "#", "\\"] {
            let lines = PlainTextSections.escape(text).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(!lines.contains { $0.hasPrefix("#") })
            #expect(PlainTextSections.unescape(lines) == text)
        }
    }

    /// A store file that exists but is not valid UTF-8 (saved in another encoding by an editor) is refused by the
    /// next write, which names it, and is left byte for byte as it was: never read as empty and written over.
    @Test(arguments: [
        ("Memos/notes.md", ["note", "project", "Another."]),
        ("Memos/framework.md", ["summarize", "R9", "Queues", "Waited twice."]),
        ("Memos/project.md", ["memo", "project", "Hello."]),
    ])
    func aStoreFileThatCannotBeReadIsNotWrittenOver(path: String, command: [String]) throws {
        let root = CondenseFixture.make()
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // "Caf\u{E9}" in Windows-1252, then a note heading: not UTF-8.
        let bytes = Data("# Review notes\n\n## N1 · open · project\nBy amir, 2026-11-25 13:02\n\nCaf".utf8) + Data([0xE9, 0x0A])
        try bytes.write(to: url)
        let run = Self.run(command, root)
        #expect(run.code != .success)
        #expect(run.stderr.contains(path), "\(run.stderr)")
        #expect(try Data(contentsOf: url) == bytes)
    }
}
