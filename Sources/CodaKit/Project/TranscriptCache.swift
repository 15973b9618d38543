import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What parsing each transcript produced (segments, speakers, attributes, diagnostics), kept in
/// `.coda/cache/transcripts` so that a command on a large project reads the text of each file but does not
/// parse it again. An entry is used only while its file has the same size and modification time, and, when
/// that time is too close to when the entry was made to tell two edits apart, the same content hash. A
/// damaged, truncated or older-format cache is ignored and made again; it is never a source of truth.
struct TranscriptCache: Sendable {
    static let folder = ".coda/cache"
    static let fileName = "transcripts"
    /// The format line, naming the build that wrote the cache: another build (a new version, or a developer's
    /// rebuild whose parser changed) never trusts it, since its entries hold that build's parse and messages.
    static let format = "coda transcript cache 3; " + buildIdentity
    /// The running executable's version, size and modification time; a fresh random value where the executable
    /// cannot be found, so that the cache is then never reused rather than trusted across builds.
    static let buildIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "\(codaVersion) unknown \(UUID().uuidString)" }
        return "\(codaVersion) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
    /// A file changed less than this before the cache was made is checked by its content, not its time.
    static let racyWindow = 2

    /// A file's size, modification time, inode and change time, as `fstat` gives them. The inode and change time
    /// catch a file replaced by another with the same size and modification time (`cp -p`, `rsync -t`,
    /// `touch -r`).
    struct Stamp: Equatable, Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode = 0
        var changeSeconds = 0
        var changeNanoseconds = 0
    }

    struct Entry: Sendable {
        var stamp: Stamp
        /// The content hash, kept only for a file whose time was too recent to trust.
        var hash: UInt64?
        var file: ProjectLoader.TranscriptFile
        /// Where the body starts in the decoded text, in UTF-8 bytes.
        var bodyOffset: Int
        /// Where each segment's text lies in the body, in UTF-8 bytes (read entries hold segments without text).
        var spans: [Range<Int>] = []
    }

    /// When the entries were made (seconds since 1970): files modified after it are checked by content.
    var madeAt: Int
    var entries: [String: Entry]

    static func url(in root: URL) -> URL {
        root.appendingPathComponent(folder).appendingPathComponent(fileName)
    }

    /// The current time in whole seconds, rounded down.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec)
    }

    /// Whether `stamp` is old enough, against `madeAt`, for its size and time alone to say the file is unchanged.
    static func trusts(_ stamp: Stamp, madeAt: Int) -> Bool {
        stamp.seconds + racyWindow < madeAt
    }

    /// The entry for `path` that still describes `bytes`, or nil.
    func entry(for path: String, stamp: Stamp, bytes: [UInt8]) -> Entry? {
        guard let entry = entries[path] else { return nil }
        let recorded = FileIdentity(stamp: entry.stamp, hash: entry.hash)
        return recorded.describes(stamp, madeAt: madeAt) { CacheWriter.hash(bytes) } ? entry : nil
    }
}

extension TranscriptCache.Entry {
    /// The cached transcript on the decoded text of its file; nil when the entry does not fit the text (then the
    /// file is parsed). Segments slice the body as a parse would, so nothing downstream can tell the difference.
    func transcript(decoded: String) -> ProjectLoader.TranscriptFile? {
        guard var transcript = file.transcript, spans.count == transcript.segments.count else { return nil }
        let utf8 = decoded.utf8
        guard bodyOffset <= utf8.count else { return nil }
        let body = String(decoded[utf8.index(utf8.startIndex, offsetBy: bodyOffset)...])
        let bodyUTF8 = body.utf8
        let bodyCount = bodyUTF8.count
        guard transcript.scalarCount <= bodyCount,
              transcript.scalarIndex.checkpoints.allSatisfy({ Int($0) < bodyCount }) else { return nil }
        var segments = transcript.segments
        for i in segments.indices {
            let span = spans[i]
            guard span.upperBound <= bodyCount else { return nil }
            let start = bodyUTF8.index(bodyUTF8.startIndex, offsetBy: span.lowerBound)
            segments[i].text = body[start..<bodyUTF8.index(start, offsetBy: span.count)]
        }
        let wordCount = transcript.knownWordCount
        transcript = Transcript(id: transcript.id, path: transcript.path, attributes: transcript.attributes,
                                caseID: transcript.caseID, text: body, segments: segments,
                                speakers: transcript.speakers, scalarIndex: transcript.scalarIndex)
        transcript.knownWordCount = wordCount
        return ProjectLoader.TranscriptFile(transcript: transcript, diagnostics: file.diagnostics)
    }
}

extension TranscriptCache {
    /// The cache of the project at `root`, or nil when there is none or it cannot be trusted.
    static func read(root: URL) -> TranscriptCache? {
        guard var reader = sealedFile(fileName, root: root) else { return nil }
        return try? decode(&reader)
    }

    func write(root: URL) {
        TranscriptCache.store(encoded(), as: TranscriptCache.fileName, root: root)
    }

    /// A reader of the cache file `name` once its checksum is checked; nil when it is missing or damaged.
    static func sealedFile(_ name: String, root: URL) -> CacheReader? {
        let url = root.appendingPathComponent(folder).appendingPathComponent(name)
        guard let (bytes, _) = ProjectLoader.bytesAndStamp(url) else { return nil }
        return CacheReader(sealed: bytes)
    }

    /// Writes the cache file `name` atomically (another process reading or writing it at the same time sees a
    /// whole file), with a `.gitignore` that keeps the folder out of git. Failing to write only means parsing
    /// again next time.
    static func store(_ bytes: [UInt8], as name: String, root: URL) {
        let folderURL = root.appendingPathComponent(folder)
        TemporaryFiles.sweep(folderURL)
        let ignore = folderURL.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            let text = "# Coda's cache: made again from the project's files whenever needed.\n*\n"
            try? AtomicFile.write(text, to: ignore, durable: false)
        }
        let url = folderURL.appendingPathComponent(name)
        // A cache past the readers' limit would never be read back: none is kept rather than one rewritten each run.
        guard bytes.count <= ReaderLimits.projectFileBytes else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        try? AtomicFile.write(bytes, to: url, durable: false)
    }

    func encoded() -> [UInt8] {
        var out = CacheWriter()
        out.string(TranscriptCache.format)
        out.int(madeAt)
        out.int(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard let transcript = entry.file.transcript else { continue }
            out.string(path)
            out.identity(FileIdentity(stamp: entry.stamp, hash: entry.hash))
            out.int(entry.bodyOffset)
            encode(transcript, into: &out)
            out.int(entry.file.diagnostics.count)
            for diagnostic in entry.file.diagnostics { out.diagnostic(diagnostic) }
        }
        return out.sealed()
    }

    private func encode(_ transcript: Transcript, into out: inout CacheWriter) {
        out.string(transcript.id)
        out.string(transcript.path)
        out.string(transcript.caseID)
        out.int(transcript.attributes.count)
        for (key, value) in transcript.attributes {
            out.string(key)
            out.string(value)
        }
        out.int(transcript.speakers.count)
        for speaker in transcript.speakers { out.string(speaker) }
        let utf8 = transcript.text.utf8
        out.int(transcript.segments.count)
        for segment in transcript.segments {
            out.int(segment.number)
            out.int(segment.speaker.flatMap { transcript.speakers.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
            out.optionalString(segment.timestamp?.text)
            out.int(utf8.distance(from: utf8.startIndex, to: segment.text.startIndex))
            out.int(segment.text.utf8.count)
            out.int(segment.range.lowerBound)
            out.int(segment.range.count)
            out.int(segment.line)
        }
        out.int(transcript.wordCount)
        out.int(transcript.scalarIndex.scalarCount)
        out.int(transcript.scalarIndex.checkpoints.count)
        for checkpoint in transcript.scalarIndex.checkpoints { out.int(Int(checkpoint)) }
    }

    private static func decode(_ input: inout CacheReader) throws(CacheReader.Damaged) -> TranscriptCache {
        let madeAt = try input.header(format)
        let count = try input.count(atMost: 10_000_000)
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try input.string()
            let identity = try input.identity()
            let (stamp, hash) = (identity.stamp, identity.hash)
            let bodyOffset = try input.count(atMost: stamp.size)
            // The text is filled in when the file is read; the entry holds where its pieces lie.
            let (transcript, spans) = try decodeTranscript(&input)
            var diagnostics: [Diagnostic] = []
            for _ in 0..<(try input.count(atMost: 1_000_000)) { diagnostics.append(try input.diagnostic()) }
            let file = ProjectLoader.TranscriptFile(transcript: transcript, diagnostics: diagnostics)
            entries[path] = Entry(stamp: stamp, hash: hash, file: file, bodyOffset: bodyOffset, spans: spans)
        }
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return TranscriptCache(madeAt: madeAt, entries: entries)
    }

    /// A transcript without its text, and where each segment's text lies in it (see `Entry.transcript(body:)`).
    private static func decodeTranscript(_ input: inout CacheReader)
        throws(CacheReader.Damaged) -> (Transcript, [Range<Int>]) {
        let id = try input.string()
        let path = try input.string()
        let caseID = try input.string()
        var attributes: [(key: String, value: String)] = []
        for _ in 0..<(try input.count(atMost: 100_000)) { attributes.append((try input.string(), try input.string())) }
        var speakers: [String] = []
        for _ in 0..<(try input.count(atMost: 100_000)) { speakers.append(try input.string()) }
        var segments: [Segment] = []
        var spans: [Range<Int>] = []
        let segmentCount = try input.count(atMost: 10_000_000)
        segments.reserveCapacity(segmentCount)
        spans.reserveCapacity(segmentCount)
        for _ in 0..<segmentCount {
            let number = try input.int()
            let speakerIndex = try input.count(atMost: speakers.count)
            var timestamp: Timestamp?
            if let text = try input.optionalString() {
                guard let parsed = Timestamp(text) else { throw CacheReader.Damaged() }
                timestamp = parsed
            }
            let start = try input.count(atMost: Int(Int32.max))
            let length = try input.count(atMost: Int(Int32.max))
            let lower = try input.count(atMost: Int(Int32.max))
            let scalars = try input.count(atMost: Int(Int32.max))
            let line = try input.int()
            segments.append(Segment(number: number, speaker: speakerIndex == 0 ? nil : speakers[speakerIndex - 1],
                                    timestamp: timestamp, text: "", range: lower..<(lower + scalars), line: line))
            spans.append(start..<(start + length))
        }
        let wordCount = try input.count(atMost: Int(Int32.max))
        let scalarCount = try input.count(atMost: Int(Int32.max))
        var checkpoints: [Int32] = []
        let checkpointCount = try input.count(atMost: Int(Int32.max))
        guard checkpointCount == (scalarCount + ScalarIndex.stride - 1) / ScalarIndex.stride else {
            throw CacheReader.Damaged()
        }
        checkpoints.reserveCapacity(checkpointCount)
        for _ in 0..<checkpointCount { checkpoints.append(Int32(try input.count(atMost: Int(Int32.max)))) }
        let index = ScalarIndex(checkpoints: checkpoints, scalarCount: scalarCount)
        var transcript = Transcript(id: id, path: path, attributes: attributes, caseID: caseID, text: "",
                                    segments: segments, speakers: speakers, scalarIndex: index)
        transcript.knownWordCount = wordCount
        return (transcript, spans)
    }
}
