import Foundation
import Testing
@testable import CodaKit

@Suite struct BulkTaggingTests {
    let env = ["CODA_CODER": "siti", "SOURCE_DATE_EPOCH": "1700000000"]

    func run(_ args: [String], _ root: URL, input: [String] = []) -> TestSupport.Run {
        TestSupport.run(args, in: root, input: input, environment: env)
    }

    /// Every file under Codings/, path → contents.
    func codingFiles(_ root: URL) -> [String: String] {
        let folder = root.appendingPathComponent("Codings")
        var files: [String: String] = [:]
        for url in DirectoryWalker.files(under: folder) {
            files[ProjectLoader.relative(url, to: folder.path)] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// A copy of the sample study's project files (not the whole repository).
    static func sampleProject() -> URL {
        let target = TestSupport.temporaryFolder("coda-bulk")
        for name in ["Transcripts", "Codebooks", "Codings", "Memos", "Project.md"] {
            try? FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(name),
                                              to: target.appendingPathComponent(name))
        }
        return target
    }

    let rows: [[String]] = [
        ["R017", "5", "Queues", "", "asked at the desk"],
        ["R017", "7-8", "Information", "", ""],
        ["S01", "12", "Unaware of JMO", "", ""],
        ["R088", "3", "Queues", "", ""],
        ["pre-survey:Q4", "17", "Queues", "", ""],
    ]

    @Test func aTableGivesTheSameCodingsAsOneTagPerRow() throws {
        let sample = Self.sampleProject()
        let single = Self.sampleProject()
        defer { for url in [sample, single] { try? FileManager.default.removeItem(at: url) } }
        // A phrase inside a segment, found the way `coda tag --phrase` finds it.
        let document = try Project.load(sample).document("R017")
        let words = document.segments[3].text.split(separator: " ").prefix(4).joined(separator: " ")
        var table = rows
        table.append(["R017", "4", "JHT claims", words, ""])
        var csv = "document,segments,code,phrase,memo\n"
        for row in table { csv += row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n" }
        try csv.write(to: sample.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        let result = run(["tag", "--from", "rows.csv"], sample)
        #expect(result.code == .success, "\(result.stderr)")
        #expect(result.stdout.contains("tagged 6 codings in 4 documents (siti)"))
        for row in table {
            var args = ["tag", row[0], row[1], row[2]]
            if !row[3].isEmpty { args += ["--phrase", row[3]] }
            if !row[4].isEmpty { args += ["--memo", row[4]] }
            #expect(run(args, single).code == .success)
        }
        #expect(codingFiles(sample).filter { $0.key.hasPrefix("siti/") } == codingFiles(single).filter { $0.key.hasPrefix("siti/") })
        #expect(codingFiles(sample).filter { $0.key.hasPrefix("siti/") }.count == 4)
        // Running the same table again changes nothing and says so.
        let again = run(["tag", "--from", "rows.csv"], sample)
        #expect(again.stdout.contains("6 already tagged"))
    }

    @Test func badRowsAreAllReportedAndNothingIsWritten() throws {
        let root = Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = codingFiles(root)
        let tsv = "Document\tSegments\tCode\tCoder\n"
            + "R017\t5\tQueues\tamir\n"
            + "R017\t5\tQueus\t\n"
            + "P99\t1\tQueues\t\n"
            + "R017\t999\tQueues\t\n"
            + "R017\t5\tQueues\tauto\n"
        try tsv.write(to: root.appendingPathComponent("rows.tsv"), atomically: true, encoding: .utf8)
        let result = run(["tag", "--from", "rows.tsv"], root)
        #expect(result.code == .problemsFound)
        let located = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rows.tsv:") }.map { $0.prefix(10) }
        #expect(located == ["rows.tsv:3", "rows.tsv:4", "rows.tsv:5", "rows.tsv:6"])
        #expect(result.stderr.contains("`Queues`"))
        #expect(result.stderr.contains("4 of 5 rows cannot be applied; nothing was written"))
        #expect(codingFiles(root) == before)

        let skipping = run(["tag", "--from", "rows.tsv", "--skip-bad"], root)
        #expect(skipping.code == .problemsFound)
        #expect(skipping.stdout.contains("tagged 1 coding in 1 document (amir)"))
        #expect(skipping.stderr.contains("skipped 4 bad rows"))
        let after = codingFiles(root)
        let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
        #expect(changed == ["amir/R017.tsv"])
    }

    @Test func untagFromStandardInputRemovesOnlyTheNamedCodings() throws {
        let root = Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = Project.load(root)
        let mine = project.humanCodings.filter { $0.coder == "nurul" && $0.document == "R017" }
        let victim = try #require(mine.first)
        let input = ["document,segments,code", "R017,\(victim.segmentLabel),\(victim.code)"]
        let result = run(["untag", "--from", "-", "--coder", "nurul"], root, input: input)
        #expect(result.code == .success, "\(result.stderr)")
        let after = Project.load(root).humanCodings.filter { $0.coder == "nurul" && $0.document == "R017" }
        let removed = mine.filter { c in !after.contains { $0.key == c.key } }
        #expect(!removed.isEmpty)
        #expect(removed.allSatisfy { $0.code == victim.code && victim.segments.contains($0.firstSegment) })
        #expect(after.count == mine.count - removed.count)
        // A row that removes nothing is a bad row, reported before anything changes.
        let nothing = run(["untag", "--from", "-", "--coder", "nurul"], root, input: input)
        #expect(nothing.code == .problemsFound)
        #expect(nothing.stderr.contains("<stdin>:2: error: no coding of yours lies within R017"))
    }

    @Test func aTableIsOneChangeInTheLogAndUndoesAsOne() throws {
        let root = Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = codingFiles(root)
        var csv = "document,segments,code\n"
        for row in rows { csv += row.prefix(3).joined(separator: ",") + "\n" }
        try csv.write(to: root.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        #expect(run(["tag", "--from", "rows.csv"], root).code == .success)
        #expect(codingFiles(root) != before)
        let log = run(["log", "--coder", "siti", "--format", "tsv"], root).stdout
        #expect(log.contains("tag --from rows.csv: 5 codings"), "\(log)")
        let undo = run(["undo"], root)
        #expect(undo.code == .success, "\(undo.stderr)")
        #expect(codingFiles(root) == before)
    }

    @Test func headerProblemsNameTheColumn() throws {
        let root = Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let cases: [(String, String)] = [
            ("document,segment,code\nR017,5,Queues\n", "a column `segment` Coda does not know"),
            ("document,code\nR017,Queues\n", "the header has no `segments` column"),
            ("document,segments,code,code\nR017,5,Queues,Queues\n", "names the column `code` twice"),
            ("document,segments,code\n", "the table has no rows"),
        ]
        for (text, message) in cases {
            try text.write(to: root.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
            let result = run(["tag", "--from", "t.csv"], root)
            #expect(result.code == .problemsFound)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(run(["tag", "--from", "t.csv", "R017"], root).code == .usage)
        #expect(run(["tag", "R017", "5"], root).code == .usage)
        #expect(run(["tag", "R017", "5", "Queues", "--skip-bad"], root).code == .usage)
    }
}
