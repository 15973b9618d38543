import Foundation
import Testing
@testable import CodaKit

/// Every file of the REFI-QDA samples (Fixtures/refi/samples), imported into an empty project.
@Suite("REFI-QDA import of the sample files")
struct RefiImportSampleTests {
    @Test func specAnnexCodebook() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("spec-annexA1/codebook_example.qdc"))
        #expect(outcome.written == ["Codebooks/codebook-example.md", "Exchange/codebook-example-refi-qda.tsv"])
        #expect(outcome.summary == ["6 codes (6 top-level, 1 level deep)"])
        #expect(outcome.adjustments == ["2 codes marked not codable (folders) became ordinary codes: every Coda code can be applied (an export marks them not codable again)"])
        #expect(project.codebook.codes.map(\.path) == ["Topics", "Economy", "Health care", "Values", "Conservatives", "Liberals"])
        let economy = try #require(project.codebook.code(path: "Economy"))
        #expect(economy.definition == "Anything about jobs or taxes or business")
        #expect(economy.color == "#ffff00")
        #expect(project.diagnostics.errorCount == 0)
    }

    @Test func taguetteCodebookWithEmptySets() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("taguette-1.5.2/codebook.qdc"))
        #expect(outcome.adjustments == ["an empty <Sets/> (not allowed by the schema) was ignored"])
        #expect(project.codebook.codes.map(\.name) == ["interesting", "migration", "work", "housing", "transport", "family"])
        #expect(project.codebook.codes.allSatisfy { $0.depth == 1 && $0.color == nil })
    }

    @Test func syntheticBadGUIDAndColour() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("synthetic-negative/bad_guid_and_color.qdc"))
        #expect(outcome.adjustments == [
            "1 code without the required isCodable attribute read as codable",
            "colour written as #rrggbb: `red` → `#ff0000` (Rage)",
            "1 id is not a GUID (`c001`); read as plain ids",
        ])
        #expect(project.codebook.code(path: "Rage")?.color == "#ff0000")
        #expect(project.codebook.code(path: "NoCodable") != nil)
    }

    @Test func syntheticNamespaceWithColon() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("synthetic-negative/nvivo_mac12_style_ns_1colon0.qdc"))
        #expect(outcome.adjustments == ["namespace `urn:QDA-XML:codebook:1:0` read as `urn:QDA-XML:codebook:1.0` (NVivo 12 for Mac and some ATLAS.ti versions write it so)"])
        #expect(project.codebook.code(path: "Topic")?.color == "#00ff00")
    }

    @Test func syntheticEmptySets() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("synthetic-negative/taguette_style_empty_sets.qdc"))
        #expect(outcome.adjustments == ["an empty <Sets/> (not allowed by the schema) was ignored"])
        #expect(project.codebook.codes.map(\.path) == ["interesting"])
    }

    @Test func nvivoMacProjectWithDeepCodes() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("nvivo-mac-15.0.0/nvivo_project.qdpx"))
        #expect(outcome.summary == ["codebook: 262 codes (3 top-level, 5 levels deep)", "2 text sources → transcripts", "0 codings",
                                    "0 cases, 0 variables", "0 memos"])
        #expect(outcome.adjustments.count == 1)
        #expect(outcome.adjustments[0].hasPrefix("12 codes were nested deeper than the 5 levels a Markdown codebook holds"))
        #expect(project.codebook.codes.count == 262)
        #expect(project.codebook.topLevel.map(\.name) == ["rq1_definition", "rq2_curriculum_and_instruction", "rq3_process"])
        let folded = try #require(project.codebook.code(path: "rq3_process/identity/computational_identity/cs_expertise/college › cs_major"))
        #expect(folded.memo == "Imported from REFI-QDA as `rq3_process → identity → computational_identity → cs_expertise → college → cs_major`; "
                + "renamed because it was nested 6 levels deep and a Markdown codebook holds 5.")
        #expect(project.codebook.code(path: "rq2_curriculum_and_instruction/curriculum/interdisciplinary_cs/other_subject_areas/humanities › english › writing") != nil)
        #expect(project.transcripts.map(\.id) == ["33663939-3636-3632-3038-613431643463", "66653866-6334-3535-3435-366637306566"])
        #expect(project.diagnostics.errorCount == 0)
    }

    @Test func qcProjectWithBarePaths() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("qc-1.3.2/demo.qdpx"))
        #expect(outcome.summary[1...] == ["2 text sources → transcripts", "205 codings by cp", "0 cases, 0 variables", "0 memos"])
        #expect(outcome.adjustments.last == "plainTextPath without `internal://` (e.g. `board_2017.txt`) read as a file in sources/")
        #expect(project.transcripts.map(\.id) == ["admin-1", "board_2017"])
        #expect(project.humanCodings.count == 205)
        #expect(project.unplacedCodings.isEmpty && project.movedCodings.isEmpty)
        #expect(project.coders == ["cp"])
        let first = try #require(project.codings.filter { $0.document == "board_2017" }.min { $0.start < $1.start })
        #expect(first.start == 320 && first.end == 400)
        #expect(first.code == "rq2_curriculum_and_instruction/pedagogy/fun")
        #expect(first.excerpt.hasPrefix("This district goal is engage every student in joyful, purposeful learning"))
        #expect(project.diagnostics.errorCount == 0)
    }

    /// The qc project's folder zipped whole (`zip -r demo-in-folder.qdpx demo`): the .qde is `demo/project.qde`
    /// and its sources are `demo/sources/…`, found beside it with every coding on the same words.
    @Test func qcProjectZippedInAFolder() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("qc-1.3.2/demo-in-folder.qdpx"))
        let (_, flat) = try RefiTestSupport.importInto(RefiTestSupport.sample("qc-1.3.2/demo.qdpx"))
        #expect(outcome.adjustments.first
                == "the project file is `demo/project.qde`, inside the folder `demo/`; its sources were read from beside it")
        #expect(!outcome.adjustments.contains { $0.contains("missing") })
        #expect(project.transcripts.map(\.id) == ["admin-1", "board_2017"])
        #expect(project.humanCodings.count == 205)
        #expect(project.codings.map(\.key) == flat.codings.map(\.key))
        #expect(project.codings.map(\.excerpt) == flat.codings.map(\.excerpt))
    }

    @Test func skyloomProjectWithMissingSources() throws {
        let (outcome, project) = try RefiTestSupport.importInto(RefiTestSupport.sample("skyloom-refi-qda-lib/TestProject.qdpx"))
        #expect(outcome.written == ["Codebooks/atlas-ti-standard-project.md", "Exchange/atlas-ti-standard-project-refi-qda.tsv",
                                    "Memos/project.md"])
        #expect(outcome.adjustments.contains("the project file is named `Project.qde`, not `project.qde`"))
        #expect(outcome.adjustments.contains("16 sets ignored: Coda has no sets of codes or documents"))
        #expect(outcome.leftOut.contains { $0.hasPrefix("6 sources' text files missing from the archive, so they were not imported (nor 7 codings on them): `1960s Coca Cola commercial - Audio.docx` (sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt)") })
        #expect(outcome.leftOut.last == "sources Coda cannot code were not imported: 1 AudioSource, 2 PDFSource, 1 PictureSource, 2 VideoSource")
        #expect(project.codebook.codes.count == 14)
        #expect(project.codebook.code(path: "Coke::diet Coke")?.definition == "non sucré")
        #expect(project.memos.map(\.text) == ["Research Plan\n\nday to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.",
                                              "My favorite Coke ad\n\nThis version is much better than the new Director’s cut"])
        #expect(project.memos.first?.author == "Friedrich Markgraf")
        #expect(project.memos.first?.date == "2018-03-27 19:38")
    }

    /// ATLAS.ti's example project (the spec's Annex A.2) comes as a bare .qde; zipped with a made-up text for
    /// one source whose selection names its words, code-point offsets are recognised past accented letters and emoji.
    @Test func atlasProjectWithOneSourceSupplied() throws {
        let qde = [UInt8](try Data(contentsOf: RefiTestSupport.sample("atlasti-8.4.0-spec-example/Project.qde")))
        let filler = "Café. 😀 " + String(repeating: "x", count: 131)
        #expect(filler.unicodeScalars.count == 139)
        let text = filler + "Oh, that was great. See you tomorrow? Eleven thirty. Mm. The end."
        let mabel = String(repeating: "é", count: 250) + "For some reason babies aren't supposed to have cow's milk that is low fat. "
            + String(repeating: "y", count: 200)
        let file = try RefiTestSupport.qdpx([("project.qde", qde), ("sources/230B768E-5A3D-42B7-BE92-2A3721177944.txt", Array(text.utf8)),
                                             ("sources/88293C71-CB70-4AB7-8413-C24110A19C2E.txt", Array(mabel.utf8))])
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.leftOut.contains { $0.hasPrefix("4 sources' text files missing from the archive") })
        #expect(outcome.adjustments.contains("source `Mabêl 2ième.txt`: 1 selection without a code not imported (Coda keeps only coded text; their comments became memos on the document)"))
        #expect(project.memos.first { $0.target == .document("Mabêl 2ième") }?.text
                == "Comment on “For some reason babies aren't supposed to have cow's milk…”: Mabel is not the only person I know who has Coke for breakfast!")
        #expect(!outcome.adjustments.contains { $0.contains("UTF-16") || $0.contains("UTF-8 bytes") })
        let coding = try #require(project.codings.first)
        #expect(project.codings.count == 1)
        #expect(coding.document == "1994 Diet Coke-Diet Coke Break")
        #expect(coding.code == "Coke::diet Coke")
        #expect(coding.coder == "Friedrich Markgraf")
        #expect(coding.time == "2018-03-27T19:29:27Z")
        #expect(coding.excerpt == "Oh, that was great. See you tomorrow? Eleven thirty. Mm.")
    }
}
