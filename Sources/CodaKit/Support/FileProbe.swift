import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds files by the names they can have instead of listing their folder: with ten thousand transcripts, listing
/// `Transcripts/` or a coder's folder costs more than all the rest of a `coda tag`. A name is tried as written, in
/// lower case and in upper case; a file system that ignores case answers several spellings with one file, which is
/// then found once.
enum FileProbe {
    /// `names` as written, in lower case and in upper case, without repeats, in that order.
    static func spellings(of names: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for name in names {
            for spelling in [name, name.lowercased(), name.uppercased()] where seen.insert(spelling).inserted {
                result.append(spelling)
            }
        }
        return result
    }

    /// The names among `names` of regular files (or links to them) directly inside `folder`, each file once, sorted.
    static func existing(_ names: [String], in folder: String) -> [String] {
        var files = Set<FileIdentity>()
        var found: [String] = []
        for name in names where !name.isEmpty && !name.contains("/") {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  files.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
            else { continue }
            found.append(name)
        }
        return found.sorted()
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
}
