import Foundation
import Testing
@testable import CodaKit

/// ZIP64 archives (over 4 GB or 65,535 entries, or streamed) are read, and written when the entry count needs it.
@Suite struct Zip64Tests {
    /// Info-ZIP reading stdin writes a ZIP64 end record and locator.
    @Test func streamedInfoZipArchive() throws {
        let reader = try ZipReader(bytes: ZipFixture.bytes("zip64.zip"), fileName: "zip64.zip")
        #expect(reader.entries.map(\.name) == ["-"])
        #expect(try reader.data(named: "-") == Array("streamed text\n".utf8))
    }

    /// `zip -fz`: the central directory's size is 0xFFFFFFFF and the real one is in the ZIP64 extra field.
    @Test func forcedZip64Fields() throws {
        let reader = try ZipReader(bytes: ZipFixture.bytes("infozip-zip64-forced.zip"), fileName: "forced.zip")
        let entry = try #require(reader.entry(named: "a.txt"))
        #expect(entry.uncompressedSize == 35)
        #expect(try reader.data(for: entry) == Array("Interviewer: Hello.\nAli: Hi there.\n".utf8))
    }

    /// A missing ZIP64 extra field, or a ZIP64 end record pointing nowhere, is a damaged archive, not a crash.
    @Test func damagedZip64Records() throws {
        var bytes = try ZipFixture.bytes("infozip-zip64-forced.zip")
        let extra = try #require(Self.find([0x01, 0x00, 0x08, 0x00], in: bytes))
        bytes[extra] = 0x09  // the extra field is no longer ZIP64's
        #expect(throws: ZipError.damaged(file: "a.zip", detail: "an entry's ZIP64 sizes are missing")) {
            try ZipReader(bytes: bytes, fileName: "a.zip")
        }
        var moved = try ZipFixture.bytes("infozip-zip64-forced.zip")
        let locator = try #require(Self.find([0x50, 0x4B, 0x06, 0x07], in: moved))
        moved[locator + 8] = 0x03  // the ZIP64 end record is said to be elsewhere
        #expect(throws: ZipError.damaged(file: "b.zip", detail: "its ZIP64 end record is missing or damaged")) {
            try ZipReader(bytes: moved, fileName: "b.zip")
        }
    }

    /// 66,000 entries do not fit the ordinary end record: the writer adds ZIP64 end records, which Coda and
    /// Python's zipfile (when installed) read back.
    @Test func manyEntriesAreWrittenAsZip64() throws {
        var writer = ZipWriter(fileName: "many.qdpx")
        for index in 0..<66_000 {
            try writer.addFile("sources/\(index).txt", contents: Array("\(index)\n".utf8), compression: .stored)
        }
        let bytes = try writer.finish()
        let reader = try ZipReader(bytes: bytes, fileName: "many.qdpx")
        #expect(reader.entries.count == 66_000)
        #expect(try reader.data(named: "sources/65999.txt") == Array("65999\n".utf8))
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else {
            print("skipped: no python3 to read the ZIP64 archive independently")
            return
        }
        let file = TestSupport.temporaryFolder("coda-zip64").appendingPathComponent("many.zip")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let script = "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
            + "print(len(z.namelist()), z.read('sources/65999.txt').decode().strip())"
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "66000 65999\n")
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
