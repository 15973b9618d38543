import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ProjectLoader {
    /// One transcript as read for a whole-project load: the result, the cache entry that describes it, and whether
    /// that entry was taken from the cache as it stood, trusted by the file's size and time alone.
    struct CachedParse: Sendable {
        var file: TranscriptFile
        var entry: TranscriptCache.Entry?
        var reusedAsIs = false
    }

    /// Reads and parses every transcript on every core, taking from the cache what it still describes, and writes
    /// the cache again when anything in it was missing, stale or only trusted by content. Results in file order.
    /// `madeAt` is when the load began, taken before any file was read.
    static func parseTranscripts(_ urls: [URL], root: URL, madeAt: Int) -> [TranscriptFile] {
        let cache = TranscriptCache.read(root: root)
        let rootPath = root.path
        let results = urls.parallelMap { url in
            parseTranscript(url, path: relative(url, to: rootPath), cache: cache, madeAt: madeAt)
        }
        var entries: [String: TranscriptCache.Entry] = [:]
        var changed = false
        for (url, result) in zip(urls, results) {
            if let entry = result.entry { entries[relative(url, to: rootPath)] = entry }
            changed = changed || !result.reusedAsIs
        }
        if (changed || entries.count != cache?.entries.count) && !(entries.isEmpty && cache == nil) {
            TranscriptCache(madeAt: madeAt, entries: entries).write(root: root)
        }
        return results.map { result in
            var file = result.file
            file.identity = result.entry.map { FileIdentity(stamp: $0.stamp, hash: $0.hash) }
            return file
        }
    }

    /// One transcript, from the cache when its entry still describes the file, else parsed (and a new entry made).
    static func parseTranscript(_ url: URL, path: String, cache: TranscriptCache?, madeAt: Int) -> CachedParse {
        guard let (bytes, stamp) = bytesAndStamp(url) else {
            return CachedParse(file: parseTranscript(url, path: path))
        }
        if let cache, let entry = cache.entry(for: path, stamp: stamp, bytes: bytes),
           let decoded = try? TextDecoder.decodeUTF8(bytes, file: path), let file = entry.transcript(decoded: decoded) {
            var reused = entry
            reused.file = file
            reused.spans = []
            let trusted = TranscriptCache.trusts(stamp, madeAt: cache.madeAt)
            return CachedParse(file: file, entry: reused, reusedAsIs: trusted)
        }
        var decoded = ""
        var file = parseTranscript(url, path: path) { () throws(UnreadableFile) in
            switch Result(catching: { () throws(TextEncodingError) in try TextDecoder.decodeUTF8(bytes, file: path) }) {
            case .success(let text):
                decoded = text
                return text
            case .failure(let error):
                throw UnreadableFile(diagnostic: error.diagnostic)
            }
        }
        guard var transcript = file.transcript else { return CachedParse(file: file) }
        // Counted here, on every core, once: the cache keeps the count for `status`.
        transcript.knownWordCount = transcript.wordCount
        file.transcript = transcript
        let hash = TranscriptCache.trusts(stamp, madeAt: madeAt) ? nil : CacheWriter.hash(bytes)
        let entry = TranscriptCache.Entry(stamp: stamp, hash: hash, file: file,
                                          bodyOffset: decoded.utf8.count - transcript.text.utf8.count)
        return CachedParse(file: file, entry: entry)
    }

    /// A file's bytes with the size and modification time of the same open file; nil when it cannot be read or is
    /// too large (the ordinary read then says why).
    static func bytesAndStamp(_ url: URL) -> ([UInt8], TranscriptCache.Stamp)? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        // A file past the readers' limit is left to the ordinary read, which refuses it by name.
        guard size <= ReaderLimits.projectFileBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, size - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            filled += n
        }
        // A file that grew while it was read is left to the ordinary read.
        var extra: UInt8 = 0
        guard read(fd, &extra, 1) == 0 else { return nil }
        return (bytes, TranscriptCache.Stamp(info))
    }
}
