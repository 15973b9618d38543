import Foundation

/// What `coda import` was asked to do beyond the file itself.
public struct ImportOptions: Sendable {
    /// The document id for an imported transcript (default: the file name).
    public var id: String?
    /// The case of an imported transcript (default: its id).
    public var caseID: String?
    /// Extra header attributes for an imported transcript (`--attr role=participant`).
    public var attributes: [(key: String, value: String)] = []
    /// The text encoding of a text source, when it is not UTF-8 (`--encoding windows-1252`).
    public var encoding: String?
    /// Who the imported codings belong to when the file does not say.
    public var coder: String?
    /// A REFI-QDA codebook goes to a codebook file of its own rather than being merged by name into the
    /// project's codebook (`--new-codebook`).
    public var newCodebook = false
    /// How a .qdpx's selection positions count: `codepoints`, `utf16` or `utf8` (`--offsets`); nil to decide per
    /// source from the evidence.
    public var offsets: String?
    /// Import over a transcript of the same id (`--replace`); its codings stay in Codings/.
    public var replace = false
    /// Who imports and when, for the change log; nil writes no log line.
    var record: ChangeLog.ImportRecord?

    public init() {}
}

/// What an import did, for the researcher to read.
public struct ImportOutcome: Sendable {
    /// Files written, relative to the project.
    public var written: [String] = []
    /// One line each: segments, speakers, duration, codes, codings…
    public var summary: [String] = []
    /// What was adjusted to read a file that departs from its standard (lenient import).
    public var adjustments: [String] = []
    /// What the import could not bring over (a source, a coding, a case), each with why; when any is listed
    /// the import was partial and `coda import` exits 1 after writing what it could.
    public var leftOut: [String] = []

    public init() {}
}

/// Problems importing a file.
public enum ImportError: CodaError {
    case unsupported(file: String, ext: String)
    case unreadable(file: String, reason: String)
    case invalid(file: String, reason: String, hint: String?)
    case exists(path: String)
    case unknownEncoding(String)
    /// A problem at one line of a text source (a WebVTT or SRT timing line, an undecodable byte).
    case malformed(file: String, line: Int, reason: String, hint: String?)
    /// An `--id` that cannot name a document, or one already used in the project.
    case badID(id: String, reason: String)
    /// An `--attr` that cannot be written as a transcript header line.
    case badAttribute(key: String, reason: String)

    public static let supported = ["vtt", "srt", "docx", "txt", "qdc", "qdpx"]

    public var diagnostic: Diagnostic {
        switch self {
        case let .unsupported(file, ext):
            return Diagnostic(.error, at: SourceLocation(file: file), "Coda cannot import .\(ext) files",
                              hint: "it imports " + ImportError.supported.map { ".\($0)" }.joined(separator: ", "))
        case let .unreadable(file, reason):
            return Diagnostic(.error, at: SourceLocation(file: file), "cannot read the file: \(reason)")
        case let .invalid(file, reason, hint):
            return Diagnostic(.error, at: SourceLocation(file: file), reason, hint: hint)
        case .exists(let path):
            return Diagnostic(.error, at: SourceLocation(file: path), "a file of that name is already in the project; nothing was imported",
                              hint: "choose another id with `--id`, or pass `--replace` to import over it (its codings are kept; "
                                + "`coda check` shows any that no longer fit the new text)")
        case .unknownEncoding(let name):
            return Diagnostic(.error, at: nil, "`\(name)` is not an encoding Coda reads", hint: "use utf-8, utf-16 or windows-1252")
        case let .malformed(file, line, reason, hint):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line), reason, hint: hint)
        case let .badID(id, reason):
            return Diagnostic(.error, at: nil, "the id `\(id)` cannot be used: \(reason)",
                              hint: "choose another id with `--id ID`")
        case let .badAttribute(key, reason):
            return Diagnostic(.error, at: nil, "`--attr \(key)=…` cannot be used: \(reason)")
        }
    }
}

/// `coda import`: picks the reader by the file's extension. Transcripts (WebVTT, SRT, DOCX, text exports
/// of transcription services) become Markdown transcripts in `Transcripts/`, with the original kept under
/// `Sources/`; REFI-QDA codebooks (.qdc) and projects (.qdpx) become codebooks, transcripts and codings.
/// Nothing is written unless the whole file could be read.
public struct Importer {
    let root: URL
    /// The lower-cased ids of the project's documents, read on first need and kept up to date while importing,
    /// so importing ten thousand transcripts reads the project once rather than once a file.
    private var documentIDs: Set<String>?

    public init(into root: URL) { self.root = root }

    public static func run(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        var importer = Importer(into: root)
        return try importer.run(file, options: options)
    }

    public mutating func run(_ file: URL, options: ImportOptions) throws -> ImportOutcome {
        let ext = file.pathExtension.lowercased()
        try Self.checkExists(file)
        switch ext {
        case _ where Self.transcriptExtensions.contains(ext):
            var ids = documentIDs ?? Set(Project.load(root).documentIDs.map { $0.lowercased() })
            defer { documentIDs = ids }
            return try TranscriptImport.run(file, into: root, options: options, documentIDs: &ids)
        case "qdc":
            return try RefiImport.codebook(file, into: root, options: options)
        case "qdpx":
            documentIDs = nil  // the project gains documents: read them again when next needed
            return try RefiImport.project(file, into: root, options: options)
        default:
            throw ImportError.unsupported(file: file.lastPathComponent, ext: ext)
        }
    }

    static let transcriptExtensions: Set<String> = ["vtt", "srt", "docx", "txt"]

    static func checkExists(_ file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ImportError.unreadable(file: file.path, reason: "it does not exist")
        }
    }

    /// Imports several files in order, each with its result. Transcripts that follow one another are all read,
    /// checked and composed first, then written together in one transaction under one hold of the project lock
    /// (one log line each), so many transcripts import in one fast pass and a kill leaves all or none of them.
    /// A file that cannot be imported fails alone.
    public mutating func run(_ files: [(url: URL, options: ImportOptions)]) -> [Result<ImportOutcome, any Error>] {
        var results = [Result<ImportOutcome, any Error>](repeating: .success(ImportOutcome()), count: files.count)
        var pending: [(index: Int, prepared: TranscriptImport.Prepared)] = []
        func flush() {
            guard !pending.isEmpty else { return }
            do {
                for (item, result) in zip(pending, try TranscriptImport.commit(pending.map(\.prepared), into: root)) {
                    results[item.index] = result
                }
            } catch {
                for item in pending { results[item.index] = .failure(error) }
                documentIDs = nil  // what was written is unknown: read the project again
            }
            pending = []
        }
        for (index, (url, options)) in files.enumerated() {
            do {
                guard Self.transcriptExtensions.contains(url.pathExtension.lowercased()) else {
                    flush()
                    results[index] = .success(try run(url, options: options))
                    continue
                }
                try Self.checkExists(url)
                var ids = documentIDs ?? Set(Project.load(root).documentIDs.map { $0.lowercased() })
                defer { documentIDs = ids }
                let prepared = try TranscriptImport.prepare(url, into: root, options: options, documentIDs: &ids)
                pending.append((index, prepared))
            } catch {
                results[index] = .failure(error)
            }
        }
        flush()
        return results
    }
}
