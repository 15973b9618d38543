import Foundation
import Testing
@testable import CodaKit

/// `coda codebook rename|merge|move|delete` on a copy of the sample study.
@Suite struct CodebookChangeTests {
    static let codebookPath = "Codebooks/flower-of-service.md"

    /// A copy of the sample study (codebook, codings, memos, transcripts, settings) that a test may change.
    static func sampleCopy() -> URL {
        let target = TestSupport.temporaryFolder("coda-sample")
        for name in ["Codebooks", "Codings", "Memos", "Transcripts", "Project.md"] {
            try? FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(name),
                                              to: target.appendingPathComponent(name))
        }
        return target
    }

    static func lines(_ root: URL, _ path: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).components(separatedBy: "\n")
    }

    static func count(_ project: Project, code: String) -> [String: Int] {
        project.codings.filter { $0.code == code }.reduce(into: [:]) { $0[$1.coder, default: 0] += 1 }
    }

    @Test func renameChangesOneHeadingAndEveryCodersCodingsFollow() throws {
        let root = Self.sampleCopy()
        let before = Project.load(root)
        let queues = Self.count(before, code: "Problems/Queues")
        #expect(queues.count == 2, "both sample coders use Queues")
        let oldLines = try Self.lines(root, Self.codebookPath)

        let run = TestSupport.run(["codebook", "rename", "Queues", "Waiting in line"], in: root)
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("renamed `Problems/Queues` to `Problems/Waiting in line`"))
        for (coder, n) in queues { #expect(run.stdout.contains("\(coder): \(n) coding")) }

        let newLines = try Self.lines(root, Self.codebookPath)
        #expect(newLines.count == oldLines.count)
        let changed = zip(oldLines, newLines).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.0 == "### Queues" && changed.first?.1 == "### Waiting in line")

        let after = Project.load(root)
        #expect(Self.count(after, code: "Problems/Waiting in line") == queues)
        #expect(Self.count(after, code: "Problems/Queues").isEmpty)
        #expect(after.codings.count == before.codings.count)
        #expect(after.unplacedCodings.isEmpty)
        #expect(after.memos.contains { $0.target == .code("Problems/Waiting in line") })
        #expect(!after.memos.contains { $0.target == .code("Problems/Queues") })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".coda-journal").path))
    }

    @Test func renamingAParentCarriesItsChildrenAndSummaries() throws {
        let root = Self.sampleCopy()
        let before = Project.load(root)
        let billing = Self.count(before, code: "Flower of Service/Billing")
        #expect(TestSupport.run(["codebook", "rename", "Flower of Service", "Petals"], in: root).code == .success)
        let after = Project.load(root)
        #expect(Self.count(after, code: "Petals/Billing") == billing)
        #expect(!after.codings.contains { $0.code.hasPrefix("Flower of Service/") })
        let summaries = try String(contentsOf: root.appendingPathComponent(FrameworkSummaries.path), encoding: .utf8)
        #expect(summaries.contains("## S02 / Petals/Billing") && !summaries.contains("Flower of Service/"))
        #expect(after.diagnostics.filter { $0.severity == .error }.isEmpty, "\(after.diagnostics)")
    }

    @Test func mergeJoinsCodingsAndDropsTheMergedSectionsOnly() throws {
        let root = Self.sampleCopy()
        let before = Project.load(root)
        let merged = ["Flower of Service/Billing", "Flower of Service/Payment", "Flower of Service/Consultation"]
        let keys = Set(before.codings.filter { merged.contains($0.code) }.map {
            "\($0.coder)|\($0.document)|\($0.start)|\($0.end)"
        })
        let oldLines = try Self.lines(root, Self.codebookPath)

        let run = TestSupport.run(["codebook", "merge", "Billing", "Payment", "--into", "Consultation"], in: root)
        #expect(run.code == .success, "\(run.stderr)")
        let after = Project.load(root)
        let consultation = after.codings.filter { $0.code == "Flower of Service/Consultation" }
        // Each coder's spans of the three codes are now one coding each.
        #expect(consultation.count == keys.count)
        #expect(!after.codings.contains { $0.code.hasSuffix("/Billing") || $0.code.hasSuffix("/Payment") })
        #expect(after.codebook.codes.count == before.codebook.codes.count - 2)

        // The file is the old one with two sections cut out.
        let newLines = try Self.lines(root, Self.codebookPath)
        let billing = oldLines.firstIndex(of: "### Billing")!, consultation0 = oldLines.firstIndex(of: "### "
            + "Consultation")!
        #expect(newLines == Array(oldLines[..<billing]) + Array(oldLines[consultation0...]))
    }

    @Test func moveReindentsTheSubtreeAndRewritesPaths() throws {
        let root = Self.sampleCopy()
        let before = Project.load(root)
        let video = Self.count(before, code: "Promotion media/Video")
        let run = TestSupport.run(["codebook", "move", "Promotion media", "--under", "Awareness"], in: root)
        #expect(run.code == .success, "\(run.stderr)")
        let after = Project.load(root)
        #expect(Self.count(after, code: "Awareness/Promotion media/Video") == video)
        #expect(after.codebook.code(path: "Awareness/Promotion media/Banner")?.depth == 3)
        let newLines = try Self.lines(root, Self.codebookPath)
        #expect(newLines.contains("### Promotion media") && newLines.contains("#### Video"))
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics)")

        #expect(TestSupport.run(["codebook", "move", "Promotion media", "--top"], in: root).code == .success)
        #expect(Self.count(Project.load(root), code: "Promotion media/Video") == video)
    }

    @Test func deleteIsRefusedWhileWorkUsesTheCode() throws {
        let root = Self.sampleCopy()
        let codebook = try Data(contentsOf: root.appendingPathComponent(Self.codebookPath))
        let refused = TestSupport.run(["codebook", "delete", "Billing"], in: root)
        #expect(refused.code != .success)
        #expect(refused.stderr.contains("still used") && refused.stderr.contains("--reassign"))
        #expect(try Data(contentsOf: root.appendingPathComponent(Self.codebookPath)) == codebook)

        let parent = TestSupport.run(["codebook", "delete", "Problems", "--reassign", "Awareness"], in: root)
        #expect(parent.stderr.contains("has child codes"))

        let before = Project.load(root)
        let billing = before.codings.filter { $0.code == "Flower of Service/Billing" }.count
        #expect(TestSupport.run(["codebook", "delete", "Billing", "--reassign", "Payment"], in: root).code == .success)
        let after = Project.load(root)
        #expect(after.codebook.code(path: "Flower of Service/Billing") == nil)
        #expect(after.codings.count <= before.codings.count && after.codings.count >= before.codings.count - billing)
        #expect(after.codings.filter { $0.code == "Flower of Service/Payment" }.count >= billing)
    }

    @Test func badNamesAndClashesAreRefusedWithTheCommandThatWorks() {
        let root = Self.sampleCopy()
        let clash = TestSupport.run(["codebook", "rename", "Billing", "Payment"], in: root)
        #expect(clash.stderr.contains("coda codebook merge 'Flower of Service/Billing' --into 'Flower of "
            + "Service/Payment'"))
        let slash = TestSupport.run(["codebook", "rename", "Billing", "Money/Billing"], in: root)
        #expect(slash.stderr.contains("codebook move"))
        let nowhere = TestSupport.run(["codebook", "move", "Billing"], in: root)
        #expect(nowhere.stderr.contains("--under PARENT"))
    }

    @Test func reviewNotesOnACodeAndItsCodingsFollowARename() throws {
        let root = Self.sampleCopy()
        let env = ["CODA_CODER": "amir"]
        #expect(TestSupport.run(["note", "code", "Queues", "Overlaps with Order taking?"], in: root, environment: env).code == .success)
        #expect(TestSupport.run(["note", "coding", "R017", "12", "JHT claims", "Third visit?"], in: root, environment: env)
            .code == .success)
        #expect(TestSupport.run(["codebook", "rename", "Problems", "Troubles"], in: root).code == .success)
        let notes = try String(contentsOf: root.appendingPathComponent(NoteStore.path), encoding: .utf8)
        #expect(notes.contains("· open · code Troubles/Queues\n"))
        #expect(notes.contains("· open · coding R017 ¶12 Troubles/JHT claims\n"))
        #expect(!notes.contains("Problems/"))
    }
}
