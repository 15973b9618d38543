import Foundation
import Testing
@testable import CodaKit

/// A real tool's file survives import → export → import: the other tool gets back its own GUIDs, folders and
/// descriptions, and Coda gets back the same codings, codes and sources.
@Suite("REFI-QDA round trip of another tool's identities")
struct RefiIdentityRoundTripTests {
    /// Every code's GUID, description and isCodable, sorted by GUID (codes nested deeper than five levels come
    /// back on the fifth level, named with their path).
    static func codeFields(_ nodes: [RefiCodeNode]) -> [String] {
        func walk(_ nodes: [RefiCodeNode]) -> [String] {
            nodes.flatMap { ["\($0.guid)|\($0.isCodable)|\($0.description)"] + walk($0.children) }
        }
        return walk(nodes).sorted()
    }

    static func readProject(_ bytes: [UInt8]) throws -> RefiProjectModel {
        let zip = try ZipReader(bytes: bytes, fileName: "x.qdpx")
        var reader = RefiReader(file: "x.qdpx")
        return reader.project(try RefiXMLTree.parse(try zip.data(named: "project.qde"), file: "project.qde"))
    }

    @Test func qcProjectKeepsItsIdentitiesAndCodings() throws {
        let original = RefiTestSupport.sample("qc-1.3.2/demo.qdpx")
        let (_, first) = try RefiTestSupport.importInto(original)
        let exported = try RefiProjectExport(project: first).archive(fileName: "again.qdpx")
        let file = TestSupport.temporaryFolder("coda-refi-identities").appendingPathComponent("again.qdpx")
        try Data(exported).write(to: file)
        let (_, second) = try RefiTestSupport.importInto(file)

        let before = try Self.readProject([UInt8](try Data(contentsOf: original)))
        let after = try Self.readProject(exported)
        #expect(Self.codeFields(after.codes) == Self.codeFields(before.codes))
        #expect(after.sources.map(\.guid) == before.sources.map(\.guid))
        #expect(after.users == before.users)
        let selections = Set(before.sources.flatMap { $0.selections.map(\.guid) })
        let given = after.sources.flatMap { $0.selections.map(\.guid) }
        #expect(selections.isSubset(of: Set(given)))
        #expect(Set(given).count == given.count)
        #expect(selections.count == 158 && given.count == 205)  // qc puts several codes on one selection; Coda one each

        #expect(second.codings.map(\.key) == first.codings.map(\.key))
        #expect(second.codings.map(\.excerpt) == first.codings.map(\.excerpt))
        #expect(second.codebook.codes.map(\.path) == first.codebook.codes.map(\.path))
        #expect(second.transcripts.map(\.text) == first.transcripts.map(\.text))
        // The codes', sources' and user's GUIDs are kept again by the second import (their fields may differ: a
        // description Coda gave back as written is no longer one it must remember).
        let kept = { (root: URL) in
            RefiIdentities.parse(RefiTestSupport.text(root, "Exchange/qc-project-refi-qda.tsv") ?? "")
                .filter { $0.kind != .selection }.map { "\($0.kind) \($0.name) \($0.guid)" }
        }
        #expect(kept(second.root).count == 265)  // 262 codes, 2 sources, 1 user
        #expect(kept(second.root) == kept(first.root))
    }

    /// The spec's example codebook has two folders and plain descriptions: they come back as written, and a
    /// code the researcher edits in Coda is exported with Coda's fields instead.
    @Test func codebookKeepsFoldersAndDescriptionsAsWritten() throws {
        let original = RefiTestSupport.sample("spec-annexA1/codebook_example.qdc")
        let (_, project) = try RefiTestSupport.importInto(original)
        var reader = RefiReader(file: "x.qdc")
        let before = reader.codes(in: try RefiXMLTree.parse([UInt8](try Data(contentsOf: original)), file: "x.qdc"))
        let identities = RefiIdentities(root: project.root)
        let exported = try RefiCodebookExport.qdc(project.codebook, identities: identities)
        let after = reader.codes(in: try RefiXMLTree.parse(Array(exported.utf8), file: "y.qdc"))
        #expect(Self.codeFields(after) == Self.codeFields(before))
        #expect(!exported.contains("Definition: "))
        #expect(exported.components(separatedBy: "isCodable=\"false\"").count == 3)

        var edited = project.codebook.codes
        let index = try #require(edited.firstIndex { $0.path == "Economy" })
        edited[index].definition = "Jobs, taxes, business and prices."
        let changed = try RefiCodebookExport.qdc(Codebook(codes: edited), identities: identities)
        #expect(changed.contains("<Description>Definition: Jobs, taxes, business and prices.</Description>"))
    }

    /// A code with only a note (a memo) keeps an empty description; the memo stays a note on the code.
    @Test func memoOnlyCodeStaysMemoOnly() throws {
        let code = "aaaaaaaa-0000-4000-8000-000000000001", note = "dddddddd-0000-4000-8000-000000000001"
        let codes = "<Code guid=\"\(code)\" name=\"Trust\" isCodable=\"true\"><NoteRef targetGUID=\"\(note)\"/></Code>"
        let notes = "<Notes><Note guid=\"\(note)\" name=\"About trust\"><PlainTextContent>Watch for staff "
            + "names.</PlainTextContent></Note></Notes>"
        let qde = RefiImportLenientTests.qde(codes: codes, sources: "", extra: notes)
        let (_, project) = try RefiTestSupport.importInto(try RefiTestSupport.qdpx([("project.qde", qde)]))
        let after = try Self.readProject(try RefiProjectExport(project: project).archive(fileName: "x.qdpx"))
        #expect(after.codes.map(\.description) == [""])
        #expect(after.codes.map(\.guid) == [code])
        #expect(after.notes.values.map(\.text) == ["About trust\n\nWatch for staff names."])
    }

    /// An NVivo-for-Windows-shaped source (UTF-8 with BOM, CRLF) is given back with the same bytes, its
    /// selections at code-point positions counting the CRs, and it reads back to the same codings.
    @Test func sourceBytesComeBackWithBOMAndCRLF() throws {
        let text = "Interviewer: How was it?\nAli: Great 😀 really.\nAli: The queue was long.\n"
        let stored = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let code = "aaaaaaaa-0000-4000-8000-000000000001"
        let source = RefiImportLenientTests.source
        // Code points counting the CRs.
        let selection = RefiImportLenientTests.selection("The queue was long", 53, 71, code: code)
        let sources = "<TextSource guid=\"\(source)\" name=\"Interview A\" "
            + "plainTextPath=\"internal://\(source).txt\">\(selection)</TextSource>"
        let qde = RefiImportLenientTests.qde(codes: RefiImportLenientTests.code(code, "Queues"), sources: sources)
        let file0 = try RefiTestSupport.qdpx([("project.qde", qde), ("sources/\(source).txt", stored)])
        let (_, first) = try RefiTestSupport.importInto(file0)
        #expect(first.codings.map(\.excerpt) == ["The queue was long"])
        let exported = try RefiProjectExport(project: first).archive(fileName: "x.qdpx")
        let zip = try ZipReader(bytes: exported, fileName: "x.qdpx")
        #expect(try zip.data(named: "sources/\(source).txt") == stored)
        let model = try Self.readProject(exported)
        #expect(model.sources.flatMap(\.selections).map { "\($0.start)-\($0.end)" } == ["53-71"])
        let file = TestSupport.temporaryFolder("coda-refi-bytes").appendingPathComponent("x.qdpx")
        try Data(exported).write(to: file)
        let (_, second) = try RefiTestSupport.importInto(file)
        #expect(second.codings.map(\.key) == first.codings.map(\.key))
        #expect(second.transcripts.map(\.text) == [text])
    }
}

@Suite("REFI-QDA identities of nested codes")
struct RefiNestedIdentityTests {
    /// A code whose GUID is the one Coda derives needs no entry of its own, but its children keep theirs.
    @Test func childOfACodeWithADerivedGUIDKeepsItsGUID() throws {
        let parent = RefiCodebookExport.guid(forCodePath: "Queues")
        let child = "5a8e3c1b-2f4d-4e6a-9b7c-0d1e2f3a4b5c"
        let qde = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Queues study" origin="MAXQDA 24.7">
              <CodeBook><Codes><Code guid="\(parent)" name="Queues" isCodable="true">
                <Code guid="\(child)" name="Waiting time" isCodable="true"/></Code></Codes></CodeBook>
            </Project>
            """
        let file = try RefiTestSupport.qdpx([("project.qde", Array(qde.utf8))])
        let (_, project) = try RefiTestSupport.importInto(file)
        let exported = try RefiProjectExport(project: project).archive(fileName: "again.qdpx")
        let codes = try RefiIdentityRoundTripTests.readProject(exported).codes
        #expect(codes.map { $0.guid.lowercased() } == [parent.lowercased()])
        #expect(codes.first?.children.map { $0.guid.lowercased() } == [child])
    }
}

/// The done-when check on real tools' projects: import → export → import → export loses nothing.
@Suite("REFI-QDA round trips of real tools' projects")
struct RefiRealToolRoundTripTests {
    static func export(_ project: Project) throws -> URL {
        let bytes = try RefiProjectExport(project: project).archive(fileName: "again.qdpx")
        let file = TestSupport.temporaryFolder("coda-refi-again").appendingPathComponent("again.qdpx")
        try Data(bytes).write(to: file)
        return file
    }

    @Test(arguments: ["qc-1.3.2/demo.qdpx", "nvivo-mac-15.0.0/nvivo_project.qdpx"])
    func projectSurvivesImportExportImport(_ sample: String) throws {
        let original = RefiTestSupport.sample(sample)
        let (_, first) = try RefiTestSupport.importInto(original)
        let once = try Self.export(first)
        let (_, second) = try RefiTestSupport.importInto(once)
        let twice = try Self.export(second)

        // Coda reads the same project both times: codings (with memos and words), codes, sources.
        let coding = { (c: Coding) in
            "\(c.document)|\(c.code)|\(c.start)|\(c.end)|\(c.coder)|\(c.time)|\(c.memo)|\(c.excerpt)"
        }
        #expect(second.humanCodings.map(coding) == first.humanCodings.map(coding))
        // A code nested deeper than five levels is exported on the fifth level; its memo's note on that rename
        // (`Imported from REFI-QDA as …`) explains the first import and is not repeated by the second.
        let code = { (c: Code) in
            RefiRoundTripTests.summary(c).map {
                $0.hasPrefix("Imported from REFI-QDA as `") && c.name.contains(" › ") ? "" : $0
            }
        }
        #expect(second.codebook.codes.map(code) == first.codebook.codes.map(code))
        #expect(second.transcripts.map { "\($0.id)|\($0.text)" } == first.transcripts.map { "\($0.id)|\($0.text)" })
        // The other tool gets back its own codes (GUIDs, descriptions, folders), sources and users, both times.
        let before = try RefiIdentityRoundTripTests.readProject([UInt8](try Data(contentsOf: original)))
        for file in [once, twice] {
            let after = try RefiIdentityRoundTripTests.readProject([UInt8](try Data(contentsOf: file)))
            let fields = RefiIdentityRoundTripTests.codeFields
            #expect(fields(after.codes) == fields(before.codes))
            #expect(after.sources.map(\.guid) == before.sources.map(\.guid))
            #expect(after.users == before.users)
            let selections = Set(before.sources.flatMap { $0.selections.filter { !$0.codings.isEmpty }.map(\.guid) })
            #expect(selections.isSubset(of: Set(after.sources.flatMap { $0.selections.map(\.guid) })))
        }
        #expect(try Data(contentsOf: twice) == (try Data(contentsOf: once)))
    }
}
