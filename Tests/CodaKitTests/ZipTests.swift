import Foundation
import Testing
@testable import CodaKit

@Suite struct ZipTests {
    static func open(_ file: String) throws -> ZipReader {
        try ZipReader(bytes: ZipFixture.bytes(file), fileName: file)
    }

    static func allContents(_ reader: ZipReader) throws -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for entry in reader.entries { contents[entry.name] = try reader.data(for: entry) }
        return contents
    }

    // MARK: Archives made by real tools

    @Test(arguments: ["infozip.zip", "infozip-piped.zip"])
    func infoZipArchives(file: String) throws {
        let reader = try Self.open(file)
        #expect(reader.entries.map(\.name) == [
            "Project/", "Project/photo.png", "Project/Sources/", "Project/Sources/seed.txt",
            "Project/Sources/Interviews/", "Project/Sources/Interviews/naïve café.txt", "Project/Sources/empty.txt",
        ])
        let contents = try Self.allContents(reader)
        #expect(contents["Project/Sources/seed.txt"] == (try ZipFixture.seed()))
        #expect(contents["Project/photo.png"] == Array(repeating: Array(0...255), count: 4).flatMap { $0 })
        #expect(contents["Project/Sources/Interviews/naïve café.txt"] == Array("Café au lait – naïve.\n".utf8))
        #expect(contents["Project/Sources/empty.txt"] == [])
        #expect(reader.entries.filter(\.isDirectory).count == 3)
        let seed = try #require(reader.entry(named: "Project/Sources/seed.txt"))
        #expect(seed.method == 8)
        if file == "infozip.zip" {
            #expect(reader.entry(named: "Project/photo.png")?.method == 0, "zip -n .png stores it")
            #expect(reader.comment == "Made by Info-ZIP for Coda's tests.")
        } else {
            #expect(seed.flags & 0x0008 != 0, "written to a pipe: sizes follow the data")
        }
    }

    @Test(arguments: ["python-deflated.zip", "python-stored.zip"])
    func pythonArchives(file: String) throws {
        let reader = try Self.open(file)
        let unicodeName = "sources/résumé – übersicht.txt"
        #expect(reader.entries.map(\.name) == ["sources/", "sources/seed.txt", "sources/empty.txt", unicodeName, "project.qde"])
        #expect(reader.entries.allSatisfy { $0.method == (file == "python-stored.zip" ? 0 : 8) })
        #expect(reader.entry(named: unicodeName)?.flags == 0x0800)
        let contents = try Self.allContents(reader)
        #expect(contents["sources/seed.txt"] == (try ZipFixture.seed()))
        #expect(contents[unicodeName] == Array("Zusammenfassung über alles\n".utf8))
        #expect(contents["project.qde"] == Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project/>\n".utf8))
        #expect(contents["sources/empty.txt"] == [])
    }

    @Test func namesWithoutTheUTF8FlagAreCodePage437() throws {
        let reader = try Self.open("cp437.zip")
        #expect(reader.entries.map(\.name) == ["üö.txt"])
        #expect(reader.entries.first?.rawName == [0x81, 0x94, 0x2E, 0x74, 0x78, 0x74])
        #expect(try reader.data(named: "üö.txt") == Array("code page 437\n".utf8))
        #expect(ZipNameDecoding.cp437High.count == 128)
        #expect(ZipNameDecoding.cp437(Array(0x80...0xFF)).unicodeScalars.count == 128)
    }

    @Test func unicodePathExtraFieldWinsWhenItsChecksumMatches() {
        let raw: [UInt8] = [0x81, 0x2E, 0x74]  // "ü.t" in code page 437
        let unicode = Array("ü-new.t".utf8)
        func extra(crc: UInt32) -> [UInt8] {
            var field: [UInt8] = []
            field.appendLE(UInt16(0x7075))
            field.appendLE(UInt16(5 + unicode.count))
            field.append(1)
            field.appendLE(crc)
            return field + unicode
        }
        let other: [UInt8] = [0x55, 0x54, 0x01, 0x00, 0x00]  // an unrelated field (timestamps) first
        #expect(ZipNameDecoding.decode(raw, flags: 0, extra: (other + extra(crc: CRC32.checksum(raw)))[...]) == "ü-new.t")
        #expect(ZipNameDecoding.decode(raw, flags: 0, extra: extra(crc: 1)[...]) == "ü.t")
        #expect(ZipNameDecoding.decode(raw, flags: 0, extra: [0x75, 0x70, 0xFF][...]) == "ü.t")
        #expect(ZipNameDecoding.decode(Array("ü".utf8), flags: 0x0800, extra: []) == "ü")
    }

    @Test func qcProjectExport() throws {
        let reader = try Self.open("qc-demo.qdpx")
        #expect(reader.entries.map(\.name) == ["project.qde", "sources/board_2017.txt", "sources/admin-1.txt"])
        #expect(reader.entries.map(\.uncompressedSize) == [82470, 52543, 31906])
        #expect(reader.entries.map(\.crc32) == [0xA263_ECFB, 0x6324_DD46, 0x11A6_AA80])
        let project = String(decoding: try reader.data(named: "project.qde"), as: UTF8.self)
        #expect(project.hasPrefix("<Project xmlns=\"urn:QDA-XML:project:1.0\""))
        #expect(try reader.data(named: "sources/admin-1.txt").count == 31906)
    }

    @Test func lookupIgnoresLetterCaseWhenAsked() throws {
        let reader = try Self.open("skyloom.qdpx")
        #expect(reader.entries.map(\.name) == ["Project.qde", "Sources/"])
        #expect(reader.entry(named: "project.qde") == nil)
        #expect(reader.entry(named: "project.qde", caseInsensitive: true)?.name == "Project.qde")
        #expect(reader.entry(named: "sources/", caseInsensitive: true)?.name == "Sources/")
        let project = try reader.data(named: "PROJECT.QDE", caseInsensitive: true)
        #expect(project.count == 30250)
        #expect(CRC32.checksum(project) == 0x184A_3936)
        #expect(throws: ZipError.entryNotFound(file: "skyloom.qdpx", entry: "project.qde")) {
            try reader.data(named: "project.qde")
        }
    }

    @Test func wordDocumentInsideAnNVivoProject() throws {
        let reader = try Self.open("nvivo.qdpx")
        #expect(reader.entries.count == 6)
        #expect(reader.entries.allSatisfy { $0.method == 0 })
        let docxName = "sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.docx"
        let docx = try ZipReader(bytes: reader.data(named: docxName), fileName: docxName)
        let document = try docx.data(named: "word/document.xml")
        #expect(String(decoding: document, as: UTF8.self).contains("<w:body>"))
        for entry in docx.entries { _ = try docx.data(for: entry) }
    }

    // MARK: Refusals and damage

    @Test func unreadableArchivesThrowClearErrors() throws {
        #expect(throws: ZipError.encrypted(file: "encrypted.zip", entry: "Project/Sources/seed.txt")) {
            let reader = try Self.open("encrypted.zip")
            _ = try reader.data(named: "Project/Sources/seed.txt")
        }
        #expect(throws: ZipError.unsupportedMethod(file: "python-bzip2.zip", entry: "word/document.xml", method: 12)) {
            _ = try Self.open("python-bzip2.zip").data(named: "word/document.xml")
        }
        #expect(throws: ZipError.notAZip(file: "interview.docx")) {
            try ZipReader(bytes: ZipFixture.seed(), fileName: "interview.docx")
        }
        #expect(throws: ZipError.notAZip(file: "empty.docx")) { try ZipReader(bytes: [], fileName: "empty.docx") }
        #expect(throws: ZipError.truncated(file: "x.qdpx")) {
            try ZipReader(bytes: Array(ZipFixture.bytes("qc-demo.qdpx").prefix(20_000)), fileName: "x.qdpx")
        }
        #expect(throws: ZipError.entryTooLarge(file: "qc-demo.qdpx", entry: "project.qde", limit: 1000)) {
            var reader = try Self.open("qc-demo.qdpx")
            reader.maxEntrySize = 1000
            _ = try reader.data(named: "project.qde")
        }
    }

    @Test func damagedEntryDataIsDetected() throws {
        let stored = try ZipFixture.bytes("python-stored.zip")
        let reader = try ZipReader(bytes: stored, fileName: "a.zip")
        let seed = try #require(reader.entry(named: "sources/seed.txt"))
        var flipped = stored
        flipped[seed.localHeaderOffset + 30 + seed.rawName.count + 1000] ^= 0x20
        #expect(throws: ZipError.checksumMismatch(file: "a.zip", entry: "sources/seed.txt")) {
            _ = try ZipReader(bytes: flipped, fileName: "a.zip").data(for: seed)
        }
        // A deflated entry whose data is overwritten with a reserved block type.
        let deflated = try ZipFixture.bytes("python-deflated.zip")
        let deflatedReader = try ZipReader(bytes: deflated, fileName: "b.zip")
        let entry = try #require(deflatedReader.entry(named: "sources/seed.txt"))
        var broken = deflated
        broken[entry.localHeaderOffset + 30 + entry.rawName.count] = 0x07
        #expect(throws: ZipError.damagedEntry(file: "b.zip", entry: "sources/seed.txt", detail: "invalid compressed block type")) {
            _ = try ZipReader(bytes: broken, fileName: "b.zip").data(for: entry)
        }
    }

    @Test func sizesClaimedByTheDirectoryAreChecked() throws {
        let archive = try ZipFixture.bytes("python-deflated.zip")
        let name = Array("sources/seed.txt".utf8)
        let header = try #require((0..<(archive.count - 46 - name.count)).first { i in
            archive.uint32LE(at: i) == ZipSignature.centralHeader && Array(archive[(i + 46)..<(i + 46 + name.count)]) == name
        })
        func withUncompressedSize(_ size: UInt32) throws -> ZipReader {
            var patched = archive
            for k in 0..<4 { patched[header + 24 + k] = UInt8(truncatingIfNeeded: size >> UInt32(8 * k)) }
            return try ZipReader(bytes: patched, fileName: "p.zip")
        }
        #expect(throws: ZipError.damagedEntry(file: "p.zip", entry: "sources/seed.txt",
                                              detail: "it unpacks to 39196 bytes, not the 100000000 the archive says")) {
            _ = try withUncompressedSize(100_000_000).data(named: "sources/seed.txt")
        }
        #expect(throws: ZipError.damagedEntry(file: "p.zip", entry: "sources/seed.txt",
                                              detail: "it unpacks to more bytes than the archive says")) {
            _ = try withUncompressedSize(1000).data(named: "sources/seed.txt")
        }
        #expect(throws: ZipError.entryTooLarge(file: "p.zip", entry: "sources/seed.txt", limit: Inflate.defaultLimit)) {
            _ = try withUncompressedSize(0xFFFF_FFFE).data(named: "sources/seed.txt")
        }
    }

    @Test func messagesSpeakToTheResearcher() {
        #expect(ZipError.notAZip(file: "data/interview.docx").diagnostic.message
            == "`interview.docx` is not a zip archive (it may be damaged or not really a .docx)")
        #expect(ZipError.truncated(file: "p.qdpx").diagnostic.message == "`p.qdpx` is truncated: the zip archive ends early")
        #expect(ZipError.unsupportedMethod(file: "a.docx", entry: "word/document.xml", method: 12).diagnostic.message
            == "entry `word/document.xml` uses compression method 12 (bzip2), which Coda cannot read")
        let checksum = ZipError.checksumMismatch(file: "a.docx", entry: "word/document.xml")
        #expect(checksum.diagnostic.message == "entry `word/document.xml` is damaged (checksum mismatch)")
        #expect(checksum.description.hasPrefix("a.docx: error: entry `word/document.xml` is damaged"))
        #expect(checksum.diagnostic.hint != nil)
        #expect(!checksum.isUsageError)
        #expect(ZipError.entryTooLarge(file: "a.docx", entry: "x", limit: 512 << 20).diagnostic.message
            == "entry `x` unpacks to more than 512 MiB, more than Coda will read")
        #expect(ZipError.notAZip(file: "notes").diagnostic.message == "`notes` is not a zip archive (it may be damaged)")
    }

    // MARK: Zip slip

    @Test(arguments: ["a.txt", "sources/a.txt", "dir/", "a..b.txt", "./a", "..a", "résumé.txt"])
    func safeNames(name: String) { #expect(ZipPath.isSafeRelativePath(name)) }

    @Test(arguments: ["", "/etc/passwd", "../x", "a/../../x", "..", "a/..", "a\\..\\b", "..\\evil", "C:/x", "C:x",
                      "a/.. /b", "a/.../b", "a\0b"])
    func unsafeNames(name: String) { #expect(!ZipPath.isSafeRelativePath(name)) }

    // MARK: Fuzz-style: nothing traps

    @Test func everyPrefixOfAnArchiveIsRefused() throws {
        for (file, step) in [("skyloom.qdpx", 1), ("cp437.zip", 1), ("infozip.zip", 13)] {
            let archive = try ZipFixture.bytes(file)
            for length in stride(from: 0, to: archive.count, by: step) {
                #expect(throws: ZipError.self) {
                    let reader = try ZipReader(bytes: Array(archive.prefix(length)), fileName: file)
                    for entry in reader.entries { _ = try reader.data(for: entry) }
                }
            }
        }
    }

    @Test func mutatedArchivesOpenOrThrow() throws {
        var random = ZipTestRandom(seed: 1989)
        var outcomes: [String: Int] = [:]
        for (file, rounds) in [("python-deflated.zip", 1200), ("infozip.zip", 800), ("skyloom.qdpx", 600), ("cp437.zip", 400)] {
            let archive = try ZipFixture.bytes(file)
            for _ in 0..<rounds {
                // Most mutations hit the small central directory at the end, where they matter most.
                var mutated = archive
                if Bool.random(using: &random) {
                    let tail = Int.random(in: 1...min(200, archive.count), using: &random)
                    mutated = Array(archive.dropLast(tail)) + random.mutate(Array(archive.suffix(tail)))
                } else {
                    mutated = random.mutate(archive)
                }
                do {
                    let reader = try ZipReader(bytes: mutated, fileName: file)
                    for entry in reader.entries { _ = try reader.data(for: entry) }
                    outcomes["read", default: 0] += 1
                } catch {
                    outcomes[String(describing: error).prefix(40).description, default: 0] += 1
                }
            }
        }
        #expect(outcomes.values.reduce(0, +) == 3000)
        #expect(outcomes.count > 5, "\(outcomes)")
    }

    @Test func randomBytesWithAnEndRecordOpenOrThrow() {
        var random = ZipTestRandom(seed: 2024)
        for round in 0..<2000 {
            var bytes = random.bytes(Int.random(in: 0...400, using: &random))
            if round % 2 == 0 {
                // A plausible end record pointing at random central directory bytes.
                var end: [UInt8] = []
                end.appendLE(ZipSignature.endOfCentralDirectory)
                end.appendLE(UInt16(0))
                end.appendLE(UInt16(0))
                let count = UInt16.random(in: 0...4, using: &random)
                end.appendLE(count)
                end.appendLE(count)
                let size = UInt32.random(in: 0...UInt32(bytes.count), using: &random)
                end.appendLE(size)
                end.appendLE(UInt32.random(in: 0...(UInt32(bytes.count) - size), using: &random))
                end.appendLE(UInt16(0))
                bytes += end
            }
            do {
                let reader = try ZipReader(bytes: bytes, fileName: "random.zip")
                for entry in reader.entries { _ = try? reader.data(for: entry) }
            } catch {
                continue
            }
        }
    }
}
