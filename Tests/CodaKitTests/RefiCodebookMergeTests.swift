import Foundation
import Testing
@testable import CodaKit

/// A .qdc imported into a project that has a codebook is merged by code name, or goes to a file of its own
/// with `--new-codebook`.
@Suite("REFI-QDA import: codebook merge")
struct RefiCodebookMergeTests {
    static func initProject() -> URL {
        let folder = TestSupport.temporaryFolder("coda-refi-merge")
        _ = TestSupport.run(["init"], in: folder)
        return folder
    }

    /// Taguette's codebook in a new `coda init` project: its six codes join the starter codebook's file.
    @Test func taguetteCodebookJoinsTheStarterCodebook() throws {
        let project = Self.initProject()
        let file = RefiTestSupport.sample("taguette-1.5.2/codebook.qdc")
        let run = TestSupport.run(["import", file.path], in: project)
        #expect(run.code == .success)
        #expect(run.stdout.contains("  merged by code name: 6 new codes added to Codebooks/codebook.md, 0 already in "
            + "the project kept as they are, with every coding\n"))
        let loaded = Project.load(project)
        #expect(loaded.codebook.files == ["Codebooks/codebook.md"])
        #expect(loaded.codebook.codes.map(\.path) == ["Information", "Problems", "Problems/Queues", "interesting",
                                                      "migration", "work",
                                                      "housing", "transport", "family"])
        #expect(loaded.diagnostics.errorCount == 0)
        let text = try #require(RefiTestSupport.text(project, "Codebooks/codebook.md"))
        #expect(text.hasPrefix(ProjectInitializer.exampleCodebook))
        #expect(text.hasSuffix("Color: #d62728\n\n## interesting\n\n## migration\n\n## work\n\n## housing\n\n## "
            + "transport\n\n## family\n"))
    }

    /// Existing codes keep their place, fields and codings; a new child goes under its parent, before the next
    /// top-level code; a differing colour or definition is listed under `left out:` and the import exits 1.
    @Test func mergeKeepsExistingCodesAndReportsConflicts() throws {
        let project = Self.initProject()
        #expect(TestSupport.run(["tag", "EX01", "2", "Queues", "--coder", "annie"], in: project).code == .success)
        let before = Project.load(project).codings.map(\.key)
        #expect(before.count == 1)
        let qdc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
        <Code guid="11111111-0000-4000-8000-000000000001" name="information" isCodable="true" color="#1f77b4"/>
        <Code guid="11111111-0000-4000-8000-000000000002" name="Problems" isCodable="false">
          <Code guid="11111111-0000-4000-8000-000000000003" name="Queues" isCodable="true" color="#00ff00"/>
          <Code guid="11111111-0000-4000-8000-000000000004" name="Paperwork" isCodable="true">
            <Description>Forms and documents asked for.</Description></Code>
        </Code>
        <Code guid="11111111-0000-4000-8000-000000000005" name="Trust" isCodable="true">
          <Description>Whether people believe the staff.</Description>
          <Code guid="11111111-0000-4000-8000-000000000006" name="Staff" isCodable="true"/>
        </Code>
        </Codes></CodeBook>
        """
        let file = TestSupport.temporaryFolder("coda-refi-merge-qdc").appendingPathComponent("team.qdc")
        try Data(qdc.utf8).write(to: file)
        let run = TestSupport.run(["import", file.path], in: project)
        #expect(run.code == .problemsFound)
        #expect(run.stdout.contains("  left out: code `Problems/Queues`: the imported colour #00ff00 differs from the "
            + "project's #d62728, which was kept\n"))
        #expect(run.stdout.contains("3 new codes added to Codebooks/codebook.md, 3 already in the project kept as "
            + "they are"))
        let loaded = Project.load(project)
        #expect(loaded.codebook.codes.map(\.path) == ["Information", "Problems", "Problems/Queues",
                                                      "Problems/Paperwork", "Trust", "Trust/Staff"])
        #expect(loaded.codebook.code(path: "Problems/Queues")?.color == "#d62728")
        #expect(loaded.codebook.code(path: "Problems/Paperwork")?.definition == "Forms and documents asked for.")
        #expect(loaded.codings.map(\.key) == before)
        #expect(loaded.diagnostics.errorCount == 0)
        let text = try #require(RefiTestSupport.text(project, "Codebooks/codebook.md"))
        #expect(text.contains("Color: #d62728\n\n### Paperwork\nDefinition: Forms and documents asked for.\n\n## "
            + "Trust\n"))
    }

    /// `--new-codebook` writes the codes to a file of their own beside the starter codebook.
    @Test func newCodebookWhenAsked() throws {
        let project = Self.initProject()
        let file = RefiTestSupport.sample("taguette-1.5.2/codebook.qdc")
        let run = TestSupport.run(["import", file.path, "--new-codebook"], in: project)
        #expect(run.code == .success)
        #expect(run.stdout.contains("  wrote Codebooks/codebook-2.md\n"))
        #expect(RefiTestSupport.text(project, "Codebooks/codebook.md") == ProjectInitializer.exampleCodebook)
        #expect(Project.load(project).codebook.codes.count == 9)
        // The same codes again in a file of their own would name codes twice: refused, nothing written.
        let again = TestSupport.run(["import", file.path, "--new-codebook"], in: project)
        #expect(again.code == .problemsFound)
        #expect(again.stderr.contains("the project's codebook already has 6 of the imported codes"))
        #expect(RefiTestSupport.files(project).filter { $0.hasPrefix("Codebooks/") }
                == ["Codebooks/codebook-2.md", "Codebooks/codebook.md"])
    }

    /// Codes added by a merge keep their REFI-QDA identities: an export gives back their GUIDs and folders.
    @Test func mergedCodesKeepTheirIdentities() throws {
        let project = Self.initProject()
        let file = RefiTestSupport.sample("spec-annexA1/codebook_example.qdc")
        let run = TestSupport.run(["import", file.path], in: project)
        #expect(run.stdout.contains("  wrote Exchange/codebook-example-refi-qda.tsv\n"))
        let loaded = Project.load(project)
        let exported = try RefiCodebookExport.qdc(loaded.codebook, identities: RefiIdentities(root: project))
        var reader = RefiReader(file: "x.qdc")
        let before = reader.codes(in: try RefiXMLTree.parse([UInt8](try Data(contentsOf: file)), file: "x.qdc"))
        let after = reader.codes(in: try RefiXMLTree.parse(Array(exported.utf8), file: "y.qdc"))
        let fields = { (nodes: [RefiCodeNode]) in
            nodes.map { "\($0.guid)|\($0.isCodable)|\($0.description)" }.sorted()
        }
        #expect(fields(after.filter { $0.name != "Information" && $0.name != "Problems" }) == fields(before))
    }
}
