import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder Coda writes generated files into (the appendix, the review pack). Coda remembers what it
/// wrote in `.coda-files`, overwrites only those files, removes the ones a new run no longer makes, and
/// refuses to touch any other file that happens to be there.
struct OutputFolder {
    static let manifestName = ".coda-files"
    let url: URL
    /// Each kind of output (an appendix format, the review pack) keeps its own list, so writing the HTML
    /// appendix does not remove the Markdown one.
    var manifestName = OutputFolder.manifestName

    init(url: URL, kind: String? = nil) {
        self.url = url
        if let kind { manifestName = OutputFolder.manifestName + "-" + kind }
    }

    enum Failure: CodaError {
        case wouldOverwrite(folder: String, files: [String])
        case notAFolder(String)

        var diagnostic: Diagnostic {
            switch self {
            case let .wouldOverwrite(folder, files):
                return Diagnostic(.error, at: nil, "\(folder) already holds \(files.count) file\(plural(files.count)) Coda did not write: " + files.prefix(5).joined(separator: ", "),
                                  hint: "choose another folder, or move those files away; Coda never overwrites files it did not write")
            case .notAFolder(let path):
                return Diagnostic(.error, at: nil, "`\(path)` exists and is not a folder", hint: "choose another folder")
            }
        }
    }

    /// Writes `files` (relative path → contents), atomically each, and updates the manifest.
    func write(_ files: [(path: String, contents: [UInt8])], displayName: String) throws {
        let previous = try prepare(files.map(\.path), displayName: displayName)
        for file in files { try AtomicFile.write(file.contents, to: url.appendingPathComponent(file.path)) }
        try finish(files.map(\.path), previous: previous)
    }

    /// Checks, before anything is written, that the files to write are new or Coda's own; returns the
    /// files the last run wrote. Large outputs then write file by file and call `finish`.
    func prepare(_ paths: [String], displayName: String) throws -> Set<String> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { throw Failure.notAFolder(displayName) }
        var manifestURL = url.appendingPathComponent(manifestName)
        // A folder written before lists had kinds keeps its list under the plain name.
        if !fm.fileExists(atPath: manifestURL.path) { manifestURL = url.appendingPathComponent(OutputFolder.manifestName) }
        let previous = Set((fm.contents(atPath: manifestURL.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
        let conflicts = paths.filter { !previous.contains($0) && fm.fileExists(atPath: url.appendingPathComponent($0).path) }
        if !conflicts.isEmpty { throw Failure.wouldOverwrite(folder: displayName, files: conflicts.sorted()) }
        // Recorded before the first file is written: a run killed midway leaves files the list already claims,
        // so the next run overwrites them instead of refusing.
        try record(previous.union(paths))
        return previous
    }

    /// Removes the files of the last run that this run did not write, and records this run's files.
    func finish(_ paths: [String], previous: Set<String>) throws {
        let current = Set(paths)
        for stale in previous.subtracting(current).sorted() where !stale.contains("..") {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(stale))
        }
        try record(current)
    }

    private func record(_ paths: Set<String>) throws {
        let manifest = "# Files written by coda; it overwrites only these.\n" + paths.sorted().joined(separator: "\n") + "\n"
        try AtomicFile.write(manifest, to: url.appendingPathComponent(manifestName))
    }

    /// Runs `write` with the folder to write into. A folder that does not exist yet is built as a temporary folder
    /// beside it and renamed into place at the end, so a killed run leaves no half-written folder. An existing
    /// folder that holds only Coda's files is rebuilt the same way, from a copy of itself (hard links, so the other
    /// formats written there stay), and exchanged with the new one in one step. A folder holding other files is
    /// written in place, its list of Coda's files recorded first (see `prepare`), and so is every folder where the
    /// system cannot exchange two folders in one step (NFS, CIFS, macOS), so the folder never goes missing. Stale
    /// temporary folders of killed runs are removed first. Two exports into one folder take turns (a lock on the
    /// folder holding it), so neither's output is lost to the other's exchange.
    static func building<T>(_ url: URL, _ write: (URL) throws -> T) throws -> T {
        try FolderLock.withLock(url.deletingLastPathComponent()) { try buildingLocked(url, write) }
    }

    private static func buildingLocked<T>(_ url: URL, _ write: (URL) throws -> T) throws -> T {
        let fm = FileManager.default
        TemporaryFiles.sweep(url.deletingLastPathComponent())
        let exists = fm.fileExists(atPath: url.path)
        if exists {
            TemporaryFiles.sweep(url)
            // A link to a folder elsewhere stays a link: that folder is written in place.
            let isLink = (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil
            guard !isLink, holdsOnlyCodaFiles(url), FolderCopy.canExchange(in: url.deletingLastPathComponent()) else {
                return try write(url)
            }
        }
        let temporary = TemporaryFiles.name(for: url)
        do {
            if exists {
                try FolderCopy.link(url, to: temporary)
            } else {
                try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            let problem = FileSystemProblem(of: error, context: "cannot create \(temporary.path)")
            throw FileWriteError.cannotWrite(path: url.path, problem: problem)
        }
        do {
            let result = try write(temporary)
            if exists {
                try FolderCopy.exchange(temporary, url)
                try? fm.removeItem(at: temporary)  // the old folder, now under the temporary name
            } else if rename(temporary.path, url.path) != 0 {
                throw FileWriteError.cannotWrite(path: url.path, problem: .last)
            }
            return result
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// True when every file in `url` is one of Coda's lists (`.coda-files…`) or listed in one.
    static func holdsOnlyCodaFiles(_ url: URL) -> Bool {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { return false }
        let lists = names.filter { $0.hasPrefix(manifestName) }
        guard !lists.isEmpty else { return false }
        var listed = Set(lists)
        for list in lists {
            let data = fm.contents(atPath: url.appendingPathComponent(list).path)
            let text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") { listed.insert(String(line)) }
        }
        return FolderCopy.files(under: url).allSatisfy { listed.contains($0) }
    }
}
