import Foundation
import Testing
@testable import CodaKit

/// How selection positions are counted is decided per source from all the evidence, and never silently.
@Suite("REFI-QDA import: UTF-16 or code points")
struct RefiOffsetDecisionTests {
    static let code = "aaaaaaaa-0000-4000-8000-000000000001"
    /// One unnamed selection on `gamma` after an emoji, in UTF-16 code units (14-19; in code points it is 13-18):
    /// both readings land inside the text, so only word edges hint at UTF-16.
    static let vague = "😀 alpha beta gamma delta\n"

    static func source(_ number: Int, text: String, selections: String) -> (xml: String, file: (String, [UInt8])) {
        let guid = "11111111-2222-4333-8444-00000000000\(number)"
        let xml = "<TextSource guid=\"\(guid)\" name=\"S\(number)\" "
            + "plainTextPath=\"internal://\(guid).txt\">\(selections)</TextSource>"
        return (xml, ("sources/\(guid).txt", Array(text.utf8)))
    }

    static func project(_ sources: [(xml: String, file: (String, [UInt8]))],
                        origin: String = "Some Tool 1.0") throws -> URL {
        let bytes = RefiImportLenientTests.qde(codes: RefiImportLenientTests.code(code, "Words"),
                                               sources: sources.map(\.xml).joined())
        let qde = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "name=\"Study\"", with: "name=\"Study\" origin=\"\(origin)\"")
        return try RefiTestSupport.qdpx([("project.qde", Array(qde.utf8))] + sources.map(\.file))
    }

    static var vagueSource: (xml: String, file: (String, [UInt8])) {
        source(1, text: vague, selections: RefiImportLenientTests.selection("line:1", 14, 19, code: code))
    }

    /// A source whose named selections show UTF-16 (the text after the emoji matches only so).
    static var clearSource: (xml: String, file: (String, [UInt8])) {
        let text = "👋 Hello there, my friend. The queue was long.\n"
        return source(2, text: text,
                      selections: RefiImportLenientTests.selection("The queue was long", 27, 45, code: code)
                      + RefiImportLenientTests.selection("my friend", 16, 25, code: code))
    }

    @Test func aVagueSourceAloneIsReportedAsUnsure() throws {
        let (outcome, project) = try RefiTestSupport.importInto(try Self.project([Self.vagueSource]))
        #expect(outcome.leftOut == ["source `S1`: unsure whether selection positions count Unicode code points "
                                    + "(read so, as the standard says) or another unit: its selections fit both; "
                                    + "check its codings, or import again with `--offsets utf16` or "
                                    + "`--offsets codepoints`"])
        #expect(project.codings.map(\.excerpt) == ["amma "])
    }

    @Test func theProjectsOtherSourcesDecide() throws {
        let (outcome, project) = try RefiTestSupport.importInto(try Self.project([Self.vagueSource, Self.clearSource]))
        #expect(outcome.leftOut.isEmpty)
        #expect(outcome.adjustments.contains("source `S1`: its selections do not tell how positions are counted; "
                                             + "read as UTF-16 code units, like 1 other source of the project"))
        #expect(project.codings.filter { $0.document == "S1" }.map(\.excerpt) == ["gamma"])
        let second = project.codings.filter { $0.document == "S2" }.map(\.excerpt)
        #expect(Set(second) == ["The queue was long", "my friend"])
    }

    @Test func theWritingToolDecides() throws {
        let file = try Self.project([Self.vagueSource], origin: "NVivo 12 (Windows)")
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.leftOut.isEmpty)
        #expect(outcome.adjustments.contains("source `S1`: its selections do not tell how positions are counted; "
                                             + "read as UTF-16 code units, as `NVivo 12 (Windows)` counts them"))
        #expect(project.codings.map(\.excerpt) == ["gamma"])
    }

    @Test func offsetsOptionDecides() throws {
        let folder = TestSupport.temporaryFolder("coda-refi-offsets")
        let file = try Self.project([Self.vagueSource])
        let run = TestSupport.run(["import", file.path, "--project", "study", "--offsets", "utf16"], in: folder)
        #expect(run.code == .success)
        #expect(run.stdout.contains("  adjusted: selection positions read as UTF-16 code units, as `--offsets` asks, "
            + "in `S1`\n"))
        #expect(Project.load(folder.appendingPathComponent("study")).codings.map(\.excerpt) == ["gamma"])
        let bad = TestSupport.run(["import", file.path, "--project", "other", "--offsets", "bytes"], in: folder)
        #expect(bad.code == .usage)
    }

    /// 200 sources counted in UTF-16, as NVivo for Windows writes them: 20 with named selections that decide, 180
    /// with one unnamed selection each on a quoted phrase after an emoji, where the code-point reading also starts
    /// and ends at word edges (so the selections alone tie, and the standard's code points would be wrong).
    /// Every coding lands on its words.
    @Test func twoHundredUTF16SourcesAllLandRight() throws {
        var sources: [(xml: String, file: (String, [UInt8]))] = []
        var expected: [String: String] = [:]
        for number in 1...200 {
            let word = number <= 20 ? "word\(number)" : "\"word\(number) here\""
            let text = "😀 Interview \(number) said \(word) and left.\n"
            let start = try #require(text.range(of: word)).lowerBound.utf16Offset(in: text)
            let name = number <= 20 ? word : "line:1"
            let guid = String(format: "11111111-2222-4333-8444-%012d", number)
            let selection = RefiImportLenientTests.selection(name, start, start + word.utf16.count, code: Self.code)
            let xml = "<TextSource guid=\"\(guid)\" name=\"N\(number)\" plainTextPath=\"internal://\(guid).txt\">"
                + selection + "</TextSource>"
            sources.append((xml, ("sources/\(guid).txt", Array(text.utf8))))
            expected["N\(number)"] = word
        }
        let (outcome, project) = try RefiTestSupport.importInto(try Self.project(sources))
        #expect(outcome.leftOut.isEmpty)
        let wrong = project.codings.filter { expected[$0.document] != $0.excerpt }
        #expect(project.codings.count == 200)
        #expect(wrong.isEmpty, "\(wrong.count) of 200 codings on the wrong words")
    }
}
