/// Problems reading or writing a zip archive (.docx, .qdpx, .zip), worded for the researcher who owns the file.
/// Every malformed archive ends in one of these cases; the readers never trap on bad input.
public enum ZipError: CodaError, Equatable {
    /// No end-of-central-directory record: the file is not a zip archive at all.
    case notAZip(file: String)
    /// The archive starts like a zip archive but ends early.
    case truncated(file: String)
    /// The archive's own directory is inconsistent (offsets or sizes point outside the file).
    case damaged(file: String, detail: String)
    /// The archive is split over several files (`.z01`, `.z02`, …).
    case multiDisk(file: String)
    case encrypted(file: String, entry: String)
    case unsupportedMethod(file: String, entry: String, method: UInt16)
    /// The entry's compressed data cannot be decompressed.
    case damagedEntry(file: String, entry: String, detail: String)
    case checksumMismatch(file: String, entry: String)
    /// The entry would decompress to more than Coda is willing to hold in memory (a guard against zip bombs).
    case entryTooLarge(file: String, entry: String, limit: Int)
    case entryNotFound(file: String, entry: String)
    /// The archive lists more entries than Coda reads (see `ReaderLimits`).
    case tooManyEntries(file: String, count: Int, limit: Int)
    /// The writer was asked for something it cannot write (a bad or repeated name, an archive over 4 GB).
    case cannotWrite(file: String, detail: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .notAZip(file):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` is not a zip archive (it may be damaged\(Self.kindNote(file)))",
                              hint: "open it in the program that made it and save or export it again")
        case let .truncated(file):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` is truncated: the zip archive ends early",
                              hint: "the download or copy was probably interrupted; copy the file again")
        case let .damaged(file, detail):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` is a damaged zip archive (\(detail))",
                              hint: "open it in the program that made it and save or export it again")
        case let .multiDisk(file):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` is one part of a split zip archive, which Coda cannot read",
                              hint: "join the parts into one archive first (for example `zip -s 0 split.zip --out whole.zip`)")
        case let .encrypted(file, entry):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "entry `\(entry)` is encrypted (password-protected), which Coda cannot read",
                              hint: "save or export the file again without a password")
        case let .unsupportedMethod(file, entry, method):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "entry `\(entry)` uses compression method \(method)\(Self.methodName(method)), which Coda cannot read",
                              hint: "re-create the archive with ordinary (deflate) compression")
        case let .damagedEntry(file, entry, detail):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "entry `\(entry)` is damaged (\(detail))",
                              hint: "the file was probably corrupted while copying; copy it again or export it again")
        case let .checksumMismatch(file, entry):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "entry `\(entry)` is damaged (checksum mismatch)",
                              hint: "the file was probably corrupted while copying; copy it again or export it again")
        case let .entryTooLarge(file, entry, limit):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "entry `\(entry)` unpacks to more than \(Self.size(limit)), more than Coda will read",
                              hint: "an entry this large is unusual for a document; check that the archive is what you expect")
        case let .tooManyEntries(file, count, limit):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` lists \(count) entries; "
                                + "Coda reads archives of at most \(limit)",
                              hint: "export the project in parts (fewer documents per archive), then import each")
        case let .entryNotFound(file, entry):
            return Diagnostic(.error, at: SourceLocation(file: file),
                              "`\(Self.baseName(file))` has no entry `\(entry)`",
                              hint: "check that the file is the kind you expect (list it with `unzip -l`)")
        case let .cannotWrite(file, detail):
            return Diagnostic(.error, at: SourceLocation(file: file), "cannot write the zip archive: \(detail)")
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// ", or not really a .docx" for a file whose extension names a zip-based format.
    static func kindNote(_ path: String) -> String {
        let name = baseName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? "" : " or not really a .\(ext)"
    }

    static func methodName(_ method: UInt16) -> String {
        switch method {
        case 1: return " (shrink)"
        case 6: return " (implode)"
        case 9: return " (deflate64)"
        case 12: return " (bzip2)"
        case 14: return " (LZMA)"
        case 93: return " (Zstandard)"
        case 95: return " (xz)"
        case 98: return " (PPMd)"
        case 99: return " (AES encryption)"
        default: return ""
        }
    }
}
