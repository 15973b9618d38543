import Testing
@testable import CodaKit

@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> (header: [String], records: [CSVReader.Record], separator: UInt8) {
        try CSVReader(path: "Transcripts/s.csv").read(text)
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndNewlines() throws {
        let r = try read("id,comment\nA1,\"long, with \"\"quotes\"\"\nand a newline\"\nA2,plain\n")
        #expect(r.header == ["id", "comment"])
        #expect(r.records.map(\.fields) == [["A1", "long, with \"quotes\"\nand a newline"], ["A2", "plain"]])
        #expect(r.records.map(\.line) == [2, 4])
    }

    @Test(arguments: [("a;b\n1;2\n", UInt8(ascii: ";")), ("a\tb\n1\t2\n", 9), ("a,b\n1,2\n", 44),
                      ("\"x;y\",b\n1,2\n", 44), ("single\n1\n", 44), ("a;b,c;d\n1;2,3;4\n", UInt8(ascii: ";"))])
    func detectsTheSeparatorFromTheHeader(text: String, separator: UInt8) throws {
        #expect(try read(text).separator == separator)
    }

    @Test func emptyFieldsAndMissingFinalNewline() throws {
        let r = try read("a,b,c\n,,\n1,,3")
        #expect(r.records.map(\.fields) == [["", "", ""], ["1", "", "3"]])
    }

    @Test func blankLinesAreSkipped() throws {
        let r = try read("a,b\n\n1,2\n\n")
        #expect(r.records.map(\.fields) == [["1", "2"]])
        #expect(r.records[0].line == 3)
    }

    @Test func unterminatedQuoteIsLocatedWhereItOpens() {
        #expect(throws: CSVError.unterminatedQuote(file: "Transcripts/s.csv", line: 3, column: 4)) {
            try read("id,q\nA1,ok\nA2,\"never closed\nA3,x\n")
        }
    }

    @Test func raggedRowNamesTheLineAndCounts() {
        #expect(throws: CSVError.raggedRow(file: "Transcripts/s.csv", line: 3, fields: 2, expected: 3)) {
            try read("a;b;c\n1;2;3\n4;5\n")
        }
        #expect(CSVError.raggedRow(file: "Transcripts/s.csv", line: 3, fields: 2, expected: 3).description
            == "Transcripts/s.csv:3: error: this row has 2 fields but the header has 3\n  hint: check for a missing or extra separator, or an unquoted field containing one")
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(throws: CSVError.textAfterQuote(file: "Transcripts/s.csv", line: 2, column: 7)) {
            try read("a,b\n1,\"ab\"cd\n")
        }
    }

    @Test func emptyFileHasNoHeader() {
        #expect(throws: CSVError.empty(file: "Transcripts/s.csv")) { try read("\n\n") }
    }
}

extension CSVError: Equatable {
    public static func == (a: CSVError, b: CSVError) -> Bool { a.description == b.description }
}
