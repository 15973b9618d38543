import Foundation
import Testing
@testable import CodaKit

/// Fixtures for the transcript import tests, in Fixtures/import (see its README.txt), and helpers that import them.
enum ImportFixture {
    static let folder = TestSupport.fixture("import")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// A turn as the tests state it: speaker, `hh:mm:ss` timestamp, and the start of the text.
    struct Turn: CustomStringConvertible, Sendable {
        var speaker: String?
        var time: String?
        var opening: String

        init(_ speaker: String?, _ time: String?, _ opening: String) {
            self.speaker = speaker
            self.time = time
            self.opening = opening
        }

        var description: String { "\(speaker ?? "–") [\(time ?? "–")] \(opening)…" }
    }

    struct Imported {
        var outcome: ImportOutcome
        /// The written transcript, read back from disk by `TranscriptParser`.
        var transcript: Transcript
        var text: String
        var project: URL
    }

    /// Imports fixture `name` into a fresh project, then reads the written transcript back from disk.
    static func importing(_ name: String, options: ImportOptions = ImportOptions()) throws -> Imported {
        let project = TestSupport.project([:])
        let outcome = try Importer.run(url(name), into: project, options: options)
        let path = try #require(outcome.written.last)
        let text = try String(contentsOf: project.appendingPathComponent(path), encoding: .utf8)
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let transcript = try TranscriptParser(path: path, defaultID: id).parse(text).0
        return Imported(outcome: outcome, transcript: transcript, text: text, project: project)
    }

    /// Checks the segments' speakers and timestamps exactly, and that each text starts as expected.
    static func expectTurns(_ transcript: Transcript, _ turns: [Turn], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(transcript.segments.count == turns.count, "segment count", sourceLocation: sourceLocation)
        for (segment, turn) in zip(transcript.segments, turns) {
            #expect(segment.speaker == turn.speaker, "segment \(segment.number): \(turn)", sourceLocation: sourceLocation)
            #expect(segment.timestamp?.text == turn.time, "segment \(segment.number): \(turn)", sourceLocation: sourceLocation)
            #expect(segment.text.hasPrefix(turn.opening), "segment \(segment.number) is `\(segment.text)`", sourceLocation: sourceLocation)
        }
    }
}
