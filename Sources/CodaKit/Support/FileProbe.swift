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

    /// The files directly inside `folder` named as one of `names` in any letter case: tried by spelling first, and
    /// only when none of those exists is the folder listed (so `R017-maria.tsv` is found for `R017-Maria`, as a
    /// whole-project load finds it). Sorted.
    static func existing(anyCaseOf names: [String], in folder: String) -> [String] {
        let probed = existing(spellings(of: names), in: folder)
        guard probed.isEmpty else { return probed }
        let wanted = Set(names.map { $0.lowercased() })
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return existing(listed.filter { !$0.hasPrefix(".") && wanted.contains($0.lowercased()) }, in: folder)
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
}
