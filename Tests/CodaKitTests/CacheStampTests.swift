import Foundation
import Testing
@testable import CodaKit

/// A cache entry is trusted only for the very file it was made from: a file replaced by another of the same size
/// and modification time, a cache from a clock that went back, and a file this process may not read are never
/// taken from the cache.
@Suite struct CacheStampTests {
    /// Rewrites the file at `path` with `change` of its text (same size), keeping its modification time: in place,
    /// or as a new file (a new inode) as `cp -p`, `rsync -t` or `touch -r` leave it.
    static func rewriteKeepingTime(_ root: URL, _ path: String, asNewFile: Bool,
                                   _ change: (String) -> String) throws {
        let file = root.appendingPathComponent(path)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed.utf8.count == text.utf8.count && changed != text)
        let target = asNewFile ? file.deletingLastPathComponent().appendingPathComponent(".copy") : file
        try changed.write(to: target, atomically: false, encoding: .utf8)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, target.path, &times, 0) == 0)
        if asNewFile { #expect(rename(target.path, file.path) == 0) }
    }

    /// Makes every file of the project an hour old, so the caches trust them by stamp alone, and removes the caches.
    static func ageWithoutCache(_ root: URL) throws {
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for url in DirectoryWalker.files(under: root) {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
        }
        TranscriptCacheTests.removeCache(root)
    }

    @Test func aFileReplacedWithTheSameSizeAndTimeIsReadAgain() throws {
        let root = try TranscriptCacheTests.codedProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try CacheStampTests.ageWithoutCache(root)
        #expect(Project.load(root).codings.first?.code == "Waiting")
        #expect(try #require(CodingCache.read(root: root)).entries["Codings/ana/P01.tsv"]?.identity.hash == nil,
                "old files are trusted by their stamp alone")
        try Self.rewriteKeepingTime(root, "Codings/ana/P01.tsv", asNewFile: true) {
            $0.replacingOccurrences(of: "\tWaiting\t", with: "\tWaitinx\t")
        }
        let edited = Project.load(root)
        #expect(edited.codings.first?.code == "Waitinx")
        #expect(TranscriptCacheTests.codingsSummary(edited)
                == TranscriptCacheTests.codingsSummary(TranscriptCacheTests.loadWithoutCache(root)))
        _ = Project.load(root)
        try Self.rewriteKeepingTime(root, "Transcripts/P01.md", asNewFile: true) {
            $0.replacingOccurrences(of: "two hours", with: "six hours")
        }
        let moved = Project.load(root)
        #expect(moved.transcripts.first?.text.contains("six hours") == true)
        #expect(moved.codings.isEmpty)
        #expect(TranscriptCacheTests.codingsSummary(moved)
                == TranscriptCacheTests.codingsSummary(TranscriptCacheTests.loadWithoutCache(root)))
    }

    @Test func aCacheMadeLaterThanNowIsIgnored() throws {
        let root = TestSupport.project(["Transcripts/P01.md": "Interviewer: How long?\n\nAna: Two hours.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = Project.load(root)
        let cache = try #require(TranscriptCache.read(root: root))
        TranscriptCache(madeAt: TranscriptCache.now() + 3600, entries: cache.entries).write(root: root)
        #expect(TranscriptCache.read(root: root) == nil, "the clock went back since the cache was made")
        CodingCache.write([], madeAt: TranscriptCache.now() + 3600, root: root)
        #expect(CodingCache.read(root: root) == nil)
        CodingCache.write([], madeAt: TranscriptCache.now(), root: root)
        #expect(CodingCache.read(root: root) != nil)
    }

    @Test(.enabled(if: getuid() != 0, "skipped: running as root, which reads a file of mode 000"))
    func anUnreadableCodingsFileReadsTheSameWithAndWithoutTheCache() throws {
        let root = try TranscriptCacheTests.codedProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try CacheStampTests.ageWithoutCache(root)
        #expect(Project.load(root).codings.count == 1)
        let file = root.appendingPathComponent("Codings/ana/P01.tsv")
        #expect(chmod(file.path, 0) == 0)
        defer { _ = chmod(file.path, 0o644) }
        let cached = Project.load(root)
        #expect(cached.codings.isEmpty)
        #expect(TranscriptCacheTests.codingsSummary(cached)
                == TranscriptCacheTests.codingsSummary(TranscriptCacheTests.loadWithoutCache(root)))
    }
}
