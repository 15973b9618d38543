import Foundation
import Testing
@testable import CodaKit

/// DOCX import on documents written by LibreOffice and pandoc and on a Word-shaped package, and the body parser.
@Suite struct ImportDocxTests {
    typealias Turn = ImportFixture.Turn

    @Test func libreOfficeParagraphsWithBoldNamesBreaksAndAFootnote() throws {
        let result = try ImportFixture.importing("libreoffice-P22.docx")
        ImportFixture.expectTurns(result.transcript, [
            Turn(nil, nil, "Interview P22 – JMO and the JHT claim"),
            Turn(nil, nil, "Kantor cabang Bekasi, 14 March 2024\tInterviewer: Researcher"),
            Turn("Interviewer", nil, "Pak Agus, thank you for coming."),
            Turn("Pak Agus", nil, "Yes, last month. My balance was under ten million, so the app allowed it."),
            Turn("Interviewer", nil, "How long did it take?"),
            Turn("Pak Agus", nil, "Filling the form, maybe fifteen minutes.\nBut the money came after nine days."),
            Turn("Interviewer", nil, "Did the app tell you"),
            Turn("Pak Agus", nil, "There is a status, \"dalam proses\""),
            Turn("Interviewer", nil, "What made you wait?"),
            Turn("Pak Agus", nil, "My neighbour said"),
        ])
        #expect(result.transcript.segments[3].text == "Yes, last month. My balance was under ten million, so the app allowed it.",
                "the footnote's text is not read")
        #expect(result.outcome.adjustments == ["1 footnote or endnote dropped"])
        #expect(result.transcript.attribute("duration") == nil)
    }

    @Test func libreOfficeTablesReadRowByRow() throws {
        let result = try ImportFixture.importing("libreoffice-table-P23.docx")
        ImportFixture.expectTurns(result.transcript, [
            Turn(nil, nil, "Interview P23"),
            Turn(nil, nil, "Date | 19 March 2024"),
            Turn(nil, nil, "Place | Kantor cabang Makassar"),
            Turn(nil, nil, "Speaker | Text"),
            Turn("Interviewer", nil, "Ibu Rina, you are the HR officer"),
            Turn("Ibu Rina", nil, "The young ones, yes."),
            Turn("Interviewer", nil, "How do you check it for them?"),
            Turn("Ibu Rina", nil, "I log in with their email on my phone. I know it is not ideal"),
            Turn("Interviewer", nil, "Does the company get any report"),
            Turn("Ibu Rina", nil, "Only the SIPP online for the employer. The workers see nothing unless they open JMO.\n\nRecording stopped"),
        ])
        #expect(result.outcome.summary.first == "read as Word document, 11 paragraphs (table rows included, 2 tables)")
    }

    @Test func libreOfficeTrackedChangesAreAccepted() throws {
        let result = try ImportFixture.importing("libreoffice-tracked-P24.docx")
        let texts = result.transcript.segments.map(\.text)
        #expect(result.transcript.segments.map(\.speaker) == ["Interviewer", "Mas Bayu", "Interviewer", "Mas Bayu", "Interviewer", "Mas Bayu"])
        #expect(texts[1] == "Yes, I waited almost two hours in the queue, and then the officer did it in five minutes.")
        #expect(texts[3] == "The OTP never arrived. My number was registered with the old company, not with me.")
        #expect(!result.text.contains("three") && !result.text.contains("(unclear)"))
        #expect(result.outcome.adjustments == ["tracked changes accepted: 2 insertions kept, 2 deletions dropped"])
    }

    @Test func libreOfficeCommentsAreDropped() throws {
        let result = try ImportFixture.importing("libreoffice-comments-P25.docx")
        #expect(result.transcript.segments.count == 6)
        #expect(result.transcript.segments[1].text == "Only for the card. When I went to the hospital after my accident at work, they asked for it.")
        #expect(result.transcript.segments[5].text == "The app logged me out, and I forgot my PIN. My son had to reset it with the email.")
        #expect(!result.text.contains("Possible code") && !result.text.contains("Check:"))
        #expect(result.outcome.adjustments == ["2 comments dropped"])
    }

    @Test func otterExportSavedAsDocxByLibreOffice() throws {
        let result = try ImportFixture.importing("libreoffice-otter-P26.docx")
        ImportFixture.expectTurns(result.transcript, ImportTextTests.otterTurns)
        #expect(result.outcome.summary.first == "read as Word document, 18 paragraphs, an Otter-style export (`Name  0:03` lines)")
    }

    @Test func pandocDocxWithBoldNamesAndAPipeTable() throws {
        let result = try ImportFixture.importing("pandoc-P27.docx")
        ImportFixture.expectTurns(result.transcript, [
            Turn(nil, nil, "Interview P27 — JMO for a domestic worker"),
            Turn("Interviewer", nil, "Mbak Sri, you work as a domestic worker"),
            Turn("Sri", nil, "My employer, Ibu Lina."),
            Turn("Interviewer", nil, "Do you have JMO"),
            Turn("Sri", nil, "Yes, Ibu Lina helped me. I look at the card, and at the Jaminan Kecelakaan Kerja page."),
            Turn("Interviewer", nil, "Why that page?"),
            Turn("Sri", nil, "Because my work has risks. Hot oil, the stairs. I want to know I am protected if something happens.\n\nProgram | What Sri said\n\nJKK | “Protected when I work”"),
            Turn("Interviewer", nil, "Is there anything"),
            Turn("Sri", nil, "The JHT. It says zero"),
        ])
    }

    @Test func wordShapedDocument() throws {
        let result = try ImportFixture.importing("word-shaped-P33.docx")
        ImportFixture.expectTurns(result.transcript, [
            Turn(nil, nil, "Interview P33 - JMO at the kantor cabang"),
            Turn(nil, nil, "2 April 2024"),
            Turn("Interviewer", nil, "Pak Rahmat, you manage the Lapak Asik service here. How has JMO changed your work?"),
            Turn("Pak Rahmat", nil, "Fewer people in the queue in the morning.\tBut the ones who come have harder problems:\nwrong names"),
            Turn("Interviewer", nil, "Which problem is the most common?"),
            Turn("Pak Rahmat", nil, "The data. The KTP says one thing, the company reported another. We fix it here, then the app works.\n\nPart 2 1 (2 April 2024)\n\nTime | Speaker | Text"),
            Turn("Interviewer", "00:12:40", "Do older participants use the app with you?"),
            Turn("Pak Rahmat", "00:12:46", "We sit with them and do it on their phone. Slowly."),
            Turn("Interviewer", "00:12:58", "How long does that take?"),
            Turn("Pak Rahmat", "00:13:01", "Twenty minutes, sometimes an hour.\n\nEnd of recording."),
        ])
        #expect(!result.text.contains("Photo of the queue board"), "text boxes are dropped, and never twice")
        #expect(!result.text.contains("DATE") && !result.text.contains("Duplicate row") && !result.text.contains("desk"))
        #expect(result.outcome.adjustments == ["tracked changes accepted: 1 insertion kept, 2 deletions dropped", "1 comment dropped"])
    }

    // MARK: The body parser on small documents

    static func body(_ xml: String) throws -> DocxBody {
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(xml)</w:body></w:document>
        """
        return try DocxBodyParser.parse(Array(document.utf8)).get()
    }

    @Test func paragraphsRunsTabsAndBreaks() throws {
        let body = try Self.body("""
        <w:p><w:r><w:t xml:space="preserve">Ibu Sari: </w:t></w:r><w:r><w:t>Ya</w:t><w:tab/><w:t>betul</w:t><w:cr/><w:t>lagi</w:t></w:r></w:p>
        <w:p><w:r><w:t>  </w:t></w:r></w:p><w:p/>
        <w:p><w:r><w:t>a&#160;b &amp; c</w:t></w:r></w:p>
        """)
        #expect(body.paragraphs == ["Ibu Sari: Ya\tbetul\nlagi", "a b & c"])
    }

    @Test func moveFromIsDroppedAndMoveToKept() throws {
        let body = try Self.body("""
        <w:p><w:moveFrom w:id="1"><w:r><w:t>old place </w:t></w:r></w:moveFrom><w:r><w:t>text</w:t></w:r><w:moveTo w:id="2"><w:r><w:t> new place</w:t></w:r></w:moveTo></w:p>
        """)
        #expect(body.paragraphs == ["text new place"])
        #expect((body.insertions, body.deletions) == (1, 1))
    }

    @Test func strictNamespaceAndOtherPrefixes() throws {
        let xml = """
        <x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Strict</x:t></x:r></x:p></x:body></x:document>
        """
        #expect(try DocxBodyParser.parse(Array(xml.utf8)).get().paragraphs == ["Strict"])
        let foreign = "<document xmlns=\"urn:other\"><body><p><r><t>not Word</t></r></p></body></document>"
        #expect(try DocxBodyParser.parse(Array(foreign.utf8)).get().paragraphs == [])
    }

    @Test func nestedTableCellsAreFlattened() throws {
        let body = try Self.body("""
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Outer</w:t></w:r></w:p></w:tc><w:tc>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>in 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>in 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p/></w:tc></w:tr></w:tbl>
        """)
        #expect(body.paragraphs == ["Outer | in 1 | in 2"])
        #expect(body.tables == 2)
    }

    @Test func speakerTablesAndOtherTables() {
        #expect(DocxTable.paragraphs([["Interviewer:", "Halo"], ["Ibu Sari", "Pagi"], ["Interviewer", "Apa kabar?"]])
                == ["Interviewer: Halo", "Ibu Sari: Pagi", "Interviewer: Apa kabar?"])
        #expect(DocxTable.paragraphs([["Program", "Note"], ["JKK", "work accident"], ["JKM", "death benefit"]])
                == ["Program | Note", "JKK | work accident", "JKM | death benefit"])
        #expect(DocxTable.paragraphs([["[00:01]", "Budi", "Ya"], ["[00:04]", "Sari", "Tidak"], ["(00:09)", "Budi", "Oh"], ["", "", ""]])
                == ["[00:01] Budi: Ya", "[00:04] Sari: Tidak", "[00:09] Budi: Oh"])
        #expect(DocxTable.paragraphs([["a", "b", "c"], ["d"]]) == ["a | b | c", "d"])
    }
}
