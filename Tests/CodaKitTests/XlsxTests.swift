import Foundation
import Testing
@testable import CodaKit

/// The workbook reader's parts: shared strings with rich text, dates, and workbooks in a project.
@Suite struct XlsxTests {
    @Test func sharedStringsJoinRichTextRunsAndSkipPhoneticGuides() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <si><t>Ya</t></si><si><r><rPr><b/></rPr><t>Sangat </t></r><r><t xml:space="preserve">setuju</t></r></si>\
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t/></si><si><t>A &amp; B &lt;C&gt;</t></si></sst>
            """
        #expect(SheetXMLScanner.texts(in: Array(xml.utf8), container: "si") == ["Ya", "Sangat setuju", "東京", "", "A & B <C>"])
    }

    @Test(arguments: [(45474.0, false, "2024-07-01"), (45474.5, false, "2024-07-01 12:00"), (1.0, false, "1900-01-01"),
                      (61.0, false, "1900-03-01"), (0.0, true, "1904-01-01"), (45474.25 + 1.0 / 86_400, false, "2024-07-01 06:00:01")])
    func datesReadAsExcelShowsThem(serial: Double, date1904: Bool, expected: String) {
        #expect(XlsxDateFormats.date(serial: serial, date1904: date1904) == expected)
    }

    @Test(arguments: [("dd/mm/yyyy", true), ("[$-421]d mmmm yyyy", true), ("0.00", false), ("\"day\" 0", false),
                      ("[Red]0", false), ("#,##0", false)])
    func dateFormatCodesAreRecognised(code: String, isDate: Bool) {
        #expect(XlsxDateFormats.isDateCode(code) == isDate)
    }

    @Test func aWordFileNamedXlsxIsRefusedWithTheReason() throws {
        let bytes = [UInt8](try Data(contentsOf: TestSupport.fixture("import/libreoffice-P22.docx")))
        let error = #expect(throws: XlsxError.self) {
            try SurveyParser(path: "Transcripts/survey.xlsx", id: "survey").parse(xlsx: bytes, columnsFile: nil)
        }
        #expect(error?.description.contains("Transcripts/survey.xlsx: error: this is not a readable Excel workbook: "
            + "it has no xl/workbook.xml") == true)
    }

    @Test func aWorkbookInAProjectIsASurveyAndABrokenOneIsAProblem() throws {
        let root = TestSupport.project([:])
        let transcripts = root.appendingPathComponent("Transcripts")
        try FileManager.default.copyItem(at: TestSupport.fixture("surveys/excel-export.xlsx"),
                                         to: transcripts.appendingPathComponent("survei.xlsx"))
        try Data("PK\u{3}\u{4} not really a zip".utf8).write(to: transcripts.appendingPathComponent("rusak.xlsx"))
        let project = Project.load(root)
        #expect(project.survey("survei")?.respondents.count == 8)
        #expect(project.survey("survei")?.dialect == .excel)
        #expect(project.diagnostics.contains { $0.location?.file == "Transcripts/rusak.xlsx" && $0.severity == .error })
        let status = TestSupport.run(["status"], in: root, width: 300)
        #expect(status.stdout.contains("Transcripts/rusak.xlsx: error: this is not a readable Excel workbook"))
        #expect(status.stdout.contains("Transcripts/survei.xlsx  Excel"))
    }
}
