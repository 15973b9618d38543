import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the operating system said when a file could not be written, read or locked, and what a researcher can do
/// about it: a read-only folder, a full disk and a file removed while Coda ran each get their own advice, chosen by
/// the error number (`errno`), never by the wording, which differs between systems and languages.
public struct FileSystemProblem: Equatable, Sendable {
    /// The system's error number, when it gave one.
    var code: Int32?
    /// What failed, when it is not the file the error names (`cannot create FOLDER`).
    var context: String?
    /// The words of a failure that came without an error number.
    private var words: String?

    init(_ code: Int32, context: String? = nil) {
        self.code = code
        self.context = context
    }

    /// A failure described only in words (no error number to go by).
    init(described words: String) {
        self.words = words
    }

    /// The failure of the last system call, from `errno`.
    static var last: FileSystemProblem { FileSystemProblem(errno) }

    /// A Foundation error, by the POSIX error beneath it when there is one.
    init(of error: any Error, context: String? = nil) {
        self.context = context
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain {
            code = Int32(error.code)
        } else if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
                  underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        } else if error.domain == NSCocoaErrorDomain,
                  let known = Self.cocoaCodes[CocoaError.Code(rawValue: error.code)] {
            code = known
        } else {
            words = error.localizedDescription
        }
    }

    private static let cocoaCodes: [CocoaError.Code: Int32] = [
        .fileWriteVolumeReadOnly: EROFS, .fileWriteOutOfSpace: ENOSPC, .fileWriteNoPermission: EACCES,
        .fileReadNoPermission: EACCES, .fileNoSuchFile: ENOENT, .fileReadNoSuchFile: ENOENT,
    ]

    /// The system's words for the failure, after what failed when that is not the named file.
    var reason: String {
        let said = code.map(Self.words) ?? words ?? "unknown error"
        return context.map { "\($0): \(said)" } ?? said
    }

    /// The system's words for `code`: the one place Coda asks for them.
    static func words(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Advice for this failure, or nil when there is nothing specific to say.
    var hint: String? {
        guard let code else { return nil }
        return Self.advice.first { $0.codes.contains(code) }?.hint
    }

    private static let advice: [(codes: [Int32], hint: String)] = [
        ([EROFS], "the folder is on a read-only disk or mount: copy the project somewhere you may write, "
            + "or mount it read-write, then run the command again"),
        ([ENOSPC, EDQUOT], "the disk is full: free some space on it (`df -h .` shows how much is left), "
            + "then run the command again"),
        ([EACCES, EPERM], "you may not write here: check the folder's owner and permissions (`ls -ld`), "
            + "then run the command again"),
        ([ENOENT], "the file or its folder was moved or removed while Coda ran: put it back or run the "
            + "command again"),
        ([ENOTDIR, EISDIR], "a file stands where Coda needs a folder (or a folder where it needs a file): "
            + "rename the one in the way, then run the command again"),
    ]
}
