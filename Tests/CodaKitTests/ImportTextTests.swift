import Foundation
import Testing
@testable import CodaKit

/// Text import: transcription-service exports, Coda's own format, and the encodings.
@Suite struct ImportTextTests {
    typealias Turn = ImportFixture.Turn

    @Test func otterExportBecomesTimestampedTurns() throws {
        let result = try ImportFixture.importing("otter-P26.txt")
        ImportFixture.expectTurns(result.transcript, Self.otterTurns)
        #expect(result.transcript.segments[3].text.hasSuffix("on Sunday. And my phone is old, the memory is full. Sometimes the app closes by itself."),
                "two headers of one speaker in a row are one turn")
        #expect(result.outcome.summary.first == "read as text, an Otter-style export (`Name  0:03` lines)")
    }

    static let otterTurns = [
        Turn("Interviewer", "00:00:02", "Thank you, Bang Udin."),
        Turn("Speaker 2", "00:00:11", "Yes, the program for fishermen."),
        Turn("Interviewer", "00:00:19", "Do you use the JMO app?"),
        Turn("Speaker 2", "00:00:23", "I have it, but the signal"),
        Turn("Interviewer", "00:00:39", "What do you look at"),
        Turn("Speaker 2", "00:00:42", "The payment."),
        Turn("Interviewer", "00:00:53", "Is it?"),
        Turn("Speaker 2", "00:00:55", "It says active until May."),
    ]

    @Test func revExportWithTitleLineAndSameLineText() throws {
        let result = try ImportFixture.importing("rev-P28.txt")
        ImportFixture.expectTurns(result.transcript, [
            Turn(nil, nil, "Interview P28 - JMO follow-up, recorded by phone"),
            Turn("Interviewer", "00:00:03", "Mbak Nia, last time you said"),
            Turn("Nia Kurniawati", "00:00:10", "I tried. It stopped at the bank account step."),
            Turn("Interviewer", "00:00:24", "What did you do then?"),
            Turn("Nia Kurniawati", "00:00:27", "I went to the branch"),
            Turn("Interviewer", "00:00:41", "And did you try again after two weeks?"),
            Turn("Nia Kurniawati", "00:00:45", "Yes, and then it worked."),
            Turn("Interviewer", "00:00:52", "Would you recommend"),
            Turn("Nia Kurniawati", "00:00:56", "Yes, but I tell them: check your name first."),
        ])
    }

    @Test func codaTranscriptKeepsItsBodyAndHeader() throws {
        var options = ImportOptions()
        options.attributes = [("interviewer", "Researcher"), ("phase", "before")]
        let result = try ImportFixture.importing("coda-P29.txt", options: options)
        let original = try String(contentsOf: ImportFixture.url("coda-P29.txt"), encoding: .utf8)
        let body = try #require(original.components(separatedBy: "---\n").last)
        #expect(result.text.hasSuffix("---\n" + body), "the body is written as it was")
        #expect(result.outcome.written == ["Sources/coda-P29.txt", "Transcripts/P29.md"], "the header's id names the file")
        let t = result.transcript
        #expect(t.id == "P29")
        #expect(t.attributes.map(\.key) == ["case", "role", "language", "interviewer", "phase", "source", "speakers"])
        #expect(t.attribute("phase") == "before", "--attr overrides the file's header")
        #expect(t.attribute("speakers") == "Interviewer, Pak Dedi")
        #expect(t.segments.count == 8)
        #expect(t.segments[5].text == "To check the JHT balance, and once I used the \"Lapak Asik\" queue to book a slot at the office.\nIt saved me the morning.")
        #expect(t.segments.map { $0.timestamp?.text }.last == "00:00:49")
    }

    @Test(arguments: [("utf16le-P30.txt", "text, UTF-16 LE", "Interviewer", "Bu Yuni"),
                      ("windows1252-P32.txt", "text, Windows-1252", "Interviewer", "Ibu Maria")])
    func encodings(file: String, format: String, first: String, second: String) throws {
        var options = ImportOptions()
        if file.hasPrefix("windows") { options.encoding = "windows-1252" }
        let result = try ImportFixture.importing(file, options: options)
        #expect(result.outcome.summary.first == "read as " + format)
        #expect(result.transcript.segments.count == 6)
        #expect(result.transcript.segments.map(\.speaker) == [first, second, first, second, first, second])
        #expect(!result.text.contains("\r") && !result.text.contains("\u{FEFF}"))
        if file.hasPrefix("windows") {
            #expect(result.transcript.segments[0].text == "Ibu Maria, you said “JMO is complicated” – what did you mean?")
            #expect(result.transcript.segments[5].text.hasSuffix("€0 cost for them."))
        }
    }

    @Test func windows1252WithoutTheOptionIsAnErrorThatSaysWhatToDo() throws {
        let project = TestSupport.project([:])
        #expect {
            try Importer.run(ImportFixture.url("windows1252-P32.txt"), into: project, options: ImportOptions())
        } throws: { error in
            let text = (error as? ImportError)?.description ?? ""
            return text.hasPrefix("windows1252-P32.txt:1: error: not valid UTF-8 at byte 33") && text.contains("--encoding windows-1252")
        }
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Sources").path))
    }

    // MARK: Decoding

    @Test func decodesEachEncoding() throws {
        let text = "Bu Ani: “Sudah” – é\r\nok\r"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = "Bu Ani: “Sudah” – é\nok\n"
        #expect(try ImportTextDecoder.decode(le, file: "x", requested: nil) == (expected, .utf16LE))
        #expect(try ImportTextDecoder.decode(be, file: "x", requested: .windows1252) == (expected, .utf16BE), "a BOM wins")
        #expect(try ImportTextDecoder.decode(Array(le.dropFirst(2)), file: "x", requested: .utf16LE) == (expected, .utf16LE))
        #expect(try ImportTextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "x", requested: nil) == (expected, .utf8))
        #expect(try ImportTextDecoder.decode([0x93, 0x61, 0x94, 0x20, 0x80, 0x96, 0xE9, 0x81], file: "x", requested: .windows1252)
                == ("“a” €–é\u{81}", .windows1252))
        let emoji: [UInt8] = [0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE]
        #expect(try ImportTextDecoder.decode(emoji, file: "x", requested: nil).0 == "😀")
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x41] as [UInt8], "x.txt: error: the UTF-16 text ends in the middle of a character"),
        ([0xFF, 0xFE, 0x41, 0, 0x0A, 0, 0x3D, 0xD8, 0x41, 0] as [UInt8], "x.txt:2: error: not valid UTF-16 at byte 6"),
        ([0xFE, 0xFF, 0xDC, 0x00] as [UInt8], "x.txt:1: error: not valid UTF-16 at byte 2"),
        ([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0] as [UInt8], "x.txt: error: the file is UTF-32"),
        ([0x41, 0, 0x42, 0, 0x43, 0, 0xE9, 0] as [UInt8], "it looks like UTF-16 without a byte order mark"),
    ])
    func badEncodingsAreClearErrors(bytes: [UInt8], message: String) {
        #expect {
            try ImportTextDecoder.decode(bytes, file: "x.txt", requested: nil)
        } throws: { error in
            (error as? ImportError)?.description.contains(message) == true
        }
    }

    @Test func utf16WithoutBOMNeedsTheByteOrder() {
        #expect(throws: ImportError.self) { try ImportTextDecoder.decode([0x41, 0], file: "x", requested: .utf16) }
        #expect(ImportEncoding(name: "CP1252") == .windows1252)
        #expect(ImportEncoding(name: "UTF_16LE") == .utf16LE)
        #expect(ImportEncoding(name: "ebcdic") == nil)
    }

    // MARK: Service exports on small inputs

    @Test func teamsStyleHeadersWithWiderGapsAndHours() throws {
        let text = "Ibu Sari   1:02:03\nSelamat pagi.\n\nInterviewer\t1:02:09\nPagi, Bu.\n"
        let (style, pieces) = try #require(ServiceTextReader.read(text))
        #expect(style == .otter)
        #expect(pieces == [TurnPiece(speaker: "Ibu Sari", start: 3723, text: "Selamat pagi.", group: 1),
                           TurnPiece(speaker: "Interviewer", start: 3729, text: "Pagi, Bu.", group: 2)])
    }

    @Test(arguments: [
        "Interviewer: How are you?\n\nPak Hasan: Fine.\n",                  // Coda's format
        "[00:00:04] Interviewer: Hi\n\n[00:00:09] Pak Hasan: Hi\n",         // Coda's format with timestamps
        "We met at 10:30\nand talked.\n\nI left at 11:45\nafter lunch.\n\nThen more prose.\nAnd more.\nAnd more.\nAnd more.\nAnd more.\nAnd more.\n",
        "Just a note.\n",
    ])
    func textThatIsNoServiceExport(text: String) {
        #expect(ServiceTextReader.read(text) == nil)
    }
}

extension ImportError: Equatable {
    public static func == (a: ImportError, b: ImportError) -> Bool { a.description == b.description }
}
