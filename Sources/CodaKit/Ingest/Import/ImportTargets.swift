import Foundation

/// Where an imported transcript goes, `Transcripts/<id>.md`, and its original, `Sources/<file name>`; checked
/// before anything is written, so an import never overwrites a file: an existing transcript of that name (any
/// extension) or a different file already in `Sources/` stops it. A `Sources/` file with the same bytes, or the
/// original itself when it already lies there, is kept and not copied again.
struct ImportTargets {
    static let sourcesFolder = "Sources"
    static let transcriptExtensions: Set<String> = ["md", "markdown", "txt", "csv", "tsv"]

    let root: URL
    let transcriptPath: String
    let sourcePath: String
    /// False when `Sources/` already holds the original.
    private(set) var copiesSource = true

    /// `replace`: the transcript `Transcripts/<id>.md` and a different original in `Sources/` are overwritten.
    init(root: URL, id: String, original: URL, bytes: [UInt8], replace: Bool = false) throws(ImportError) {
        self.root = root
        let base = id.fileSafe()
        transcriptPath = "\(Project.transcriptsFolder)/\(base).md"
        sourcePath = "\(Self.sourcesFolder)/\(original.lastPathComponent)"

        let folder = root.appendingPathComponent(Project.transcriptsFolder)
        let lowerBase = base.lowercased()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            // Plain string tests: building a URL for every file made importing many transcripts slow.
            guard let dot = name.lastIndex(of: "."), name[..<dot].lowercased() == lowerBase,
                  Self.transcriptExtensions.contains(name[name.index(after: dot)...].lowercased()),
                  !(replace && "\(Project.transcriptsFolder)/\(name)" == transcriptPath) else { continue }
            throw .exists(path: "\(Project.transcriptsFolder)/\(name)")
        }
        let sourceURL = root.appendingPathComponent(sourcePath)
        if sourceURL.standardizedFileURL.resolvingSymlinksInPath().path == original.standardizedFileURL.resolvingSymlinksInPath().path {
            copiesSource = false
        } else if FileManager.default.fileExists(atPath: sourceURL.path) {
            let existing = FileManager.default.contents(atPath: sourceURL.path)
            if existing.map({ [UInt8]($0) == bytes }) == true {
                copiesSource = false
            } else if !replace {
                throw .exists(path: sourcePath)
            }
        }
    }

    /// Whether the project holds the imported transcript `Transcripts/<id>.md`, which `--replace` may overwrite.
    static func holdsTranscript(root: URL, id: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("\(Project.transcriptsFolder)/\(id.fileSafe()).md").path)
    }

    /// The files an import writes: the copy of the original (when needed) and the transcript.
    func changes(original bytes: [UInt8], transcript text: String) -> [ProjectTransaction.Change] {
        (copiesSource ? [ProjectTransaction.Change(path: sourcePath, bytes: bytes)] : [])
            + [ProjectTransaction.Change(path: transcriptPath, bytes: Array(text.utf8))]
    }
}
