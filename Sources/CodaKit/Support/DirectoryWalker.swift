import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the regular files under a folder, recursively, skipping hidden names, sorted by path. Uses
/// readdir's file types directly: with ten thousand transcripts, asking Foundation for each file's
/// properties costs more than parsing them.
enum DirectoryWalker {
    /// `keep`, when given, chooses files by name before any URL is made: a one-document command lists ten
    /// thousand names but builds one URL. URLs are made as files, so Foundation does not stat each one.
    static func files(under folder: URL, keep: ((String) -> Bool)? = nil) -> [URL] {
        var result: [String] = []
        walk(folder.path, keep: keep, into: &result)
        return result.sorted().map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// The first non-nil `transform` of a name directly inside the folder, in sorted order so that every machine
    /// gives the same answer (readdir's order differs by file system). Only names are listed; `transform` runs
    /// only as far as the first name that answers.
    static func first<T>(in path: String, _ transform: (String) -> T?) -> T? {
        for name in names(in: path).sorted() {
            if let value = transform(name) { return value }
        }
        return nil
    }

    /// The names directly inside a folder, in readdir's order (empty when it cannot be read): one pass, no stat.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) { names.append(name(of: entry)) }
        closedir(directory)
        return names.filter { $0 != "." && $0 != ".." }
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private static func walk(_ path: String, keep: ((String) -> Bool)?, into result: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name.hasPrefix(".") { continue }
            let full = path + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) {
                walk(full, keep: keep, into: &result)
            } else if type == UInt8(DT_REG), keep?(name) ?? true {
                result.append(full)
            }
        }
    }
}
