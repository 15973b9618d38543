import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a folder as hard links and exchanges two folders, for output folders rebuilt aside and swapped in
/// (`OutputFolder.building`). Files in Coda's output are only ever replaced by rename, never changed in place, so
/// a linked copy can be rewritten without touching the original.
enum FolderCopy {
    /// Every file under `folder`, hidden ones too, as paths relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if (walker.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory { files.append(path) }
        }
        return files.sorted()
    }

    /// Makes `target` a copy of `source`: the same folders, and each file a hard link (a copy where links fail).
    static func link(_ source: URL, to target: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        for path in files(under: source) {
            let from = source.appendingPathComponent(path), to = target.appendingPathComponent(path)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if hardLink(from.path, to.path) != 0 { try fm.copyItem(at: from, to: to) }
        }
    }

    /// Exchanges the folders at `a` and `b` in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so a reader or
    /// a kill sees the old folder or the new one, never neither. Throws, both folders left as they were, where the
    /// system cannot: callers check `canExchange` first and write in place instead.
    static func exchange(_ a: URL, _ b: URL) throws {
        guard let renameat2 = renameat2, renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 else {
            throw FileWriteError.cannotWrite(path: b.path, problem: renameat2 == nil ? FileSystemProblem(ENOSYS) : .last)
        }
    }

    /// Whether two folders in `folder` can be exchanged in one step: not on every system (macOS), file system
    /// (NFS, CIFS) or kernel. Tried on two empty folders made and removed for the purpose.
    static func canExchange(in folder: URL) -> Bool {
        guard let renameat2 else { return false }
        let fm = FileManager.default
        let a = TemporaryFiles.name(for: folder.appendingPathComponent("exchange-a"))
        let b = TemporaryFiles.name(for: folder.appendingPathComponent("exchange-b"))
        defer {
            try? fm.removeItem(at: a)
            try? fm.removeItem(at: b)
        }
        guard (try? fm.createDirectory(at: a, withIntermediateDirectories: false)) != nil,
              (try? fm.createDirectory(at: b, withIntermediateDirectories: false)) != nil else { return false }
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32
    private static let renameExchange: UInt32 = 2
    /// Linux's `renameat2`, looked up at run time: the C library may not have it.
    private static var renameat2: RenameAt2? {
        dlsym(dlopen(nil, RTLD_NOW), "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    }
}

/// `link(2)`, under a name the static `FolderCopy.link` does not hide.
private func hardLink(_ from: String, _ to: String) -> Int32 {
    link(from, to)
}
