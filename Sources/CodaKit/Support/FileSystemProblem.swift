import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the operating system said when a file could not be written, read or locked, and what a researcher can do
/// about it: a read-only folder, a full disk and a file removed while Coda ran each get their own advice.
enum FileSystemProblem {
    /// The system's words for `code` (`errno`).
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The system's words for a Foundation error, from the POSIX error beneath it when there is one.
    static func reason(of error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return reason(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(Int32(underlying.code))
        }
        let codes: [CocoaError.Code: Int32] = [
            .fileWriteVolumeReadOnly: EROFS, .fileWriteOutOfSpace: ENOSPC, .fileWriteNoPermission: EACCES,
            .fileReadNoPermission: EACCES, .fileNoSuchFile: ENOENT, .fileReadNoSuchFile: ENOENT,
        ]
        if error.domain == NSCocoaErrorDomain, let code = codes[CocoaError.Code(rawValue: error.code)] {
            return reason(code)
        }
        return error.localizedDescription
    }

    /// Advice for a failure the system described as `reason`, or nil when there is nothing specific to say.
    static func hint(for reason: String) -> String? {
        let advice: [(codes: [Int32], hint: String)] = [
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
        let said = { (code: Int32) in reason == Self.reason(code) || reason.hasSuffix(": " + Self.reason(code)) }
        return advice.first { $0.codes.contains(where: said) }?.hint
    }
}
