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
            if Glibc.link(from.path, to.path) != 0 { try fm.copyItem(at: from, to: to) }
        }
    }

    /// Exchanges the folders at `a` and `b` in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so a reader or
    /// a kill sees the old folder or the new one, never neither; where the system cannot, by two renames.
    static func exchange(_ a: URL, _ b: URL) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameExchange: UInt32 = 2
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2"),
           unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 {
            return
        }
        let aside = TemporaryFiles.name(for: b)
        guard rename(b.path, aside.path) == 0 else { throw FileWriteError.cannotWrite(path: b.path, problem: .last) }
        guard rename(a.path, b.path) == 0 else {
            let problem = FileSystemProblem.last
            rename(aside.path, b.path)
            throw FileWriteError.cannotWrite(path: b.path, problem: problem)
        }
        guard rename(aside.path, a.path) == 0 else { throw FileWriteError.cannotWrite(path: a.path, problem: .last) }
    }
}
