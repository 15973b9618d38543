import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ProjectLoader {
    /// One codings file read and placed on its documents' current text.
    struct PlacedCodingFile: Sendable {
        var codings: [Coding] = []
        /// Per coding, where it was placed, or nil when its document does not exist; empty for rejected
        /// suggestions, which are not placed.
        var statuses: [CodingAnchor.Status?] = []
        /// Problems reading the file.
        var diagnostics: [Diagnostic] = []
    }

    /// One codings file as a whole-project load reads it: the result, the cache entry that describes it, and
    /// whether that entry was taken from the cache as it stood, trusted by the files' sizes and times alone.
    struct CachedPlacement: Sendable {
        var placed: PlacedCodingFile?
        var entry: CodingCache.Entry?
        var reusedAsIs = false
    }

    /// Reads every codings file and places its codings, on every core, taking from the cache what it still
    /// describes, and writes the cache again when anything in it was missing, stale or only trusted by content.
    /// `sources` holds the identity of each transcript file the documents came from. Results in file order;
    /// nil for a file that is gone. `madeAt` is when the load began, before the transcripts were read: the same
    /// moment their identities were judged against.
    static func readCodings(_ files: [CodingStore.ListedFile], documents: [String: Transcript],
                            sources: [String: FileIdentity], root: URL, madeAt: Int) -> [PlacedCodingFile?] {
        let cache = CodingCache.read(root: root)
        let results = files.parallelMap { file in
            readCodings(file, documents: documents, sources: sources, cache: cache, madeAt: madeAt)
        }
        let entries = results.compactMap(\.entry)
        let changed = results.contains { !$0.reusedAsIs } || entries.count != cache?.entries.count
        if changed && !(entries.isEmpty && cache == nil) {
            CodingCache.write(entries, madeAt: madeAt, root: root)
        }
        return results.map(\.placed)
    }

    /// One codings file, from the cache when its entry still describes the file and the transcripts its codings
    /// lie on, else read and placed (and a new entry made when every document is a transcript or absent).
    static func readCodings(_ file: CodingStore.ListedFile, documents: [String: Transcript],
                            sources: [String: FileIdentity], cache: CodingCache?, madeAt: Int) -> CachedPlacement {
        if let cache, let stored = cache.entries[file.path], let stamp = stamp(of: file.url),
           stored.identity.describes(stamp, madeAt: cache.madeAt, currentHash: { contentHash(file.url, stamp: stamp) }),
           let sourcesTrusted = cache.dependenciesHold(stored.dependencies, documents: documents, sources: sources),
           let placed = cache.placed(stored) {
            let entry = CodingCache.Entry(path: file.path, identity: stored.identity,
                                          dependencies: stored.dependencies, placed: placed)
            let trusted = sourcesTrusted && TranscriptCache.trusts(stamp, madeAt: cache.madeAt)
            return CachedPlacement(placed: placed, entry: entry, reusedAsIs: trusted)
        }
        // A file that had no entry and still gets none leaves the cache as it was.
        let hadNoEntry = cache?.entries[file.path] == nil
        guard let (bytes, stamp) = bytesAndStamp(file.url) else {
            // Gone, too large or not a plain file: the ordinary read says why.
            return CachedPlacement(placed: CodingStore.read(file).map { place($0, rejected: file.rejected, documents) },
                                   reusedAsIs: hadNoEntry)
        }
        let placed = place(CodingStore.contents(of: bytes, path: file.path), rejected: file.rejected, documents)
        let identity = FileIdentity(stamp: stamp, hash: TranscriptCache.trusts(stamp, madeAt: madeAt)
                                                        ? nil : CacheWriter.hash(bytes))
        guard let dependencies = dependencies(of: placed, documents: documents, sources: sources, madeAt: madeAt) else {
            return CachedPlacement(placed: placed, reusedAsIs: hadNoEntry)
        }
        let entry = CodingCache.Entry(path: file.path, identity: identity, dependencies: dependencies, placed: placed)
        return CachedPlacement(placed: placed, entry: entry)
    }

    /// Places each coding of a file on its document (codings of one document come together, so it is looked up
    /// once per run). Rejected suggestions are kept as they are.
    static func place(_ contents: CodingFile.Contents, rejected: Bool,
                      _ documents: [String: Transcript]) -> PlacedCodingFile {
        var placed = PlacedCodingFile(codings: contents.codings, diagnostics: contents.diagnostics)
        guard !rejected else { return placed }
        placed.statuses.reserveCapacity(placed.codings.count)
        var documentID: String?
        var document: Transcript?
        for i in placed.codings.indices {
            if placed.codings[i].document != documentID {
                documentID = placed.codings[i].document
                document = documents[placed.codings[i].document.lowercased()]
            }
            guard let document else {
                placed.statuses.append(nil)
                continue
            }
            let placement = CodingAnchor.place(placed.codings[i], in: document)
            placed.statuses.append(placement.status)
            if case .unplaced = placement.status { continue }
            placed.codings[i] = placement.coding
        }
        return placed
    }

    /// The documents a placed file's codings lie on, each with the transcript file it came from; nil when one of
    /// them is not a transcript whose file the cache can recognise (a survey's answers), so no entry is made.
    static func dependencies(of placed: PlacedCodingFile, documents: [String: Transcript],
                             sources: [String: FileIdentity], madeAt: Int) -> [CodingCache.Dependency]? {
        var seen: Set<String> = []
        var result: [CodingCache.Dependency] = []
        for coding in placed.codings where !placed.statuses.isEmpty {
            let key = coding.document.lowercased()
            guard seen.insert(key).inserted else { continue }
            guard let document = documents[key] else {
                result.append(CodingCache.Dependency(document: key, source: nil))
                continue
            }
            guard let identity = sources[document.path],
                  identity.hash != nil || TranscriptCache.trusts(identity.stamp, madeAt: madeAt) else { return nil }
            result.append(CodingCache.Dependency(document: key, source: (document.path, identity)))
        }
        return result
    }

    /// A file's stamp, without opening it; nil unless it is a plain file this process may read (so that the cache
    /// never shows the codings of a file a fresh load could not open).
    static func stamp(of url: URL) -> TranscriptCache.Stamp? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              access(url.path, R_OK) == 0 else { return nil }
        return TranscriptCache.Stamp(info)
    }

    /// The content hash of a file that still has `stamp`; nil when it cannot be read or changed meanwhile.
    static func contentHash(_ url: URL, stamp: TranscriptCache.Stamp) -> UInt64? {
        guard let (bytes, now) = bytesAndStamp(url), now == stamp else { return nil }
        return CacheWriter.hash(bytes)
    }
}

extension CodingCache {
    /// Whether every document an entry's codings lie on is still the transcript it was, from a file with the same
    /// identity (or still absent): nil when one is not; else whether all of them were trusted by time alone.
    func dependenciesHold(_ dependencies: [Dependency], documents: [String: Transcript],
                          sources: [String: FileIdentity]) -> Bool? {
        var trusted = true
        for dependency in dependencies {
            let document = documents[dependency.document]
            guard let source = dependency.source else {
                if document != nil { return nil }
                continue
            }
            guard let document, document.path == source.path, let current = sources[source.path],
                  source.identity.describes(current.stamp, madeAt: madeAt, currentHash: { current.hash }) else {
                return nil
            }
            trusted = trusted && TranscriptCache.trusts(source.identity.stamp, madeAt: madeAt)
        }
        return trusted
    }
}
