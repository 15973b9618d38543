import Foundation
import Testing

@testable import CodaKit

/// Each survey tool's export, in a fixture laid out the way that tool writes it.
@Suite struct SurveyDialectTests {
    static func read(_ name: String, columns: String? = nil) throws -> Survey {
        let url = TestSupport.fixture("surveys/\(name)")
        let parser = SurveyParser(path: "Transcripts/\(name)", id: url.deletingPathExtension().lastPathComponent)
        let columnsFile = columns.map { ("Transcripts/x.columns", $0) }
        if name.hasSuffix(".xlsx") {
            return try parser.parse(xlsx: [UInt8](try Data(contentsOf: url)), columnsFile: columnsFile).0
        }
        return try parser.parse(csv: try String(contentsOf: url, encoding: .utf8), columnsFile: columnsFile).0
    }

    static func kinds(_ survey: Survey) -> [String] { survey.columns.map { "\($0.key)=\($0.kind.rawValue)" } }

    @Test func googleFormsTimestampIsLeftOutAndCheckboxesAreSplit() throws {
        let s = try Self.read("google-forms.csv")
        #expect(s.dialect == .googleForms)
        #expect(s.columns[0].kind == .ignore)
        let media = try #require(s.findColumn("Media apa saja yang pernah Anda lihat tentang JMO?"))
        #expect(media.kind == .multiple)
        let frequency = SurveyFrequency(survey: s, column: media)
        // Video: Andi, Rina, Dewi, Nur, Lina; Banner: Andi, Sulaiman, Dewi, Yusuf, Lina;
        // Media sosial: Dewi, Fajar, Nur.
        #expect(frequency.answers.map { "\($0.answer) \($0.count)" } == ["Banner 5", "Video 5", "Media sosial 3"])
        #expect(frequency.answered == 8)
        // A codebook's `Survey: … = Video` and the conclusion drafts count a chosen option, not the whole cell.
        #expect(media.chose("video", in: "Video, Banner") && !media.chose("Video, Banner", in: "Video, Banner"))
        let table = frequency.table
        #expect(table.notes.contains { $0.contains("sum to 162.5%") && $0.contains("more than one answer") })
        #expect(s.findColumn("Usia")?.kind == .number)
        #expect(s.findColumn("Saran Anda")?.kind == .open)
        #expect(media.key == "media_apa_saja_yang")
        let type = try #require(s.findColumn("Jenis kepesertaan"))
        let age = try #require(s.findColumn("Usia"))
        let byType = SurveyNumbers.byGroup(survey: s, column: age, attribute: "type") { $0.values[type.index] }
        // PU: Andi 34, Rina 27, Dewi 31, Nur 38.
        #expect(byType.rows.first.map { $0.cells.map(\.text) } == ["Penerima Upah (PU)", "4", "32.50", "32.50", "4.65", "27", "38"])
    }

    @Test func anOptionWithACommaInItsTextStaysWhole() throws {
        let csv = """
            Timestamp,Pernah mengunduh aplikasi apa saja?
            2024/07/01 9:12:44 AM GMT+8,"JMO, versi terbaru, BPJSTKU"
            2024/07/01 9:20:03 AM GMT+8,"JMO, versi terbaru"
            2024/07/01 9:25:03 AM GMT+8,BPJSTKU
            2024/07/01 9:30:03 AM GMT+8,"BPJSTKU, Mobile JKN"
            2024/07/01 9:35:03 AM GMT+8,Mobile JKN

            """
        let s = try SurveyParser(path: "Transcripts/g.csv", id: "g").parse(csv: csv, columnsFile: nil).0
        let q = s.columns[1]
        #expect(q.kind == .multiple)
        #expect(q.compoundOptions == ["JMO, versi terbaru"])
        #expect(SurveyFrequency(survey: s, column: q).answers.map { "\($0.answer) \($0.count)" }
                == ["BPJSTKU 3", "JMO, versi terbaru 2", "Mobile JKN 2"])
    }

    @Test func likertAnswersKeepTheScaleOrderIncludingUnchosenLevels() throws {
        let s = try Self.read("google-forms.csv")
        let q = try #require(s.findColumn("Video promosi JMO mudah dipahami"))
        #expect(q.kind == .closed)
        #expect(q.scale?.name == "agreement")
        let answers = SurveyFrequency(survey: s, column: q).answers
        #expect(answers.map(\.answer) == ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"])
        #expect(answers.map(\.count) == [0, 1, 1, 4, 2])
        let bar = try #require(SurveyDivergingBar(SurveyFrequency(survey: s, column: q)))
        #expect(bar.below == 12.5 && bar.neutral == 12.5 && bar.above == 75)
        #expect(bar.text(width: 8) == "      █▒│▒██████")
    }

    @Test func qualtricsThreeHeaderRowsGiveKeysAndQuestionText() throws {
        let s = try Self.read("qualtrics.csv")
        #expect(s.dialect == .qualtrics)
        #expect(s.respondents.count == 5)
        #expect(s.respondents[0].line == 4)
        #expect(s.respondents.map(\.id).first == "R_1OvKx3mQ2bLdT9a")
        #expect(
            s.columns.filter { $0.kind != .ignore }.map { "\($0.key)=\($0.kind.rawValue)" }
                == ["ResponseId=id", "Q1=closed", "Q2=multiple", "Q3=closed", "Q4=open"])
        // A question is found by its key or by its full text.
        #expect(s.findColumn("Q3")?.header == "The promotional video made the JMO registration steps clear.")
        #expect(s.findColumn("Where have you seen the JMO promotion? Select all that apply.")?.key == "Q2")
        let q2 = try #require(s.findColumn("Q2"))
        #expect(
            SurveyFrequency(survey: s, column: q2).answers.map { "\($0.answer) \($0.count)" }
                == ["Video 3", "Banner 2", "Social media 1"])
        #expect(s.findColumn("Q3")?.scale?.name == "agreement")
    }

    @Test func koboFoldsSelectMultipleAndLeavesOutItsMetadata() throws {
        let s = try Self.read("kobo.csv")
        #expect(s.dialect == .koboToolbox)
        #expect(
            s.columns.filter { $0.kind != .ignore }.map { "\($0.key)=\($0.kind.rawValue)" }
                == [
                    "kode_responden=id", "usia=attribute", "jenis_kepesertaan=attribute", "tahu_jmo=attribute",
                    "media=multiple", "saran=open",
                ])
        #expect(!s.columns.contains { $0.header.hasPrefix("grp_promosi/media/") })
        #expect(s.respondents.map(\.id) == ["R017", "R088", "R154", "R201"])
        let media = try #require(s.findColumn("media"))
        #expect(
            SurveyFrequency(survey: s, column: media).answers.map { "\($0.answer) \($0.count)" }
                == ["banner 2", "video 2", "medsos 1"])
        #expect(SurveyFrequency(survey: s, column: media).missing == 1)
    }

    @Test func odkCentralMetadataIsLeftOutAndTheCodesAreTheIds() throws {
        let s = try Self.read("odk-central.csv")
        #expect(s.dialect == .koboToolbox)
        #expect(s.respondents.map(\.id) == ["R017", "R088", "R154"])
        #expect(s.columns.filter { $0.kind != .ignore }.map(\.header)
                == ["identitas-kode_responden", "identitas-usia", "tahu_jmo", "media", "saran"])
    }

    @Test func limeSurveyOptionColumnsBecomeOneQuestion() throws {
        let s = try Self.read("limesurvey.csv")
        #expect(s.dialect == .limeSurvey)
        #expect(s.respondents.map(\.id) == ["R017", "R088", "R154", "R202"])
        #expect(
            s.columns.filter { $0.kind != .ignore }.map { "\($0.key)=\($0.kind.rawValue)" }
                == ["kode=id", "P1=closed", "P2=multiple", "p2_other=open", "P3=closed", "P4=open"])
        let p2 = try #require(s.findColumn("P2"))
        #expect(
            SurveyFrequency(survey: s, column: p2).answers.map { "\($0.answer) \($0.count)" }
                == ["SQ001 2", "SQ002 2", "SQ003 1"])
        #expect(s.findColumn("P3")?.scale?.name == "agreement")
    }

    @Test func excelSemicolonRowNumberIsNotTheIdAndNumbersAreSummarised() throws {
        let s = try Self.read("excel-semicolon.csv")
        #expect(s.dialect == .excel)
        #expect(s.idColumn == 1)
        #expect(s.respondents.first?.id == "R017")
        let age = try #require(s.findColumn("Usia"))
        #expect(age.kind == .number)
        let numbers = SurveyNumbers(survey: s, column: age)
        let ages: [Double] = [34, 27, 45, 31, 23, 38, 52, 29, 41, 36]
        #expect(numbers.n == 10)
        #expect(numbers.mean == ages.reduce(0, +) / 10)
        #expect(numbers.median == 35)
        #expect(numbers.minimum == 23 && numbers.maximum == 52)
        let sd = try #require(numbers.standardDeviation)
        #expect(abs(sd - (692.4 / 9).squareRoot()) < 1e-9)
        #expect(numbers.bins.map(\.count).reduce(0, +) == 10)
        #expect(numbers.bins.map { numbers.label($0) } == ["20–29", "30–39", "40–49", "50–59"])
        #expect(numbers.bins.map(\.count) == [3, 4, 2, 1])
        let income = SurveyNumbers(survey: s, column: try #require(s.findColumn("Pendapatan")))
        #expect(income.values.first == 4.5)
        #expect(income.notNumbers == 0)
    }

    @Test(arguments: [("2.329", true, 2329.0), ("1.250.000,5", true, 1_250_000.5), ("4,5", true, 4.5), ("3.5", true, nil),
                      ("3.5", false, 3.5), ("2.329", false, 2.329), ("12a", false, nil), ("-7", true, -7.0)])
    func numbersReadAsTheExportWritesThem(text: String, decimalComma: Bool, value: Double?) {
        #expect(SurveyNumber.parse(text, decimalComma: decimalComma) == value)
    }

    @Test func tabSeparatedExcelUsesItsIdHeader() throws {
        let s = try Self.read("excel-tab.tsv")
        #expect(s.dialect == .excel)
        #expect(s.respondents.map(\.id) == ["R017", "R088", "R154"])
    }

    @Test func xlsxFirstSheetReadsStringsNumbersAndDates() throws {
        let s = try Self.read("excel-export.xlsx")
        #expect(s.dialect == .excel)
        #expect(s.respondents.map(\.id) == ["R017", "R088", "R154", "R210", "R211", "R212", "R213", "R214"])
        #expect(s.respondents[0].line == 2)
        let date = try #require(s.findColumn("Tanggal isi"))
        #expect(s.respondents.map { $0.values[date.index] }.prefix(3) == ["2024-07-01", "2024-07-01", "2024-07-02"])
        let income = try #require(s.findColumn("Pendapatan"))
        #expect(s.respondents.map { $0.values[income.index] }.prefix(3) == ["4.5", "3.25", "6.75"])
        // Row 4's answer to P1 is an inline string.
        #expect(s.respondents[2].values[5] == "Ya")
        #expect(s.findColumn("P2")?.scale?.name == "agreement")
        #expect(s.findColumn("Usia")?.kind == .number)
    }

    @Test func xlsxSheetIsChosenByNameAndAMissingOneIsNamed() throws {
        let s = try Self.read("excel-export.xlsx", columns: "sheet = Ringkasan\n")
        #expect(s.columns.map(\.header) == ["Keterangan", "Jumlah"])
        #expect(s.attributes.isEmpty)
        #expect(
            throws: XlsxError.noSuchSheet(
                file: "Transcripts/excel-export.xlsx", sheet: "Data",
                available: ["Jawaban", "Ringkasan"])
        ) {
            try Self.read("excel-export.xlsx", columns: "sheet = Data\n")
        }
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedByName() throws {
        let parser = SurveyParser(path: "Transcripts/survey.xlsx", id: "survey")
        let error = #expect(throws: XlsxError.self) {
            try parser.parse(xlsx: Array("No;Kode\n1;R01\n".utf8), columnsFile: nil)
        }
        #expect(
            error?.description.hasPrefix("Transcripts/survey.xlsx: error: this is not a readable Excel workbook")
                == true)
    }

    @Test func excelSeparatorLineIsHonouredAndKeepsLineNumbers() throws {
        let s = try SurveyParser(path: "Transcripts/s.csv", id: "s")
            .parse(csv: "sep=;\nKode;Q1. Tahu JMO?\nR1;Ya\nR2;Tidak\n", columnsFile: nil).0
        #expect(s.columns.map(\.key) == ["kode", "Q1"])
        #expect(s.respondents.map(\.line) == [3, 4])
    }

    @Test func commasInFreeTextDoNotMakeAMultipleChoiceQuestion() throws {
        let project = Project.load(TestSupport.packageRoot)
        let survey = try #require(project.survey("pre-survey"))
        #expect(SurveyColumnDetector.kind(header: "Q4", values: survey.respondents.map { $0.values[6] }) == .open)
    }
}

extension XlsxError: Equatable {
    public static func == (a: XlsxError, b: XlsxError) -> Bool { a.description == b.description }
}
