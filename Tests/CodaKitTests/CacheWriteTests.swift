import Foundation
import Testing
@testable import CodaKit

/// A cache is written only when it would say something new and could be read back.
@Suite struct CacheWriteTests {
    static func inode(_ url: URL) -> UInt? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt(info.st_ino) : nil
    }

    /// Survey codings get no entry (their answers are not a transcript file the cache recognises); a warm load
    /// with nothing changed still leaves the codings cache as it was.
    @Test func codingsOnSurveyAnswersDoNotRewriteTheCacheOnEveryLoad() throws {
        let root = DocumentKindTests.study()
        defer { try? FileManager.default.removeItem(at: root) }
        try CacheStampTests.ageWithoutCache(root)
        let cold = Project.load(root)
        #expect(cold.codings.filter { $0.document.hasPrefix("survey:") }.count == 2, "\(cold.codings)")
        let cache = try #require(CodingCache.read(root: root))
        #expect(cache.entries.count == 1, "the survey's codings file has no entry: \(cache.entries.keys.sorted())")
        let file = TranscriptCacheTests.codingCacheFile(root)
        let before = try #require(Self.inode(file))
        let warm = Project.load(root)
        #expect(TranscriptCacheTests.codingsSummary(warm) == TranscriptCacheTests.codingsSummary(cold))
        #expect(Self.inode(file) == before, "a warm load with nothing changed does not write the cache again")
    }

    /// A cache past the readers' limit would be refused when read: it is not written, and an older one goes.
    @Test func aCacheTooLargeToReadIsNotKept() throws {
        let root = TestSupport.project(["Transcripts/P01.md": "Interviewer: How long?\n\nAna: Two hours.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = Project.load(root)
        let file = TranscriptCache.url(in: root)
        #expect(FileManager.default.fileExists(atPath: file.path))
        TranscriptCache.store([UInt8](repeating: 0, count: ReaderLimits.projectFileBytes + 1),
                              as: TranscriptCache.fileName, root: root)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
