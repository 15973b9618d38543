import Foundation
import Testing
@testable import CodaKit

/// Files that cannot be imported: each gives a clear error naming the file and the problem, and nothing is written.
/// Also fuzz-style runs of the DOCX reader on truncated and mutated real documents: an error or a result, never a trap.
@Suite struct ImportCorruptFileTests {
    /// Imports `bytes` saved as `name` into a fresh project; returns the error's text and what the project holds after.
    static func failure(_ bytes: [UInt8], as name: String, options: ImportOptions = ImportOptions()) throws -> (String, [String]) {
        let folder = TestSupport.temporaryFolder("coda-import-src")
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let project = TestSupport.project([:])
        var message = "no error"
        do {
            _ = try Importer.run(file, into: project, options: options)
        } catch let error as any CodaError {
            message = error.description
        }
        let left = FileManager.default.enumerator(atPath: project.path)?.compactMap { $0 as? String }.filter { $0 != "Transcripts" } ?? []
        return (message, left)
    }

    static func docx(_ parts: [(String, String)]) throws -> [UInt8] {
        var writer = ZipWriter(fileName: "x.docx")
        for (name, text) in parts { try writer.addFile(name, contents: Array(text.utf8)) }
        return try writer.finish()
    }

    static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
    <w:p><w:r><w:t>Interviewer: Halo</w:t></w:r></w:p></w:body></w:document>
    """

    @Test(arguments: [
        ("empty.docx", [], "empty.docx: error: the file is empty"),
        ("notes.docx", Array("Interviewer: this is plain text saved with the wrong name\n".utf8),
         "notes.docx: error: `notes.docx` is not a zip archive (it may be damaged or not really a .docx)"),
        ("empty.vtt", Array("  \n".utf8), "empty.vtt:1: error: a WebVTT file must start with the line `WEBVTT`"),
        ("no-header.vtt", Array("1\n00:00:01.000 --> 00:00:02.000\nHalo\n".utf8),
         "no-header.vtt:1: error: a WebVTT file must start with the line `WEBVTT`\n  hint: this looks like an SRT file: rename it to .srt"),
        ("bad-timing.vtt", Array("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHalo\n\n00:00:03,00x --> 00:00:04.000\nLagi\n".utf8),
         "bad-timing.vtt:6: error: the cue timing `00:00:03,00x --> 00:00:04.000` cannot be read"),
        ("no-cues.vtt", Array("WEBVTT\n\nNOTE only a note\n".utf8), "no-cues.vtt: error: the WebVTT file has no cues, so there is nothing to import"),
        ("bad-timing.srt", Array("1\n00:00:01,000 --> 00:00:02,000\nHalo\n\n2\n00:00:03,000 -> 00:00:04,000\nLagi\n".utf8),
         "bad-timing.srt:6: error: after subtitle 2, the timing line `00:00:03,000 -> 00:00:04,000` cannot be read"),
        ("cut.srt", Array("1\n00:00:01,000 --> 00:00:02,000\nHalo\n\n2\n".utf8), "cut.srt:5: error: subtitle 2 has no timing line"),
        ("prose.srt", Array("Dear participant,\nthank you.\n".utf8),
         "prose.srt:1: error: an SRT file starts with a subtitle number and a timing line, not `Dear participant,`"),
        ("blank.txt", Array("\n\n  \n".utf8), "blank.txt: error: the file has no text, so there is nothing to import"),
        ("zipped.txt", Array("PK\u{3}\u{4}rest".utf8), "zipped.txt: error: this is a zip archive (perhaps a Word document), not a .txt text file"),
        ("open.txt", Array("---\nid: P01\nInterviewer: Halo\n".utf8), "open.txt:1: error: the header that starts here is never closed"),
    ] as [(String, [UInt8], String)])
    func textAndArchiveErrors(name: String, bytes: [UInt8], message: String) throws {
        let (error, left) = try Self.failure(bytes, as: name)
        #expect(error.hasPrefix(message), "got: \(error)")
        #expect(left.isEmpty, "nothing written: \(left)")
    }

    @Test func docxWithoutDocumentPart() throws {
        let bytes = try Self.docx([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<styles/>")])
        let (error, left) = try Self.failure(bytes, as: "P40.docx")
        #expect(error.hasPrefix("P40.docx: error: the zip archive has no word/document.xml, so it is not a Word document"))
        #expect(left.isEmpty)
    }

    @Test func docxWithBrokenXML() throws {
        let broken = String(Self.document.dropLast(30))
        let (error, left) = try Self.failure(try Self.docx([("word/document.xml", broken)]), as: "P41.docx")
        #expect(error.hasPrefix("P41.docx: error: word/document.xml is damaged: the end tag </w:> is not closed with '>' (line 3, column 43)"), "got: \(error)")
        #expect(left.isEmpty)
    }

    /// Bytes that are not UTF-8, a DTD with entities, another encoding, UTF-16 and a cut tag end in a clear error.
    @Test(arguments: [
        (Array("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:fldCh".utf8)
            + [0xD1] + Array("r w:fldCharType=\"begin\"/></w:r></w:p></w:body></w:document>".utf8),
         "word/document.xml is damaged: it is not valid UTF-8 at byte 109 (line 1, column 110)"),
        (Array("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>".utf8),
         "word/document.xml is damaged: it has a document type declaration"),
        (Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><w:document/>".utf8),
         "word/document.xml is damaged: it declares the encoding ISO-8859-1, not UTF-8"),
        ([0xFF, 0xFE] + Array("<".utf8) + [0], "word/document.xml is damaged: it is UTF-16, not UTF-8"),
        (Array("<w:".utf8), "word/document.xml is damaged: the tag <w:> is not closed with '>' (line 1, column 1)"),
    ] as [([UInt8], String)])
    func xmlThatIsRefusedBeforeParsing(xml: [UInt8], message: String) throws {
        var writer = ZipWriter(fileName: "x.docx")
        try writer.addFile("word/document.xml", contents: xml)
        let (error, left) = try Self.failure(try writer.finish(), as: "P43.docx")
        #expect(error.hasPrefix("P43.docx: error: " + message), "got: \(error)")
        #expect(left.isEmpty)
    }

    @Test func docxWithNoText() throws {
        let empty = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"
        let (error, _) = try Self.failure(try Self.docx([("word/document.xml", empty)]), as: "P42.docx")
        #expect(error.hasPrefix("P42.docx: error: the Word document has no text, so there is nothing to import"))
    }

    @Test func docxFoundByTheRelationshipAndLetterCase() throws {
        let bytes = try Self.docx([
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/Word/Main.XML\"/></Relationships>"),
            ("word/main.xml", Self.document),
        ])
        let zip = try ZipReader(bytes: bytes, fileName: "x.docx")
        #expect(try DocxPackage.mainDocument(in: zip, file: "x.docx").name == "word/main.xml")
        #expect(try DocxImport.read(bytes, file: "x.docx", defaultID: "x").format == "Word document, 1 paragraph")
    }

    @Test(arguments: [
        ("old-word-P22.doc", "this is an old-style Word file (.doc) or a password-protected document, not a .docx"),
        ("opendocument-P22.odt", "it looks like an OpenDocument file (.odt): open it in LibreOffice or Word and save it as .docx"),
    ])
    func otherOfficeFilesNamedDocx(fixture: String, message: String) throws {
        let (error, left) = try Self.failure(try ImportFixture.bytes(fixture), as: "P22.docx")
        #expect(error.contains(message), "got: \(error)")
        #expect(left.isEmpty)
    }

    @Test func truncatedDocxIsAClearError() throws {
        let bytes = try ImportFixture.bytes("libreoffice-P22.docx")
        let (error, left) = try Self.failure(Array(bytes.prefix(bytes.count / 2)), as: "P22.docx")
        #expect(error.hasPrefix("P22.docx: error: `P22.docx` is "), "got: \(error)")
        #expect(left.isEmpty)
    }

    // MARK: Fuzz-style: the DOCX reader on damaged real documents

    static let realDocuments = ["libreoffice-P22.docx", "libreoffice-table-P23.docx", "pandoc-P27.docx", "word-shaped-P33.docx"]

    /// Every error a damaged document may give is one of Coda's own, with a message.
    static func read(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try DocxImport.read(bytes, file: "fuzz.docx", defaultID: "fuzz")
            return true
        } catch let error as any CodaError {
            return !error.diagnostic.message.isEmpty
        } catch {
            return false
        }
    }

    @Test(arguments: realDocuments)
    func everyTruncationOfARealDocument(name: String) throws {
        let bytes = try ImportFixture.bytes(name)
        let step = max(1, bytes.count / 400)
        for length in stride(from: 0, to: bytes.count, by: step) {
            #expect(Self.read(Array(bytes.prefix(length))), "truncated to \(length) bytes")
        }
    }

    @Test(arguments: realDocuments)
    func randomDamageToARealDocument(name: String) throws {
        let bytes = try ImportFixture.bytes(name)
        var random = ZipTestRandom(seed: UInt64(name.utf8.count) &* 7919)
        for round in 0..<300 {
            #expect(Self.read(random.mutate(bytes)), "mutation \(round)")
        }
    }

    /// Damaged subtitles and text exports: each is refused with an error, or read and then written so that it
    /// reads back exactly (the composer's own check never fails on what a reader produced).
    @Test(arguments: ["zoom-P21.vtt", "teams-S03.vtt", "subtitles-R204.srt", "otter-P26.txt", "rev-P28.txt", "coda-P29.txt"])
    func textReadersOnDamagedInput(name: String) throws {
        let bytes = try ImportFixture.bytes(name)
        let ext = URL(fileURLWithPath: name).pathExtension
        var random = ZipTestRandom(seed: UInt64(bytes.count))
        for round in 0..<300 {
            let damaged = round % 4 == 0 ? Array(bytes.prefix(round * 3)) : random.mutate(bytes)
            do {
                let source = try TranscriptImport.read(damaged, ext: ext, file: name, defaultID: "X", encoding: nil)
                _ = try TranscriptComposer.compose(source, header: [("id", "X")], keptSpeakers: nil,
                                                   path: "Transcripts/X.md", id: "X", file: name)
            } catch let error as ImportError {
                #expect(!error.description.contains("could not write"), "round \(round): \(error)")
            } catch {
                Issue.record("round \(round): \(error)")
            }
        }
    }

    @Test func damagedDocumentXMLInsideAGoodZip() throws {
        var random = ZipTestRandom(seed: 33)
        let xml = Array(try String(contentsOf: ImportFixture.url("src/word-shaped/word/document.xml"), encoding: .utf8).utf8)
        for round in 0..<300 {
            var writer = ZipWriter(fileName: "x.docx")
            try writer.addFile("word/document.xml", contents: round % 3 == 0 ? Array(xml.prefix(round * 13)) : random.mutate(xml))
            #expect(Self.read(try writer.finish()), "mutation \(round)")
        }
        for round in 0..<100 {
            #expect(Self.read(random.bytes(round * 7)), "random bytes \(round)")
        }
    }
}
