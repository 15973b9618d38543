import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a cache remembers of a file it depends on: its size and modification time, and its content hash when that
/// time was too close to when the cache was made to tell two edits apart (the racy-git rule).
struct FileIdentity: Equatable, Sendable {
    var stamp: TranscriptCache.Stamp
    var hash: UInt64?

    /// Whether this identity, recorded in a cache made at `madeAt`, still describes a file whose stamp is now
    /// `current`: the same size and time, and, unless that time is old enough to trust, the same content
    /// (`currentHash` reads it only then).
    func describes(_ current: TranscriptCache.Stamp, madeAt: Int, currentHash: () -> UInt64?) -> Bool {
        guard stamp == current else { return false }
        if TranscriptCache.trusts(stamp, madeAt: madeAt) { return true }
        guard let hash else { return false }
        return currentHash() == hash
    }
}

extension CacheWriter {
    mutating func identity(_ identity: FileIdentity) {
        int(identity.stamp.size)
        int(identity.stamp.seconds)
        int(identity.stamp.nanoseconds)
        int(identity.stamp.inode)
        int(identity.stamp.changeSeconds)
        int(identity.stamp.changeNanoseconds)
        optionalInt(identity.hash.map { Int(Int64(bitPattern: $0)) })
    }
}

extension CacheReader {
    mutating func identity() throws(Damaged) -> FileIdentity {
        let stamp = TranscriptCache.Stamp(size: try int(), seconds: try int(), nanoseconds: try int(),
                                          inode: try int(), changeSeconds: try int(), changeNanoseconds: try int())
        return FileIdentity(stamp: stamp, hash: try optionalInt().map { UInt64(bitPattern: Int64($0)) })
    }
}

extension TranscriptCache.Stamp {
    /// The stamp of a file as `stat` or `fstat` describes it.
    init(_ info: stat) {
        self.init(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                  inode: Int(truncatingIfNeeded: info.st_ino), changeSeconds: Int(info.st_ctim.tv_sec),
                  changeNanoseconds: Int(info.st_ctim.tv_nsec))
    }
}
