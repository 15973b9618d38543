import Foundation
import Testing
@testable import CodaKit

/// Coda's own XML reader: what it reads, the exact faults it reports with line and column, its limits, and the
/// inputs that crashed the platform parser (`<?x?>`, broken encoding declarations, 100,000-deep nesting).
@Suite struct XMLReaderTests {
    /// All events of `xml`, adjacent text merged; or the error.
    static func events(_ xml: String) -> Result<[XMLEvent], XMLError> {
        events(Array(xml.utf8))
    }

    static func events(_ bytes: [UInt8], limits: XMLLimits = .standard) -> Result<[XMLEvent], XMLError> {
        do throws(XMLError) {
            var reader = try XMLReader(bytes, limits: limits)
            var out: [XMLEvent] = []
            while let event = try reader.next() {
                if case let .text(more) = event, case let .text(text)? = out.last {
                    out[out.count - 1] = .text(text + more)
                } else {
                    out.append(event)
                }
            }
            return .success(out)
        } catch {
            return .failure(error)
        }
    }

    static func name(_ qualified: String, _ namespace: String? = nil) -> XMLName {
        XMLName(qualified: qualified, namespace: namespace)
    }

    @Test func elementsAttributesTextCDATAAndReferences() throws {
        let xml = "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- a comment -->\n"
            + "<a x=\"1 &amp; 2\" y='&#65;&#x1F600;&lt;'>one &gt; <![CDATA[<two> & ]]>three<b/><?pi data?></a>\n"
        let events = try Self.events(xml).get()
        #expect(events == [
            .start(XMLTag(name: Self.name("a"), attributes: [
                XMLAttribute(name: Self.name("x"), value: "1 & 2"), XMLAttribute(name: Self.name("y"), value: "A😀<"),
            ])),
            .text("one > <two> & three"),
            .start(XMLTag(name: Self.name("b"), attributes: [])), .end(Self.name("b")),
            .end(Self.name("a")),
        ])
    }

    @Test func lineEndsAreNormalisedInTextAndAttributes() throws {
        let events = try Self.events("<a v=\"x\r\ny\tz\">one\r\ntwo\rthree<![CDATA[\r\n]]></a>").get()
        #expect(events[0] == .start(XMLTag(name: Self.name("a"), attributes: [XMLAttribute(name: Self.name("v"), value: "x y z")])))
        #expect(events[1] == .text("one\ntwo\nthree\n"))
    }

    @Test func namespacesAreScopedToTheirElement() throws {
        let xml = "<w:doc xmlns:w=\"urn:w\" xmlns=\"urn:d\"><p/><w:p xmlns:w=\"urn:other\"/><w:q/><x:r/></w:doc>"
        let starts = try Self.events(xml).get().compactMap { event -> XMLName? in
            if case let .start(tag) = event { return tag.name } else { return nil }
        }
        #expect(starts.map(\.namespace) == ["urn:w", "urn:d", "urn:other", "urn:w", nil])
        #expect(starts.map { String($0.local) } == ["doc", "p", "p", "q", "r"])
    }

    /// The platform parser read a null pointer on a processing instruction with no data.
    @Test(arguments: ["<?x?><a/>", "<a><?x?></a>", "<a/><?x?>", "<a><?x ?>t</a>"])
    func processingInstructionsWithoutDataAreSkipped(xml: String) throws {
        let events = try Self.events(xml).get()
        #expect(events.first == .start(XMLTag(name: Self.name("a"), attributes: [])))
        #expect(events.last == .end(Self.name("a")))
    }

    /// Broken XML declarations (the platform parser crashed on one in a 36-byte `word/document.xml`).
    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"", "the value of encoding is not closed (line 1, column 30)"),
        ("<?xml version=\"1.0\" encoding=\"\"?><a/>", "it declares the encoding \"\", not UTF-8 (line 1, column 21)"),
        ("<?xml version=\"1.0\" encoding=UTF-8?><a/>", "the value of encoding must be in quotes (line 1, column 30)"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
         "it declares the encoding ISO-8859-1, not UTF-8 (line 1, column 21)"),
        ("<?xml version=\"1.0\" encoding=\"\u{7F}\u{80}\"?><a/>",
         "it declares the encoding \u{7F}\u{80}, not UTF-8 (line 1, column 21)"),
        ("<?xml encoding=\"UTF-8\"?><a/>", "the XML declaration must begin with version=\"1.0\" (line 1, column 1)"),
        ("<?xml version=\"2.0\"?><a/>", "the XML version \"2.0\" is not 1.x (line 1, column 7)"),
        ("<?xml version=\"1.0\"encoding=\"UTF-8\"?><a/>",
         "the XML declaration is malformed; it should read <?xml version=\"1.0\" encoding=\"UTF-8\"?> (line 1, column 1)"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" version=\"1.0\"?><a/>",
         "version is out of place in the XML declaration (line 1, column 38)"),
        ("<a/><?xml version=\"1.0\"?>",
         "an XML declaration may only stand at the very start of the document (line 1, column 5)"),
    ] as [(String, String)])
    func brokenDeclarations(xml: String, message: String) {
        #expect(Self.events(xml).failure?.description == message)
    }

    @Test(arguments: [
        ("", "it has no root element (line 1, column 1)"),
        ("<a>", "the document ends inside <a>, opened on line 1 (line 1, column 4)"),
        ("<a>\n  <b>\n</a>", "</a> does not close <b>, opened on line 2 (line 3, column 1)"),
        ("<a/><b/>", "a second root element <b> follows the first; a document has one root (line 1, column 5)"),
        ("hello<a/>",
         "text stands before the root element; everything must be inside one root element (line 1, column 1)"),
        ("<a/>\nbye",
         "text stands after the root element; everything must be inside one root element (line 2, column 1)"),
        ("<a x='1' x='2'/>", "the attribute x appears twice in <a> (line 1, column 10)"),
        ("<a x='1'y='2'/>", "expected a space, '>' or '/>' in the tag <a> (line 1, column 9)"),
        ("<a x='<'/>", "'<' in the value of x; write it as '&lt;' (line 1, column 7)"),
        ("<a>&nbsp;</a>",
         "the entity &nbsp; is not one of XML's five (&lt; &gt; &amp; &apos; &quot;), and Coda does not read DTDs (line 1, column 4)"),
        ("<a>fish & chips</a>",
         "'&' starts no reference ending in ';'; write a plain ampersand as '&amp;' (line 1, column 9)"),
        ("<a>&#0;</a>", "&#0; is not a character XML allows (line 1, column 4)"),
        ("<a>&#xD800;</a>", "&#xD800; is not a character XML allows (line 1, column 4)"),
        ("<a>&#99999999999;</a>", "&#99999999999; is not a character XML allows (line 1, column 4)"),
        ("<a>]]></a>", "']]>' may only end a CDATA section; write it as ']]&gt;' in text (line 1, column 4)"),
        ("<a><!-- open</a>", "a comment is not closed with '-->' (line 1, column 4)"),
        ("<a><![CDATA[x</a>", "a CDATA section is not closed with ']]>' (line 1, column 4)"),
        ("<a><?pi</a>", "the processing instruction <?pi is not closed with '?>' (line 1, column 4)"),
        ("<a><!ELEMENT a ANY></a>", "'<!' starts neither a comment nor a CDATA section (line 1, column 4)"),
        ("<1a/>", "expected an element name, found '1' (line 1, column 2)"),
        ("<a></ a>", "expected an element name, found ' ' (line 1, column 6)"),
        ("</a>", "the end tag </a> closes nothing (line 1, column 1)"),
        ("<a>\u{1}</a>", "it contains the control character U+0001, which XML does not allow (line 1, column 4)"),
        ("<a>é\u{0}</a>", "it contains the control character U+0000, which XML does not allow (line 1, column 5)"),
    ] as [(String, String)])
    func malformedDocuments(xml: String, message: String) {
        #expect(Self.events(xml).failure?.description == message)
    }

    /// A DTD is refused before anything in it is read: no entity is expanded and no external file is opened.
    @Test(arguments: [
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><d>&b;</d>",
        "<!DOCTYPE d SYSTEM \"file:///etc/passwd\"><d>&xxe;</d>",
        "<!DOCTYPE d [<!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p;]><d/>",
    ])
    func documentTypeDeclarationsAreRefused(xml: String) {
        let message = Self.events(xml).failure?.reason
        #expect(message == "it has a document type declaration, which Coda does not read (no exchange or Word file has one)")
    }

    @Test func encodingsOtherThanUTF8AreRefusedWithThePlace() throws {
        #expect(Self.events([0xFF, 0xFE, 0x3C, 0]).failure?.description == "it is UTF-16, not UTF-8 (line 1, column 1)")
        let latin1 = Array("<a>\nna".utf8) + [0xEF, 0x76, 0x65] + Array("</a>".utf8)
        #expect(Self.events(latin1).failure?.description == "it is not valid UTF-8 at byte 6 (line 2, column 3)")
        let withBOM = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>".utf8)
        #expect(try Self.events(withBOM).get().count == 3)
    }

    /// 100,000 nested elements once crashed import with a stack overflow; now they stop at the depth limit.
    @Test func deepNestingStopsAtTheDepthLimit() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(Self.events(xml).failure?.description == "elements nest more than 256 levels deep (line 1, column 769)")
        let fits = String(repeating: "<a>", count: 256) + "x" + String(repeating: "</a>", count: 256)
        #expect((try? Self.events(fits).get())?.count == 513)
    }

    @Test func limitsOnAttributesNamesAndSize() {
        var limits = XMLLimits()
        limits.maxAttributes = 2
        #expect(Self.events(Array("<a x='1' y='2' z='3'/>".utf8), limits: limits).failure?.reason
                == "<a> has more than 2 attributes")
        limits.maxNameLength = 4
        #expect(Self.events(Array("<abcde/>".utf8), limits: limits).failure?.reason == "a name is longer than 4 bytes")
        limits.maxBytes = 10
        #expect(Self.events(Array("<a>0123456789</a>".utf8), limits: limits).failure?.reason
                == "the document is 17 bytes, more than the 10 Coda reads")
    }

    // MARK: The crashing inputs, through the importers

    static let codebookHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"

    @Test func processingInstructionInACodebookImports() throws {
        let qdc = Self.codebookHead + "<?x?><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"Queues\" isCodable=\"true\"/>"
            + "</Codes></CodeBook>"
        let folder = TestSupport.temporaryFolder("coda-xml-pi")
        let file = folder.appendingPathComponent("pi.qdc")
        try Data(qdc.utf8).write(to: file)
        let (_, project) = try RefiTestSupport.importInto(file)
        #expect(project.codebook.codes.map(\.name) == ["Queues"])
    }

    @Test func deeplyNestedCodebookIsAClearError() throws {
        let code = "<Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"C\" isCodable=\"true\">"
        let qdc = Self.codebookHead + String(repeating: code, count: 100_000) + String(repeating: "</Code>", count: 100_000)
            + "</Codes></CodeBook>"
        let (error, left) = try ImportCorruptFileTests.failure(Array(qdc.utf8), as: "deep.qdc")
        #expect(error.hasPrefix("deep.qdc: error: the file is not well-formed XML (line 1, column "), "got: \(error)")
        #expect(error.contains("elements nest more than 256 levels deep"))
        #expect(left.isEmpty)
    }

    @Test func processingInstructionInAWordDocumentImports() throws {
        let document = ImportCorruptFileTests.document.replacingOccurrences(of: "<w:body>", with: "<w:body><?x?>")
        let bytes = try ImportCorruptFileTests.docx([("word/document.xml", document)])
        #expect(try DocxImport.read(bytes, file: "x.docx", defaultID: "x").format == "Word document, 1 paragraph")
    }

    @Test(arguments: ["<?xml version=\"1.0\" encoding=\"\u{1}\"?><w:document/>", "<?xml version=\"1.0\" encoding=\"",
                      "<?xml version=\"1.0\" encoding=\"\u{FF}\"?>"])
    func brokenDeclarationsInAWordDocumentAreErrors(document: String) throws {
        let bytes = try ImportCorruptFileTests.docx([("word/document.xml", document)])
        let (error, left) = try ImportCorruptFileTests.failure(bytes, as: "P44.docx")
        #expect(error.hasPrefix("P44.docx: error: word/document.xml is damaged: "), "got: \(error)")
        #expect(left.isEmpty)
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
