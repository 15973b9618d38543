import Foundation
import Testing
@testable import CodaKit

/// An import that cannot bring everything over writes what it can, lists what it left out and why, and exits 1.
@Suite("REFI-QDA import: partial imports")
struct RefiPartialImportTests {
    /// The sky-loom project (ATLAS.ti shape) has audio, video, PDF and picture sources and six text sources
    /// whose files are missing: `coda import` says so under `left out:` and exits 1 after writing the rest.
    @Test func skyloomProjectIsImportedInPartAndExitsOne() throws {
        let folder = TestSupport.temporaryFolder("coda-refi-partial")
        let file = RefiTestSupport.sample("skyloom-refi-qda-lib/TestProject.qdpx")
        let run = TestSupport.run(["import", file.path, "--project", "study"], in: folder)
        #expect(run.code == .problemsFound)
        #expect(run.stdout.contains("  left out: 6 sources' text files missing from the archive, so they were not "
            + "imported (nor 7 codings"))
        #expect(run.stdout.contains("  left out: sources Coda cannot code were not imported: 1 AudioSource, 2 "
            + "PDFSource, 1 PictureSource, 2 VideoSource\n"))
        #expect(run.stdout.contains("  wrote Codebooks/atlas-ti-standard-project.md\n"))
        #expect(run.stderr == "coda: \(file.path) was imported in part: 2 things left out, listed above under `left "
            + "out:`\n")
        #expect(Project.load(folder.appendingPathComponent("study")).codebook.codes.count == 14)
    }

    /// Everything of the qc project is placed: no `left out:` line, exit 0.
    @Test func completeImportExitsZero() throws {
        let folder = TestSupport.temporaryFolder("coda-refi-partial")
        let file = RefiTestSupport.sample("qc-1.3.2/demo.qdpx")
        let run = TestSupport.run(["import", file.path, "--project", "study"], in: folder)
        #expect(run.code == .success)
        #expect(!run.stdout.contains("left out"))
        #expect(run.stderr.isEmpty)
    }

    /// Codings that cannot be placed (outside the text, empty, or with a code the codebook lacks) and a case with
    /// nothing to keep are each listed; the codings that can be placed are imported.
    @Test func unplaceableCodingsAndEmptyCasesAreListed() throws {
        let codeA = "aaaaaaaa-0000-4000-8000-000000000001", ghost = "aaaaaaaa-0000-4000-8000-0000000000ff"
        let text = "Interviewer: How was the move?\nAmina: Hard at first, then fine.\n"
        let sources = "<TextSource guid=\"\(RefiImportLenientTests.source)\" name=\"Amina\" "
            + "plainTextPath=\"internal://a.txt\">"
            + RefiImportLenientTests.selection("Hard at first", 38, 51, code: codeA)
            + RefiImportLenientTests.selection("beyond", 500, 510, code: codeA)
            + RefiImportLenientTests.selection("nothing", 40, 40, code: codeA)
            + RefiImportLenientTests.selection("then fine", 53, 62, code: ghost)
            + "</TextSource>"
        let cases = "<Cases><Case guid=\"cccccccc-0000-4000-8000-000000000001\" name=\"Household 7\"/></Cases>"
        let qde = RefiImportLenientTests.qde(codes: RefiImportLenientTests.code(codeA, "Hardship"), sources: sources,
                                             extra: cases)
        let file = try RefiTestSupport.qdpx([("project.qde", qde), ("sources/a.txt", Array(text.utf8))])
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.leftOut == [
            "source `Amina`: 1 coding outside the text not imported",
            "source `Amina`: 1 coding of empty selections not imported",
            "source `Amina`: 1 coding with a code not in the codebook not imported",
            "1 case with no variable values and no imported source of its own not imported: `Household 7`",
        ])
        #expect(project.codings.map(\.excerpt) == ["Hard at first"])
    }
}
