import Foundation
import Testing
@testable import CodaKit

/// A failed write keeps the system's error number, and its advice is chosen by that number, not by the words.
struct FileSystemProblemTests {
    @Test(arguments: [(ENOSPC, "hint: the disk is full"), (EDQUOT, "hint: the disk is full"),
                      (EROFS, "hint: the folder is on a read-only disk"), (EACCES, "hint: you may not write here"),
                      (ENOENT, "hint: the file or its folder was moved or removed")])
    func theHintFollowsTheErrorNumber(_ code: Int32, _ hint: String) {
        let error = FileWriteError.cannotWrite(path: "Codings/alice/P01.tsv",
                                               problem: FileSystemProblem(code, context: "cannot create Codings/alice"))
        let text = error.diagnostic.description
        #expect(text.contains("Codings/alice/P01.tsv"))
        #expect(text.contains("cannot write the file: cannot create Codings/alice: \(String(cString: strerror(code)))"))
        #expect(text.contains(hint), "\(text)")
    }

    @Test func foundationErrorsKeepTheirNumber() {
        let full = FileSystemProblem(of: CocoaError(.fileWriteOutOfSpace))
        #expect(full.code == ENOSPC)
        let posix = FileSystemProblem(of: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS)))
        #expect(posix.code == EROFS && posix.reason == String(cString: strerror(EROFS)))
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: 512,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(FileSystemProblem(of: wrapped).code == EACCES)
    }

    /// Words that merely look like a system error get no advice meant for it: only the number counts.
    @Test func wordsAloneGetTheGeneralHint() {
        let problem = FileSystemProblem(described: "No space left on device")
        #expect(problem.code == nil && problem.hint == nil)
        let text = FileWriteError.cannotWrite(path: "notes.md", problem: problem).diagnostic.description
        #expect(text.contains("check that the folder exists and that you may write to it"), "\(text)")
    }

    /// An injected full disk reaches the researcher as the system's words and the disk-full advice.
    @Test func aFailedAtomicWriteCarriesItsNumber() throws {
        let folder = TestSupport.temporaryFolder("coda-problem")
        let url = folder.appendingPathComponent("P01.tsv")
        WriteFault.inject(.fail(ENOSPC), at: url)
        defer { WriteFault.clear(url) }
        do {
            try AtomicFile.write("x", to: url)
            Issue.record("the write should have failed")
        } catch {
            guard case let .cannotWrite(path, problem) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path && problem.code == ENOSPC)
            #expect(error.diagnostic.hint?.hasPrefix("the disk is full") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
