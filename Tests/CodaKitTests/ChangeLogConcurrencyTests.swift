import Foundation
import Testing
@testable import CodaKit

/// The change log is read, changed and written under the project lock: when many `coda tag` processes change one
/// codings file at once, each entry's saved "before" is exactly the "after" of the entry logged just before it,
/// so `coda undo` puts back one change and never another process's.
@Suite(.serialized) struct ChangeLogConcurrencyTests {
    @Test func entriesOfProcessesTaggingAtOnceFormOneChain() throws {
        guard let binary = TestSupport.codaBinary else { throw TestError("coda is not built; run `swift build` first") }
        let root = CondenseFixture.make()
        let codes = ["Information", "Order taking", "Queues", "JHT claims"]
        let workers = (0..<8).map { worker in
            (0..<3).map { step in
                let job = worker * 3 + step
                return ["tag", "P01", String(job % 6 + 1), codes[job / 6]]
            }
        }
        #expect(try ConcurrencyTests.runAtOnce(workers, coda: binary, in: root).allSatisfy { $0 == 0 })
        #expect(Project.load(root).codings.filter { $0.coder == "alice" }.count == 24)

        // The log file in the order its lines were appended (times are taken before the lock, so not by time).
        let log = ChangeLog(root: root)
        let text = try String(contentsOf: log.fileURL(coder: "alice"), encoding: .utf8)
        let ids = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[1]) }
        #expect(ids.count == 24)
        let path = ChangeLog.codingsPath(coder: "alice", document: "P01", root: root)
        var previousAfter: String?
        for (index, id) in ids.enumerated() {
            let saved = try #require(try log.undoFiles(id: id).first { $0.path == path }, "entry \(index) saved P01")
            if let previousAfter {
                #expect(ChangeLog.fingerprint(saved.before) == previousAfter,
                        "entry \(index) saved the file as another process had not yet left it")
            }
            previousAfter = saved.after
        }
        let now = try Data(contentsOf: root.appendingPathComponent(path))
        #expect(previousAfter == ChangeLog.fingerprint([UInt8](now)), "the last entry's after is the file as it is")
    }
}
