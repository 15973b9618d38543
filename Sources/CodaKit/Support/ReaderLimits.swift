import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The largest inputs Coda reads, stated in one place: past a limit a reader stops with a clear error instead of
/// running out of memory or time. The README's "Limits" section lists the same table (a test keeps them in step).
public enum ReaderLimits {
    /// One stated limit: what it bounds and its value, in words a researcher reads.
    public struct Limit: Sendable {
        /// The files the limit applies to.
        public var reader: String
        /// What is bounded (file size, columns, nesting depth…).
        public var bound: String
        /// The largest value read, with its unit.
        public var value: String
    }

    /// A transcript, survey (CSV, TSV, `.columns`, XLSX), codebook, codings, memo or settings file in the project.
    static let projectFileBytes = 256 << 20
    /// A file `coda import` turns into a transcript: text, WebVTT, SRT, DOCX, transcription-service text.
    static let importedFileBytes = 256 << 20
    /// One line of a plain-text file: transcript, codebook, codings, memo, note, settings, imported text or captions.
    static let lineBytes = 16 << 20
    /// Codes in the project's codebooks together; a codebook file that would pass it is left out.
    static let codebookCodes = 100_000
    /// A REFI-QDA `.qdc` or `.qdpx` file.
    static let exchangeFileBytes = 1 << 30

    /// Every limit, in the order the README lists them.
    public static let all: [Limit] = [
        Limit(reader: "project files (transcripts, surveys, codebooks, codings, memos, settings)",
              bound: "file size", value: megabytes(projectFileBytes)),
        Limit(reader: "survey CSV / TSV", bound: "columns", value: "\(CSVReader.maxColumns)"),
        Limit(reader: "`coda import` (text, WebVTT, SRT, DOCX, service text)", bound: "file size",
              value: megabytes(importedFileBytes)),
        Limit(reader: "REFI-QDA `.qdc` / `.qdpx`", bound: "file size", value: megabytes(exchangeFileBytes)),
        Limit(reader: "zip archives (`.docx`, `.xlsx`, `.qdpx`)", bound: "one entry, unpacked",
              value: megabytes(Inflate.defaultLimit)),
        Limit(reader: "zip archives", bound: "entries", value: "\(ZipReader.maxEntries)"),
        Limit(reader: "XML (`.qdc`, `.qde`, DOCX, XLSX)", bound: "nesting depth",
              value: "\(XMLLimits.standard.maxDepth) levels"),
        Limit(reader: "XML", bound: "attributes on one tag", value: "\(XMLLimits.standard.maxAttributes)"),
        Limit(reader: "XML", bound: "name length", value: "\(XMLLimits.standard.maxNameLength) bytes"),
        Limit(reader: "XML", bound: "document size", value: megabytes(XMLLimits.standard.maxBytes)),
        Limit(reader: "code × code matrices", bound: "codes shown", value: "\(Cooccurrence.maximumCodes)"),
        Limit(reader: "plain-text files (transcripts, codebooks, codings, memos, notes, settings, imported text, "
                  + "WebVTT, SRT)", bound: "one line", value: megabytes(lineBytes)),
        Limit(reader: "codebooks (all files together)", bound: "codes", value: "\(codebookCodes)"),
    ]

    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }

    /// A size past a limit, never shown equal to it: whole megabytes rounded up, or bytes below one megabyte.
    static func roundedUp(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\(bytes) bytes" : "\((bytes + (1 << 20) - 1) >> 20) MB"
    }

    /// The problem with a project file past `projectFileBytes`, for readers that report and go on; nil when it fits.
    static func sizeProblem(of url: URL, file: String) -> Diagnostic? {
        do {
            try checkSize(of: url, limit: projectFileBytes, file: file, what: "project files")
            return nil
        } catch {
            return error.diagnostic
        }
    }

    /// Refuses a file larger than `limit` bytes before reading it; `what` names the kind of file for the message.
    static func checkSize(of url: URL, limit: Int, file: String, what: String) throws(ReaderLimitError) {
        // `stat` alone: Foundation's attributes also look up the owner's and group's names, at every file read.
        var info = stat()
        guard stat(url.path, &info) == 0, Int(info.st_size) > limit else { return }
        let size = Int(info.st_size)
        throw .fileTooLarge(file: file, size: size, limit: limit, what: what)
    }
}

/// An input past one of `ReaderLimits`.
public enum ReaderLimitError: CodaError {
    case fileTooLarge(file: String, size: Int, limit: Int, what: String)
    /// A codebook file whose codes, with those of the files before it, pass `ReaderLimits.codebookCodes`.
    case tooManyCodes(file: String, line: Int, limit: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .fileTooLarge(file, size, limit, what):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "the file is \(ReaderLimits.roundedUp(size)); Coda reads \(what) of at most "
                                  + ReaderLimits.megabytes(limit),
                              hint: "split it into smaller files (by interview, by part), then run the command again")
        case let .tooManyCodes(file, line, limit):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "this heading is code \(limit + 1) of the codebooks; Coda reads at most \(limit) codes, "
                                  + "so this file is left out",
                              hint: "check whether the file was generated by mistake; a study's codebook is rarely "
                                  + "more than a few thousand codes")
        }
    }
}
