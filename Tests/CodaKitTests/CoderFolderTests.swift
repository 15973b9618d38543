import Foundation
import Testing
@testable import CodaKit

/// Coder names that fold to the same folder name (`a_b`, `a b`, `a/b`, `a:b`) are distinct coders: each gets a
/// folder of its own, and one coder's `untag` never touches another's codings.
@Suite struct CoderFolderTests {
    static func run(_ args: [String], _ root: URL, coder: String) -> TestSupport.Run {
        TestSupport.run(args + ["--coder", coder], in: root, environment: ["SOURCE_DATE_EPOCH": "1660000000"])
    }

    static func folders(_ root: URL) -> [String] {
        let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Codings").path)
        return (names ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: ["a b", "a/b", "a:b"])
    func untagByAFoldedNameLeavesTheOtherCodersCoding(other: String) throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["tag", "P01", "2", "Queues"], root, coder: "a_b").code == .success)
        let untag = Self.run(["untag", "P01", "2", "Queues"], root, coder: other)
        #expect(untag.code != .success, "\(other) has no coding to untag")
        #expect(Project.load(root).codings.map(\.coder) == ["a_b"])

        #expect(Self.run(["tag", "P01", "2", "Queues"], root, coder: other).code == .success)
        #expect(Self.folders(root) == ["a_b", "a_b-2"])
        #expect(Project.load(root).codings.map(\.coder).sorted() == ["a_b", other].sorted())
        #expect(Self.run(["untag", "P01", "2", "Queues"], root, coder: other).code == .success)
        #expect(Project.load(root).codings.map(\.coder) == ["a_b"])
        #expect(Self.run(["untag", "P01", "2", "Queues"], root, coder: "a_b").code == .success)
        #expect(Project.load(root).codings.isEmpty)
    }

    /// Letter case makes another coder, in a folder of its own even where the file system ignores case.
    @Test func letterCaseIsAnotherCoder() throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["tag", "P01", "2", "Queues"], root, coder: "Alice").code == .success)
        #expect(Self.run(["tag", "P01", "3", "Queues"], root, coder: "alice").code == .success)
        #expect(Self.folders(root).count == 2)
        #expect(Self.run(["untag", "P01", "2", "Queues"], root, coder: "alice").code != .success)
        #expect(Self.run(["untag", "P01", "2", "Queues"], root, coder: "Alice").code == .success)
        #expect(Project.load(root).codings.map(\.coder) == ["alice"])
    }

    /// A file holding two coders' rows (moved by hand) keeps the other coder's rows when one coder changes it.
    @Test func aSharedFileKeepsTheOtherCodersRows() throws {
        let root = CondenseFixture.make()
        #expect(Self.run(["tag", "P01", "2", "Queues"], root, coder: "bob").code == .success)
        let file = root.appendingPathComponent("Codings/bob/P01.tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let row = try #require(text.split(separator: "\n").last)
        try (text + row.replacingOccurrences(of: "\tbob\t", with: "\tcarol\t") + "\n").write(to: file, atomically: true,
                                                                                             encoding: .utf8)
        #expect(Set(Project.load(root).codings.map(\.coder)) == ["bob", "carol"])
        #expect(Self.run(["untag", "P01", "2", "Queues"], root, coder: "bob").code == .success)
        #expect(Project.load(root).codings.map(\.coder) == ["carol"])
    }

    /// Two users of a REFI-QDA project whose names fold together import into two folders.
    @Test func importedUsersWithFoldingNamesKeepTheirCodings() throws {
        typealias Q = RefiImportLenientTests
        let text = "Interviewer: How was it?\nAli: The queue was long.\n"
        let code = "aaaaaaaa-0000-4000-8000-000000000001"
        let users = ["bbbbbbbb-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002"]
        let sources = "<TextSource guid=\"\(Q.source)\" name=\"Interview A\" plainTextPath=\"internal://\(Q.source).txt\">"
            + Q.selection("How was it", 13, 23, code: code, user: users[0])
            + Q.selection("The queue was long", 30, 48, code: code, user: users[1]) + "</TextSource>"
        let qde = Q.qde(codes: Q.code(code, "Queues"), sources: sources,
                        users: "<Users><User guid=\"\(users[0])\" name=\"a b\"/><User guid=\"\(users[1])\" name=\"a_b\"/></Users>")
        let file = try RefiTestSupport.qdpx([("project.qde", qde), ("Sources/\(Q.source).txt", Array(text.utf8))])
        let (_, project) = try RefiTestSupport.importInto(file)
        #expect(project.codings.map { "\($0.coder): \($0.excerpt)" }.sorted() == ["a b: How was it", "a_b: The queue was long"])
        #expect(Self.folders(project.root) == ["a_b", "a_b-2"])
    }
}

/// Whose a folder is, when the document's own file is not there to tell, comes from the lowest-sorted file, so
/// every machine (whatever order its file system lists names in) gives the same answer.
@Suite struct CoderFolderOwnerTests {
    @Test func theLowestSortedFileTellsWhoseTheFolderIs() throws {
        let root = CondenseFixture.make()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CoderFolderTests.run(["tag", "P01", "2", "Queues"], root, coder: "ana").code == .success)
        let folder = root.appendingPathComponent("Codings/ana")
        let text = try String(contentsOf: folder.appendingPathComponent("P01.tsv"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { !$0.hasPrefix("#") })
        var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("P01.tsv"))
        for n in 1...20 {
            fields[5] = "coder\(n)"
            let file = folder.appendingPathComponent(String(format: "Q%02d.tsv", n))
            try (fields.joined(separator: "\t") + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let store = CodingStore(root: root)
        #expect(store.owner(ofFolder: "ana", document: "P01") == "coder1")
        #expect(store.owner(ofFolder: "ana") == "coder1")
    }
}
