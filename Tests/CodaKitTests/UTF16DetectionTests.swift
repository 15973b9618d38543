import Foundation
import Testing
@testable import CodaKit

/// A UTF-16 file in the project is named as UTF-16 by every reader, with a conversion that works; NUL bytes
/// are never taken as text.
@Suite struct UTF16DetectionTests {
    static let transcript = "---\nid: P05\n---\nInterviewer: Did you hear of JMO?\n\nBu Rina: Yes, from the banner.\n"

    static func utf16(_ text: String, bigEndian: Bool = false, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    func project(_ path: String, _ bytes: [UInt8]) throws -> URL {
        let root = CondenseFixture.make()
        try Data(bytes).write(to: root.appendingPathComponent(path))
        return root
    }

    @Test(arguments: [("Transcripts/p05.md", "UTF-16"), ("Codebooks/second.md", "UTF-16"), ("Transcripts/s2.csv", "UTF-16")])
    func everyReaderNamesUTF16WithABOM(path: String, name: String) throws {
        let text = path.hasSuffix(".csv") ? "id,Q1. Heard of JMO?\nR1,Yes\nR2,No\n"
            : path.hasPrefix("Codebooks") ? "# Second\n\n## Trust\nDefinition: trust in the app.\n" : Self.transcript
        let root = try project(path, Self.utf16(text))
        let status = TestSupport.run(["status"], in: root)
        #expect(status.code == .problemsFound)
        #expect(status.stdout.contains("\(path): error: the file is \(name) text"), "\(status.stdout)")
        #expect(status.stdout.contains("iconv -f \(name) -t UTF-8"))
        #expect(!status.stdout.contains("WINDOWS-1252"))
    }

    @Test func utf16WithoutABOMIsRecognisedByItsNULBytes() throws {
        let root = try project("Transcripts/p05.md", Self.utf16(Self.transcript, bom: false))
        let status = TestSupport.run(["status"], in: root)
        #expect(status.stdout.contains("the file is UTF-16LE text (a NUL byte between letters)"))
        let big = try project("Transcripts/p05.md", Self.utf16(Self.transcript, bigEndian: true, bom: false))
        #expect(TestSupport.run(["status"], in: big).stdout.contains("iconv -f UTF-16BE -t UTF-8"))
    }

    @Test func aStrayNULIsNeverTakenAsText() throws {
        let root = try project("Transcripts/p05.md", Array("---\nid: P05\n---\nA: one\u{0}two\n".utf8))
        let status = TestSupport.run(["status"], in: root)
        #expect(status.stdout.contains("Transcripts/p05.md:4:7: error: a NUL byte"))
        #expect(!Project.load(root).documentIDs.contains("P05"))
    }

    static let hasIconv = ["/usr/bin/iconv", "/bin/iconv"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: hasIconv, "skipped: iconv is not installed, so the hint's command cannot be tried"))
    func theHintsConversionGivesAReadableFile() throws {
        let root = try project("Transcripts/p05.md", Self.utf16(Self.transcript))
        let hint = try #require(TestSupport.run(["status"], in: root).stdout
            .components(separatedBy: "`iconv").dropFirst().first?.components(separatedBy: "`").first)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "iconv" + hint]
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let project = Project.load(root)
        #expect(project.transcripts.first { $0.id == "P05" }?.segments.count == 2)
    }
}
