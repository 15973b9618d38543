import Foundation

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
        return previous
    }

    /// Removes the files of the last run that this run did not write, and records this run's files.
    func finish(_ paths: [String], previous: Set<String>) throws {
        let current = Set(paths)
        for stale in previous.subtracting(current).sorted() where !stale.contains("..") {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(stale))
        }
        let manifest = "# Files written by coda; it overwrites only these.\n" + current.sorted().joined(separator: "\n") + "\n"
        try AtomicFile.write(manifest, to: url.appendingPathComponent(manifestName))
    }
}
