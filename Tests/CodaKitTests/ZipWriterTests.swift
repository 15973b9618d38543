import Foundation
import Testing
@testable import CodaKit

@Suite struct ZipWriterTests {
    static func sampleEntries() throws -> [(String, [UInt8]?, ZipWriter.Compression)] {
        var random = ZipTestRandom(seed: 11)
        return [
            ("project.qde", Array("<?xml version=\"1.0\"?>\n<Project/>\n".utf8), .automatic),
            ("sources/", nil, .automatic),
            ("sources/seed.txt", try ZipFixture.seed(), .automatic),
            ("sources/seed-stored.txt", try ZipFixture.seed(), .stored),
            ("sources/empty.txt", [], .automatic),
            ("sources/empty-deflated.txt", [], .deflated),
            ("sources/Entretien – résumé 😀.txt", Array("naïve\n".utf8), .automatic),
            ("sources/noise.bin", random.bytes(5000), .automatic),
        ]
    }

    static func write(_ entries: [(String, [UInt8]?, ZipWriter.Compression)]) throws -> [UInt8] {
        var writer = ZipWriter(fileName: "export.qdpx")
        for (name, contents, compression) in entries {
            if let contents {
                try writer.addFile(name, contents: contents, compression: compression)
            } else {
                try writer.addDirectory(name)
            }
        }
        return try writer.finish()
    }

    @Test func roundTrip() throws {
        let entries = try Self.sampleEntries()
        let archive = try Self.write(entries)
        let reader = try ZipReader(bytes: archive, fileName: "export.qdpx")
        #expect(reader.entries.map(\.name) == entries.map(\.0))
        for (name, contents, _) in entries {
            let entry = try #require(reader.entry(named: name))
            #expect(try reader.data(for: entry) == contents ?? [], "\(name)")
            #expect(entry.flags == 0x0800)
        }
        #expect(reader.entry(named: "sources/seed.txt")?.method == 8)
        #expect(reader.entry(named: "sources/seed-stored.txt")?.method == 0)
        #expect(reader.entry(named: "sources/noise.bin")?.method == 0, "incompressible data stays stored")
        #expect(reader.entry(named: "sources/empty-deflated.txt")?.method == 8)
        #expect(reader.entry(named: "sources/")?.isDirectory == true)
    }

    @Test func outputIsDeterministic() throws {
        let first = try Self.write(try Self.sampleEntries())
        let second = try Self.write(try Self.sampleEntries())
        #expect(first == second)
        // The fixed timestamp 1980-01-01 00:00 sits in every local header (time at 10, date at 12).
        #expect(first.uint16LE(at: 10) == 0 && first.uint16LE(at: 12) == 0x0021)
    }

    @Test func emptyArchiveIsTheBareEndRecord() throws {
        let archive = try ZipWriter(fileName: "e.zip").finish()
        #expect(archive.count == 22)
        #expect(try ZipReader(bytes: archive, fileName: "e.zip").entries.isEmpty)
    }

    @Test func badNamesAreRefused() throws {
        var writer = ZipWriter(fileName: "x.qdpx")
        try writer.addFile("a.txt", contents: [1])
        #expect(throws: ZipError.self) { try writer.addFile("a.txt", contents: [2]) }
        #expect(throws: ZipError.self) { try writer.addFile("../a.txt", contents: [2]) }
        #expect(throws: ZipError.self) { try writer.addFile("/a.txt", contents: [2]) }
        #expect(throws: ZipError.self) { try writer.addFile("dir/", contents: [2]) }
        #expect(throws: ZipError.self) { try writer.addDirectory("C:\\dir") }
        #expect(writer.entryCount == 1)
    }

    @Test func pythonZipfileAcceptsTheOutput() throws {
        let entries = try Self.sampleEntries()
        let url = try ZipFixture.temporaryFile(try Self.write(entries), suffix: ".zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import sys, zipfile, zlib
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, i.compress_type, zlib.crc32(z.read(i)), i.date_time == (1980, 1, 1, 0, 0, 0), sep='|')
            """
        guard let result = ZipFixture.runPython(script, arguments: [url.path]) else { return }  // no python3: skip
        #expect(result.status == 0)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        let expected = try ZipReader(bytes: Data(contentsOf: url).map { $0 }, fileName: "x").entries.map {
            "\($0.name)|\($0.method)|\($0.crc32)|True"
        }
        #expect(lines == expected)
    }
}
