/// Why a DEFLATE stream could not be decompressed. `ZipReader` turns these into `ZipError`s that name the
/// archive and the entry; on its own a raw stream has no file name to report.
enum InflateError: Error, Equatable, Sendable {
    /// The input ends before the final block does.
    case truncated
    /// Block type 3, which RFC 1951 reserves.
    case invalidBlockType
    /// A stored block whose length and its one's complement disagree.
    case storedLengthMismatch
    /// A dynamic block header that describes no valid Huffman code.
    case invalidCodeLengths
    /// A bit pattern that is not a code, or a length or distance symbol that RFC 1951 does not define.
    case invalidCode
    /// A match reaching back before the start of the output.
    case distanceTooFar
    /// The output would exceed the caller's limit (a guard against zip bombs).
    case outputTooLarge(limit: Int)

    /// A short explanation, used inside a researcher-facing message.
    var detail: String {
        switch self {
        case .truncated: return "its compressed data ends early"
        case .invalidBlockType: return "invalid compressed block type"
        case .storedLengthMismatch: return "invalid stored block length"
        case .invalidCodeLengths: return "invalid Huffman code table"
        case .invalidCode: return "invalid compressed code"
        case .distanceTooFar: return "a back-reference points before the start of the data"
        case let .outputTooLarge(limit): return "it unpacks to more than \(limit) bytes"
        }
    }
}
