import Foundation
import Testing
@testable import CodaKit

/// An export into a folder of Coda's own previous export is rebuilt aside and exchanged in one step: a failed or
/// killed run leaves the previous export whole, and the other formats written there stay. A folder holding files
/// Coda did not write is still written in place, and still refuses to overwrite them.
struct OutputFolderSwapTests {
    static func write(_ files: [(String, String)], kind: String, to url: URL) throws {
        try OutputFolder.building(url) { folder in
            try OutputFolder(url: folder, kind: kind).write(files.map { ($0.0, Array($0.1.utf8)) },
                                                            displayName: "Appendix")
        }
    }

    static func inode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    static func contents(_ url: URL) -> [String: String] {
        Dictionary(uniqueKeysWithValues: FolderCopy.files(under: url).map { path in
            (path, (try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)) ?? "")
        })
    }

    @Test func aPreviousExportIsRebuiltAsideAndKeepsTheOtherFormats() throws {
        let parent = TestSupport.temporaryFolder("coda-swap")
        let target = parent.appendingPathComponent("Appendix")
        try Self.write([("index.md", "md 1"), ("parts/P01.md", "P01 1")], kind: "md", to: target)
        try Self.write([("index.html", "html 1")], kind: "html", to: target)
        let first = try Self.inode(target)
        try Self.write([("index.md", "md 2"), ("parts/P02.md", "P02 2")], kind: "md", to: target)
        #expect(try Self.inode(target) != first, "the folder was rebuilt aside and exchanged")
        let now = Self.contents(target)
        #expect(now["index.md"] == "md 2" && now["parts/P02.md"] == "P02 2" && now["index.html"] == "html 1")
        #expect(now["parts/P01.md"] == nil, "the part the new run no longer makes is gone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Appendix"], "no temporaries")
    }

    @Test func aFailedRebuildLeavesThePreviousExportAsItWas() throws {
        let parent = TestSupport.temporaryFolder("coda-swap-fail")
        let target = parent.appendingPathComponent("Appendix")
        try Self.write([("index.md", "md 1"), ("parts/P01.md", "P01 1")], kind: "md", to: target)
        let before = Self.contents(target)
        #expect(throws: TestError.self) {
            try OutputFolder.building(target) { folder in
                try OutputFolder(url: folder, kind: "md").write([("index.md", Array("half".utf8))], displayName: "A")
                try Data("half".utf8).write(to: folder.appendingPathComponent("parts/P01.md"))
                throw TestError("killed")
            }
        }
        #expect(Self.contents(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Appendix"], "no temporaries")
    }

    @Test func aFolderWithOtherFilesIsWrittenInPlaceAndTheirsAreNeverOverwritten() throws {
        let parent = TestSupport.temporaryFolder("coda-swap-foreign")
        let target = parent.appendingPathComponent("Appendix")
        try Self.write([("index.md", "md 1")], kind: "md", to: target)
        try Data("mine".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let first = try Self.inode(target)
        try Self.write([("index.md", "md 2")], kind: "md", to: target)
        #expect(try Self.inode(target) == first)
        #expect(Self.contents(target)["notes.txt"] == "mine" && Self.contents(target)["index.md"] == "md 2")
        #expect(throws: OutputFolder.Failure.self) {
            try Self.write([("notes.txt", "theirs")], kind: "md", to: target)
        }
        #expect(Self.contents(target)["notes.txt"] == "mine")
    }
}

/// Two exports into one folder of Coda's at once: the second waits for the first, so both outputs are there.
struct OutputFolderConcurrencyTests {
    @Test func twoExportsIntoOneFolderAtOnceKeepBothOutputs() async throws {
        let parent = TestSupport.temporaryFolder("coda-swap-two")
        let target = parent.appendingPathComponent("Appendix")
        try OutputFolderSwapTests.write([("index.md", "md 1")], kind: "md", to: target)
        func export(_ name: String, kind: String, after delay: Double) async throws {
            try await Task.sleep(for: .seconds(delay))
            try OutputFolder.building(target) { folder in
                Thread.sleep(forTimeInterval: 0.4)  // a long build, so the other export starts meanwhile
                try OutputFolder(url: folder, kind: kind).write([(name, Array(kind.utf8))], displayName: "Appendix")
            }
        }
        async let first: Void = export("index.html", kind: "html", after: 0)
        async let second: Void = export("index.tex", kind: "tex", after: 0.1)
        _ = try await (first, second)
        let now = OutputFolderSwapTests.contents(target)
        #expect(now["index.md"] == "md 1")
        #expect(now["index.html"] == "html", "the first export's output is kept")
        #expect(now["index.tex"] == "tex")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Appendix"], "no lock file left")
    }

    #if os(Linux)
    @Test func foldersHereCanBeExchangedInOneStep() {
        // Where it cannot (macOS, NFS, CIFS), exports are written in place and the folder never goes missing.
        #expect(FolderCopy.canExchange(in: TestSupport.temporaryFolder("coda-exchange")))
    }
    #endif
}
