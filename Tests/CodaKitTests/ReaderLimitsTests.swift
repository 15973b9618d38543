import Foundation
import Testing
@testable import CodaKit

/// Each stated limit is enforced with a clear error, and the README lists them all. Oversized files are sparse
/// (made with `truncate`), so the tests write almost nothing: a reader must refuse by size before reading.
struct ReaderLimitsTests {
    /// A sparse file of `size` bytes at `url`.
    static func sparse(_ url: URL, size: Int) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test func anImportPastTheLimitIsRefusedBeforeReading() throws {
        let root = KillTests.tagged()
        let file = TestSupport.temporaryFolder("coda-limits").appendingPathComponent("zoom.vtt")
        try Self.sparse(file, size: ReaderLimits.importedFileBytes + 1)
        let before = FileSystemFailureTests.snapshot(root)
        let run = TestSupport.run(["import", file.path, "--id", "P09"], in: root, environment: KillTests.env)
        #expect(run.code == .problemsFound)
        let message = "zoom.vtt: error: the file is 257 MB; Coda reads files to import of at most 256 MB"
        #expect(run.stderr.contains(message),
                "\(run.stderr)")
        #expect(run.stderr.contains("hint: split it into smaller files"))
        #expect(FileSystemFailureTests.snapshot(root) == before)
    }

    @Test func aREFIArchivePastTheLimitIsRefused() throws {
        let root = KillTests.tagged()
        let file = TestSupport.temporaryFolder("coda-limits").appendingPathComponent("study.qdpx")
        try Self.sparse(file, size: ReaderLimits.exchangeFileBytes + 1)
        let run = TestSupport.run(["import", file.path], in: root, environment: KillTests.env)
        #expect(run.code == .problemsFound)
        let message = "the file is 1025 MB; Coda reads REFI-QDA files of at most 1024 MB"
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: ["Transcripts/P02.md", "Transcripts/survey.xlsx", "Transcripts/survey.csv",
                      "Codings/alice/P02.tsv", "Memos/codes/Problems--Queues.md"])
    func aProjectFilePastTheLimitIsNamedAndTheRestLoads(_ path: String) throws {
        let root = KillTests.tagged()
        try Self.sparse(root.appendingPathComponent(path), size: ReaderLimits.projectFileBytes + 1)
        let project = Project.load(root)
        let problem = project.diagnostics.first { $0.location?.file == path }
        let message = "the file is 257 MB; Coda reads project files of at most 256 MB"
        #expect(problem?.message == message, "\(project.diagnostics)")
        #expect(project.documentsByID["p01"] != nil, "the other transcripts still load")
    }

    @Test func aFileAtTheLimitIsNotRefusedForItsSize() throws {
        let file = TestSupport.temporaryFolder("coda-limits").appendingPathComponent("P03.md")
        try Self.sparse(file, size: ReaderLimits.projectFileBytes)
        #expect(throws: Never.self) {
            try ReaderLimits.checkSize(of: file, limit: ReaderLimits.projectFileBytes, file: "P03.md",
                                       what: "project files")
        }
    }

    @Test func theXMLLimitsEndInErrorsThatSayWhichLimit() {
        let attributes = (0...XMLLimits.standard.maxAttributes).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let name = String(repeating: "n", count: XMLLimits.standard.maxNameLength + 1)
        let small = XMLLimits(maxDepth: 256, maxAttributes: 1024, maxNameLength: 1024, maxBytes: 100)
        let cases: [(String, XMLLimits, String)] = [
            ("<r \(attributes)/>", .standard, "<r> has more than 1024 attributes"),
            ("<\(name)/>", .standard, "a name is longer than 1024 bytes"),
            ("<r>" + String(repeating: "x", count: 100) + "</r>", small,
             "the document is 107 bytes, more than the 100"),
        ]
        for (xml, limits, expected) in cases {
            var failure: String?
            do {
                var reader = try XMLReader(Array(xml.utf8), limits: limits)
                while try reader.next() != nil {}
            } catch {
                failure = error.description
            }
            #expect(failure?.contains(expected) == true, "\(failure ?? "no error") for \(expected)")
        }
    }

    @Test func anArchiveListingTooManyEntriesIsRefused() throws {
        var writer = ZipWriter(fileName: "study.qdpx")
        for n in 1...4 { try writer.addFile("sources/\(n).txt", contents: Array("text \(n)".utf8)) }
        let bytes = try writer.finish()
        #expect(throws: ZipError.tooManyEntries(file: "study.qdpx", count: 4, limit: 3)) {
            try ZipReader(bytes: bytes, fileName: "study.qdpx", maxEntries: 3)
        }
        #expect(try ZipReader(bytes: bytes, fileName: "study.qdpx", maxEntries: 4).entries.count == 4)
        let message = ZipError.tooManyEntries(file: "study.qdpx", count: 4, limit: 3).diagnostic.message
        #expect(message == "`study.qdpx` lists 4 entries; Coda reads archives of at most 3")
    }

    @Test func aSurveyWithMoreColumnsThanASpreadsheetIsRefused() throws {
        let header = (0...CSVReader.maxColumns).map { "Q\($0)" }.joined(separator: ",")
        let answers = (0...CSVReader.maxColumns).map { _ in "yes" }.joined(separator: ",")
        #expect(throws: Never.self) { try CSVReader(path: "wide.csv").read("Q1,Q2\nyes,no\n") }
        do {
            _ = try CSVReader(path: "wide.csv").read(header + "\n" + answers + "\n")
            Issue.record("a survey of \(CSVReader.maxColumns + 1) columns was read")
        } catch {
            #expect(error.diagnostic.description.hasPrefix(
                "wide.csv:1: error: the header has 16385 columns; Coda reads surveys of at most 16384"))
        }
    }

    /// The README's "Limits" section states every limit, with the value the code enforces.
    @Test func theReadmeListsEveryLimit() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Limits\n").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        for limit in ReaderLimits.all {
            #expect(section.contains("| \(limit.reader) | \(limit.bound) | \(limit.value) |"), "README lacks \(limit)")
        }
    }
}
