import Foundation
import Testing
@testable import CodaKit

@Suite("REFI-QDA export")
struct RefiExportTests {
    @Test func guidsAreDeterministicVersion5StyleUUIDs() {
        let a = RefiGUID.make("code:problems/queues")
        #expect(a == RefiGUID.make("code:problems/queues"))
        #expect(a != RefiGUID.make("code:problems/queue"))
        #expect(RefiGUID.isValid(a))
        let parts = a.split(separator: "-")
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(parts[2].hasPrefix("5"))
        #expect("89ab".contains(parts[3].first ?? "x"))
        #expect(RefiGUID.isValid("{5215cc69-b628-4e02-afb9-9beeaee55808}"))
        #expect(!RefiGUID.isValid("c001"))
    }

    @Test func codeDescriptionsHoldTheGuidanceAndReadBack() throws {
        let project = Project.load(TestSupport.packageRoot)
        let code = try #require(project.codebook.code(path: "Flower of Service/Information"))
        let text = RefiCodeDescription.text(for: code)
        #expect(text.hasPrefix("Definition: What participants need to know"))
        #expect(text.contains("\nInclude: Missing or unclear information"))
        #expect(text.contains("\nExample: \"Clear information from the beginning. One list: bring this, this and this.\" (R017)"))
        var back = Code(name: code.name, pathComponents: code.pathComponents, location: code.location)
        RefiCodeDescription.apply(text, to: &back)
        #expect(back.definition == code.definition)
        #expect(back.examples == code.examples)
        #expect(back.keywords == code.keywords)
    }

    @Test func exportQDCWritesTheCodebook() throws {
        let folder = TestSupport.temporaryFolder()
        let run = TestSupport.run(["export", "qdc", folder.appendingPathComponent("codebook.qdc").path, "--project", TestSupport.packageRoot.path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("codebook.qdc: 18 codes\n"))
        let xml = try #require(RefiTestSupport.text(folder, "codebook.qdc"))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Coda\">"))
        #expect(xml.contains("name=\"Queues\" isCodable=\"true\""))
        #expect(xml.contains("guid=\"\(RefiCodebookExport.guid(forCodePath: "Problems/Queues"))\""))
        #expect(xml.contains("color=\"#2e7d32\""))
    }

    @Test func exportQDPXIsDeterministicAndHoldsTheDocumentTexts() throws {
        let folder = TestSupport.temporaryFolder()
        let run1 = TestSupport.run(["export", "qdpx", folder.appendingPathComponent("a.qdpx").path, "--project", TestSupport.packageRoot.path])
        let run2 = TestSupport.run(["export", "qdpx", folder.appendingPathComponent("b.qdpx").path, "--project", TestSupport.packageRoot.path])
        #expect(run1.code == .success && run2.code == .success)
        #expect(run1.stdout.contains("a.qdpx: 18 codes, 6 documents, 426 codings, 2 users"))
        let a = try Data(contentsOf: folder.appendingPathComponent("a.qdpx"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.qdpx"))))

        let project = Project.load(TestSupport.packageRoot)
        let zip = try ZipReader(bytes: [UInt8](a), fileName: "a.qdpx")
        #expect(zip.entries.map(\.name).first == "project.qde")
        #expect(zip.entries.count == 1 + project.documentsInOrder.count)
        for document in project.documentsInOrder {
            let bytes = try zip.data(named: "sources/\(RefiProjectExport.derivedSourceGUID(document.id)).txt")
            #expect(String(decoding: bytes, as: UTF8.self) == document.text)
        }
        let qde = String(decoding: try zip.data(named: "project.qde"), as: UTF8.self)
        // One selection per coding, and one per respondent's non-empty open answer (named by the respondent).
        let survey = try #require(project.survey("pre-survey"))
        let q4 = try #require(survey.findColumn("Q4"))
        let answers = survey.respondents.filter { !$0.values[q4.index].isEmpty }.count
        #expect(answers > 100)
        #expect(qde.components(separatedBy: "<PlainTextSelection ").count - 1 == 426 + answers)
        #expect(qde.components(separatedBy: "<SelectionRef ").count - 1 == answers)
        #expect(qde.contains("<User guid=\"\(RefiGUID.make("user:amir"))\" name=\"amir\"/>"))
        #expect(qde.contains("name=\"pre-survey:Q4\" plainTextPath=\"internal://\(RefiProjectExport.derivedSourceGUID("pre-survey:Q4")).txt\""))
        #expect(qde.contains("creationDateTime=\"2022-08-20T09:10:00Z\""))
        // The survey is a set that describes its layout; each column a variable described by the question's text.
        #expect(qde.contains("<Set guid=\"\(RefiGUID.make("set:survey:pre-survey"))\" name=\"pre-survey\">"))
        #expect(qde.contains("\nrow\t\(RefiGUID.make("variable:survey-row:pre-survey"))\nfile\t# Column kinds"))
        #expect(qde.contains("name=\"Q1\" typeOfVariable=\"Text\">"))
        #expect(qde.contains("<Description>Q1. Do you know the Jamsostek Mobile (JMO) app? (closed column of the "
                             + "survey pre-survey)</Description>"))
        #expect(qde.contains("name=\"pre-survey row\" typeOfVariable=\"Integer\">"))
    }

    @Test func exportRefusesAFileWithoutTheExtension() {
        let run = TestSupport.run(["export", "qdpx", "study.zip", "--project", TestSupport.packageRoot.path])
        #expect(run.code == .usage)
        #expect(run.stderr.hasPrefix("error: `study.zip` does not end in .qdpx\n  hint: name the file like `study.qdpx`"))
    }

    @Test(.enabled(if: RefiTestSupport.hasXmllint)) func exportsAreValidAgainstTheSchemas() throws {
        let project = Project.load(TestSupport.packageRoot)
        let qdc = try RefiCodebookExport.qdc(project.codebook)
        let codebookResult = try RefiTestSupport.validate(qdc, schema: RefiTestSupport.codebookSchema)
        #expect(codebookResult.status == 0, "\(codebookResult.output)")
        let qde = RefiProjectExport(project: project).qde()
        let projectResult = try RefiTestSupport.validate(qde, schema: RefiTestSupport.projectSchema)
        #expect(projectResult.status == 0, "\(projectResult.output)")
        #expect(projectResult.output.contains("validates"))
    }

    @Test(.enabled(if: RefiTestSupport.hasXmllint)) func theValidatorCatchesTheInvalidSamples() throws {
        let emptySets = try String(contentsOf: RefiTestSupport.sample("synthetic-negative/taguette_style_empty_sets.qdc"), encoding: .utf8)
        #expect(try RefiTestSupport.validate(emptySets, schema: RefiTestSupport.codebookSchema).status != 0)
        let badGUID = try String(contentsOf: RefiTestSupport.sample("synthetic-negative/bad_guid_and_color.qdc"), encoding: .utf8)
        #expect(try RefiTestSupport.validate(badGUID, schema: RefiTestSupport.codebookSchema).status != 0)
    }
}
