import Foundation

/// Reads REFI-QDA codebooks (.qdc) and projects (.qdpx) into a Coda project.
enum RefiImport {
    static func codebook(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        throw ImportError.unsupported(file: file.lastPathComponent, ext: "qdc")
    }

    static func project(_ file: URL, into root: URL, options: ImportOptions) throws -> ImportOutcome {
        throw ImportError.unsupported(file: file.lastPathComponent, ext: "qdpx")
    }
}
