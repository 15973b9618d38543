import Foundation
import Testing
@testable import CodaKit

/// `coda import` for transcripts, end to end: what it writes, what it reports, and what it refuses.
@Suite struct ImportCommandTests {
    static func copyFixture(_ name: String, into folder: URL) throws -> URL {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: ImportFixture.url(name), to: target)
        return target
    }

    @Test func importsWithIdCaseAndAttributesAndReportsWhatItDid() throws {
        let project = TestSupport.project([:])
        _ = try Self.copyFixture("zoom-P21.vtt", into: project)
        let run = TestSupport.run(["import", "zoom-P21.vtt", "--id", "P21", "--case", "R021", "--attr", "role=participant",
                                   "--attr", "Phase = after"], in: project)
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout == """
        imported zoom-P21.vtt:
          read as WebVTT, 11 cues
          9 segments, 2 speakers: Interviewer, Dewi Lestari
          timestamps on 9 of 9 segments, duration 00:01:39
          document `P21` (case R021); see it with `coda show P21`
          wrote Sources/zoom-P21.vtt
          wrote Transcripts/P21.md

        """)
        let text = try String(contentsOf: project.appendingPathComponent("Transcripts/P21.md"), encoding: .utf8)
        #expect(text.hasPrefix("""
        ---
        id: P21
        case: R021
        role: participant
        phase: after
        source: Sources/zoom-P21.vtt
        speakers: Interviewer, Dewi Lestari
        duration: 00:01:39
        ---
        [00:00:03] Interviewer: Selamat siang, Mbak Dewi. Thank you for joining this call. Can you hear me clearly?

        [00:00:10] Dewi Lestari: Yes, I can hear you.
        """))
        #expect(try ImportFixture.bytes("zoom-P21.vtt") == [UInt8](try Data(contentsOf: project.appendingPathComponent("Sources/zoom-P21.vtt"))))
        // The project reads it like any transcript.
        let loaded = Project.load(project)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let transcript = try #require(loaded.transcript("P21"))
        #expect(transcript.caseID == "R021")
        #expect(transcript.attribute("role") == "participant")
        #expect(transcript.segments.count == 9)
    }

    @Test func importsSeveralFilesAndReportsEach() throws {
        let project = TestSupport.project([:])
        for name in ["teams-S03.vtt", "libreoffice-tracked-P24.docx", "rev-P28.txt"] { _ = try Self.copyFixture(name, into: project) }
        let run = TestSupport.run(["import", "teams-S03.vtt", "libreoffice-tracked-P24.docx", "rev-P28.txt"], in: project)
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.contains("  adjusted: tracked changes accepted: 2 insertions kept, 2 deletions dropped\n"))
        #expect(run.stdout.contains("  adjusted: speaker `Rudi Hartono (BPJS Ketenagakerjaan)` is written as `Rudi Hartono BPJS Ketenagakerjaan`\n"))
        let ids = Project.load(project).transcripts.map(\.id)
        #expect(ids == ["libreoffice-tracked-P24", "rev-P28", "teams-S03"])
    }

    @Test func neverOverwritesAndWritesNothingWhenATargetExists() throws {
        let project = TestSupport.project(["Transcripts/P21.txt": "---\nid: old-21\n---\nInterviewer: an older transcript\n"])
        let file = try Self.copyFixture("zoom-P21.vtt", into: TestSupport.temporaryFolder())
        let run = TestSupport.run(["import", file.path, "--id", "P21"], in: project)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.hasPrefix("Transcripts/P21.txt: error: a file of that name is already in the project; nothing was imported"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Sources").path))

        // A different file of the same name in Sources/ stops the import too.
        let other = TestSupport.project(["Sources/zoom-P21.vtt": "WEBVTT\n"])
        let second = TestSupport.run(["import", file.path], in: other)
        #expect(second.stderr.hasPrefix("Sources/zoom-P21.vtt: error: a file of that name is already in the project"))
        #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent("Transcripts/zoom-P21.md").path))
        #expect(try String(contentsOf: other.appendingPathComponent("Sources/zoom-P21.vtt"), encoding: .utf8) == "WEBVTT\n")
    }

    @Test func anIdAlreadyInTheProjectIsRefused() throws {
        let project = TestSupport.project(["Transcripts/interview-7.md": "---\nid: P21\n---\nInterviewer: Halo\n"])
        let file = try Self.copyFixture("zoom-P21.vtt", into: TestSupport.temporaryFolder())
        let run = TestSupport.run(["import", file.path, "--id", "p21"], in: project)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.hasPrefix("error: the id `p21` cannot be used: a document with this id is already in the project"))
    }

    @Test func anIdImportedEarlierInTheSameRunIsRefused() throws {
        let project = TestSupport.project(["first.txt": "---\nid: P40\n---\nInterviewer: Halo\nP40: Halo juga\n",
                                           "second.txt": "---\nid: p40\n---\nInterviewer: Apa kabar\nP40: Baik\n"])
        let run = TestSupport.run(["import", "first.txt", "second.txt"], in: project)
        #expect(run.code == .problemsFound)
        #expect(run.stdout.hasPrefix("imported first.txt:"))
        #expect(run.stderr.hasPrefix("error: the id `p40` cannot be used: a document with this id is already in the project"))
        #expect(Project.load(project).transcripts.map(\.id) == ["P40"])
    }

    @Test func reimportingTheSameOriginalUnderAnotherIdKeepsOneCopy() throws {
        let project = TestSupport.project([:])
        let file = try Self.copyFixture("otter-P26.txt", into: project)
        #expect(TestSupport.run(["import", file.path, "--id", "P26"], in: project).code == .success)
        try FileManager.default.removeItem(at: project.appendingPathComponent("Transcripts/P26.md"))
        let again = TestSupport.run(["import", "Sources/otter-P26.txt", "--id", "P26b"], in: project)
        #expect(again.code == .success, "\(again.stderr)")
        #expect(again.stdout.contains("  original already kept as Sources/otter-P26.txt\n  wrote Transcripts/P26b.md\n"))
    }

    @Test(arguments: [
        (["--attr", "speakers=A, B"], "error: `--attr speakers=…` cannot be used: `coda import` writes `speakers:` itself"),
        (["--attr", "id=P1"], "error: `--attr id=…` cannot be used: use `--id` instead"),
        (["--id", "P:1"], "error: the id `P:1` cannot be used: an id may not contain `:`"),
        (["--encoding", "ebcdic"], "error: `ebcdic` is not an encoding Coda reads"),
    ])
    func badOptionsAreClearErrors(extra: [String], message: String) throws {
        let project = TestSupport.project([:])
        _ = try Self.copyFixture("zoom-P21.vtt", into: project)
        let run = TestSupport.run(["import", "zoom-P21.vtt"] + extra, in: project)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.hasPrefix(message), "got: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Transcripts/zoom-P21.md").path))
    }

    @Test func anAttributeWithoutEqualsNamesTheAttrOption() throws {
        let project = TestSupport.project([:])
        _ = try Self.copyFixture("zoom-P21.vtt", into: project)
        let run = TestSupport.run(["import", "zoom-P21.vtt", "--attr", "role"], in: project)
        #expect(run.code == .usage)
        #expect(run.stderr.hasPrefix("error: `role` is not ATTRIBUTE=VALUE"), "got: \(run.stderr)")
        #expect(run.stderr.contains("`--attr role=participant`"), "got: \(run.stderr)")
        #expect(!run.stderr.contains("--where"), "got: \(run.stderr)")
    }

    @Test func writtenTurnsReadBackExactly() throws {
        let turns = [
            ImportedTurn(speaker: nil, start: nil, text: "[00:00:01] Not: a label, since the speakers are declared"),
            ImportedTurn(speaker: "Ibu Sari", start: 3725.9, text: "Halo: semua"),
            ImportedTurn(speaker: "Budi", start: nil, text: ""),
            ImportedTurn(speaker: "Ibu Sari", start: 3800, text: "**Bold:** text"),
        ]
        let source = ImportedSource(format: "test", body: .turns(turns), duration: 3801.2)
        let (text, transcript) = try TranscriptComposer.compose(source, header: [("id", "T1"), ("case", "T1")], keptSpeakers: nil,
                                                                path: "Transcripts/T1.md", id: "T1", file: "t")
        #expect(text.contains("speakers: Ibu Sari, Budi\nduration: 01:03:22\n---\n"))
        #expect(transcript.segments.map(\.speaker) == [nil, "Ibu Sari", "Budi", "Ibu Sari"])
        #expect(transcript.segments.map { $0.timestamp?.text } == [nil, "01:02:05", nil, "01:03:20"])
        #expect(transcript.segments.map { String($0.text) } == turns.map(\.text))
    }
}
