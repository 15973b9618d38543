import Foundation

/// Where the codings of each codings file landed on their documents' text, kept in `.coda/cache/codings` beside
/// the transcript cache, so that a command on a large project neither parses unchanged codings files nor checks
/// every coding's fingerprint again. An entry is used only while its file, and every transcript its codings lie
/// on, keep the identity they had when it was made (`FileIdentity`). A damaged, truncated or older-format cache
/// is ignored and made again; it is never a source of truth.
struct CodingCache: Sendable {
    static let fileName = "codings"
    /// Like the transcript cache's, the format line names the build: placement and messages may change with it.
    static let format = "coda codings cache 2; " + TranscriptCache.buildIdentity

    /// A document the codings of a file name: its folded id, and the transcript file that held it with that file's
    /// identity, or no file when no document had that id (the codings were then reported, not placed).
    struct Dependency: Sendable {
        var document: String
        var source: (path: String, identity: FileIdentity)?
    }

    /// One codings file as the cache holds it: its codings are decoded only when the entry is used.
    struct StoredEntry: Sendable {
        var identity: FileIdentity
        var dependencies: [Dependency]
        /// A reader at the entry's placed codings (it shares the cache's bytes).
        var payload: CacheReader
    }

    /// One codings file read and placed now, to be written.
    struct Entry: Sendable {
        var path: String
        var identity: FileIdentity
        var dependencies: [Dependency]
        var placed: ProjectLoader.PlacedCodingFile
    }

    /// When the entries were made (seconds since 1970): files modified after it are checked by content.
    var madeAt: Int
    /// Codes, coders, documents and times, which repeat across codings, kept once.
    var strings: [String]
    var entries: [String: StoredEntry]

    /// The placed codings of `entry`, or nil when they cannot be read back (the file is then read again).
    func placed(_ entry: StoredEntry) -> ProjectLoader.PlacedCodingFile? {
        var input = entry.payload
        return try? CodingCache.decodePlaced(&input, strings: strings)
    }
}

extension CodingCache {
    /// The cache of the project at `root`, or nil when there is none or it cannot be trusted.
    static func read(root: URL) -> CodingCache? {
        guard var reader = TranscriptCache.sealedFile(fileName, root: root) else { return nil }
        return try? decode(&reader)
    }

    static func write(_ entries: [Entry], madeAt: Int, root: URL) {
        TranscriptCache.store(encoded(entries, madeAt: madeAt), as: fileName, root: root)
    }

    static func encoded(_ entries: [Entry], madeAt: Int) -> [UInt8] {
        var table = StringTable()
        var body = CacheWriter()
        body.int(entries.count)
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            body.string(entry.path)
            body.identity(entry.identity)
            body.int(entry.dependencies.count)
            for dependency in entry.dependencies {
                body.string(dependency.document)
                body.optionalString(dependency.source?.path)
                if let source = dependency.source { body.identity(source.identity) }
            }
            var payload = CacheWriter()
            encode(entry.placed, into: &payload, table: &table)
            body.int(payload.bytes.count)
            body.append(payload)
        }
        var out = CacheWriter()
        out.string(format)
        out.int(madeAt)
        out.int(table.strings.count)
        for string in table.strings { out.string(string) }
        out.append(body)
        return out.sealed()
    }

    /// Strings numbered in the order they are first met.
    private struct StringTable {
        var strings: [String] = []
        var numbers: [String: Int] = [:]

        mutating func number(_ string: String) -> Int {
            if let number = numbers[string] { return number }
            numbers[string] = strings.count
            strings.append(string)
            return strings.count - 1
        }
    }

    private static func encode(_ placed: ProjectLoader.PlacedCodingFile, into out: inout CacheWriter,
                               table: inout StringTable) {
        out.int(placed.diagnostics.count)
        for diagnostic in placed.diagnostics { out.diagnostic(diagnostic) }
        out.int(placed.codings.count)
        out.int(placed.statuses.isEmpty ? 0 : 1)
        for (i, coding) in placed.codings.enumerated() {
            for string in [coding.document, coding.code, coding.coder, coding.time] { out.int(table.number(string)) }
            out.int(coding.start)
            out.int(coding.end - coding.start)
            out.int(coding.firstSegment)
            out.int(coding.lastSegment)
            out.string(coding.fingerprint)
            out.string(coding.excerpt)
            out.string(coding.memo)
            guard !placed.statuses.isEmpty else { continue }
            switch placed.statuses[i] {
            case nil: out.int(0)
            case .inPlace: out.int(1)
            case .moved: out.int(2)
            case .unplaced(let reason):
                out.int(3)
                out.string(reason)
            }
        }
    }

    private static func decode(_ input: inout CacheReader) throws(CacheReader.Damaged) -> CodingCache {
        let madeAt = try input.header(format)
        var strings: [String] = []
        let stringCount = try input.count(atMost: 100_000_000)
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try input.string()) }
        let count = try input.count(atMost: 100_000_000)
        var entries: [String: StoredEntry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try input.string()
            let identity = try input.identity()
            var dependencies: [Dependency] = []
            for _ in 0..<(try input.count(atMost: 1_000_000)) {
                let document = try input.string()
                var source: (path: String, identity: FileIdentity)?
                if let path = try input.optionalString() { source = (path, try input.identity()) }
                dependencies.append(Dependency(document: document, source: source))
            }
            let length = try input.count(atMost: Int(Int32.max))
            let payload = try input.section(length)
            entries[path] = StoredEntry(identity: identity, dependencies: dependencies, payload: payload)
        }
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return CodingCache(madeAt: madeAt, strings: strings, entries: entries)
    }

    private static func decodePlaced(_ input: inout CacheReader, strings: [String])
        throws(CacheReader.Damaged) -> ProjectLoader.PlacedCodingFile {
        var placed = ProjectLoader.PlacedCodingFile()
        for _ in 0..<(try input.count(atMost: 10_000_000)) { placed.diagnostics.append(try input.diagnostic()) }
        let count = try input.count(atMost: 100_000_000)
        let isPlaced = try input.flag()
        placed.codings.reserveCapacity(count)
        if isPlaced { placed.statuses.reserveCapacity(count) }
        let last = strings.count - 1
        for _ in 0..<count {
            let document = strings[try input.count(atMost: last)]
            let code = strings[try input.count(atMost: last)]
            let coder = strings[try input.count(atMost: last)]
            let time = strings[try input.count(atMost: last)]
            let start = try input.count(atMost: Int.max / 2)
            let end = start + (try input.count(atMost: Int.max / 2))
            let first = try input.int()
            let lastSegment = try input.int()
            placed.codings.append(Coding(document: document, code: code, start: start, end: end, firstSegment: first,
                                         lastSegment: lastSegment, coder: coder, time: time,
                                         fingerprint: try input.string(), excerpt: try input.string(),
                                         memo: try input.string()))
            guard isPlaced else { continue }
            switch try input.int() {
            case 0: placed.statuses.append(nil)
            case 1: placed.statuses.append(.inPlace)
            case 2: placed.statuses.append(.moved)
            case 3: placed.statuses.append(.unplaced(reason: try input.string()))
            default: throw CacheReader.Damaged()
            }
        }
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return placed
    }
}
