import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems writing files into the project, each with what the system said (its error number kept, so the advice
/// fits the failure).
public enum FileWriteError: CodaError {
    case cannotWrite(path: String, problem: FileSystemProblem)
    case cannotLock(path: String, problem: FileSystemProblem)
    case cannotRead(path: String, problem: FileSystemProblem)

    public var diagnostic: Diagnostic {
        switch self {
        case let .cannotWrite(path, problem):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot write the file: \(problem.reason)",
                              hint: problem.hint ?? "check that the folder exists and that you may write to it")
        case let .cannotLock(path, problem):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot lock the file: \(problem.reason)",
                              hint: problem.hint)
        case let .cannotRead(path, problem):
            return Diagnostic(.error, at: SourceLocation(file: path), "cannot read the file: \(problem.reason)",
                              hint: problem.hint)
        }
    }
}

/// Writes whole files so that a reader, or a crash, only ever sees the old or the new content:
/// the bytes go to a temporary file in the same folder, are flushed, and then renamed over the target.
enum AtomicFile {
    /// `durable: false` skips the flush to disk, for files that can be made again (generated output):
    /// the rename still makes the write all-or-nothing for other processes.
    static func write(_ text: String, to url: URL, durable: Bool = true) throws(FileWriteError) {
        try write(Array(text.utf8), to: url, durable: durable)
    }

    static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(FileWriteError) {
        if let code = WriteFault.apply(at: url) {
            throw .cannotWrite(path: url.path, problem: FileSystemProblem(code))
        }
        // Most writes go into a folder that exists (ten thousand into one, for an appendix): the folders are
        // looked for and made only when the temporary file cannot be made for want of them.
        if try writeInPlace(bytes, to: url, durable: durable) { return }
        let folder = url.deletingLastPathComponent()
        var folders = CreatedFolders()
        do {
            try folders.create(folder)
        } catch {
            folders.removeEmpty()
            let problem = FileSystemProblem(of: error, context: "cannot create \(folder.path)")
            throw .cannotWrite(path: url.path, problem: problem)
        }
        do throws(FileWriteError) {
            if try !writeInPlace(bytes, to: url, durable: durable) {
                throw .cannotWrite(path: url.path, problem: FileSystemProblem(ENOENT))
            }
        } catch {
            folders.removeEmpty()
            throw error
        }
    }

    /// Writes into `url`'s existing folder through a temporary file and a rename; false, having written nothing,
    /// when the folder does not exist.
    private static func writeInPlace(_ bytes: [UInt8], to url: URL, durable: Bool) throws(FileWriteError) -> Bool {
        let temp = TemporaryFiles.name(for: url)
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 && (errno == ENOENT || errno == ENOTDIR) { return false }
        guard fd >= 0 else { throw .cannotWrite(path: url.path, problem: .last) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        if !ok || (durable && fsync(fd) != 0) {
            let problem = FileSystemProblem.last  // the write's or the flush's, whichever failed
            close(fd)
            unlink(temp.path)
            throw .cannotWrite(path: url.path, problem: problem)
        }
        close(fd)
        if rename(temp.path, url.path) != 0 {
            let problem = FileSystemProblem.last
            unlink(temp.path)
            throw .cannotWrite(path: url.path, problem: problem)
        }
        return true
    }

    static func readBytes(_ url: URL) throws(FileWriteError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let problem = FileSystemProblem(described: "it does not exist or cannot be opened")
            throw .cannotRead(path: url.path, problem: problem)
        }
        return [UInt8](data)
    }
}

/// An exclusive advisory lock (flock) held on a lock file, so that two `coda` processes
/// changing the same file take turns: read, change and write happen under the lock.
final class FileLock {
    private let fd: Int32

    init(_ url: URL) throws(FileWriteError) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw .cannotLock(path: url.path, problem: .last) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let problem = FileSystemProblem.last
            close(fd)
            throw .cannotLock(path: url.path, problem: problem)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Runs `body` while holding the lock on `url`. Re-entrant on one thread, so a read-modify-write of several
    /// files can hold the lock around steps that take it themselves; other threads and processes wait.
    static func withLock<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let key = "coda.lock:" + url.standardizedFileURL.path
        let held = Thread.current.threadDictionary
        if let depth = held[key] as? Int, depth > 0 {
            held[key] = depth + 1
            defer { held[key] = depth }
            return try body()
        }
        let lock = try FileLock(url)
        held[key] = 1
        defer {
            held[key] = nil
            withExtendedLifetime(lock) {}
        }
        return try body()
    }
}
