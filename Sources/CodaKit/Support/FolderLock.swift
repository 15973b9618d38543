import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (flock) on a folder itself, so that two processes rebuilding a folder inside it take
/// turns without leaving a lock file among the researcher's files. Not re-entrant: `body` must not take it again.
enum FolderLock {
    static func withLock<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw FileWriteError.cannotLock(path: folder.path, problem: .last) }
        defer { close(fd) }  // closing the folder releases the lock
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            // NFS takes flock as a write lock, which a folder opened for reading cannot hold: a lock file instead.
            return try FileLock.withLock(folder.appendingPathComponent(".coda-lock"), body)
        }
        return try body()
    }
}
