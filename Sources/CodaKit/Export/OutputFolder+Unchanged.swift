import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFolder {
    /// Writes a generated file (atomically, without a flush to disk: it can be made again) unless it already holds
    /// exactly these bytes. Exporting again into a folder leaves the files that did not change as they are, with
    /// their times, instead of making ten thousand new files to replace them with the same bytes: creating a file
    /// was the largest single cost of a Markdown appendix of 10,000 transcripts. In a folder rebuilt from a copy
    /// of itself (see `building`) the unchanged file is the copy's link to the old one, so it stays.
    /// Returns false when the file already held these bytes and was left as it is.
    @discardableResult
    static func writeUnlessSame(_ text: String, to url: URL) throws(FileWriteError) -> Bool {
        let bytes = Array(text.utf8)
        var info = stat()
        if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
           let data = FileManager.default.contents(atPath: url.path), data.elementsEqual(bytes) {
            return false
        }
        try AtomicFile.write(bytes, to: url, durable: false)
        return true
    }
}
