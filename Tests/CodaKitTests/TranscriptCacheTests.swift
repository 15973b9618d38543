import Foundation
import Testing
@testable import CodaKit

/// The transcript cache is never a source of truth: every read command prints the same bytes with the cache
/// absent, just built, warm, stale after an edit, damaged, or left behind by an edit its file time cannot show.
@Suite struct TranscriptCacheTests {
    /// Every read command, as a researcher would run it on `project`.
    static func commands(theme: String, coders: [String], question: String) -> [[String]] {
        var list: [[String]] = [["status"], ["check"], ["retrieve", theme], ["agree"] + coders, ["conclude"],
                                ["survey", question]]
        for kind in MatrixKind.allCases {
            switch kind {
            case .attribute: list.append(["matrix", kind.rawValue, "--by", "role"])
            case .time: list.append(["matrix", kind.rawValue, "--by", "phase"])
            default: list.append(["matrix", kind.rawValue])
            }
        }
        return list
    }

    /// What every command printed, then the appendix's files, as one text to compare.
    static func outputs(_ root: URL, commands: [[String]], before: (() -> Void)? = nil) -> String {
        var all = ""
        for arguments in commands {
            before?()
            let run = TestSupport.run(arguments, in: root, environment: ["CODA_CODER": "tester"])
            all += "$ coda \(arguments.joined(separator: " ")) → \(run.code)\n"
            all += "\(run.stdout)\n--- stderr\n\(run.stderr)\n"
        }
        before?()
        let appendix = TestSupport.temporaryFolder("coda-appendix")
        let run = TestSupport.run(["export", "appendix", appendix.path, "--format", "md"], in: root,
                                  environment: ["CODA_CODER": "tester"])
        // The appendix goes to a new folder each time; its name is the one difference allowed.
        all += "$ coda export appendix → \(run.code)\n\(run.stdout)\n--- stderr\n\(run.stderr)\n"
            .replacingOccurrences(of: appendix.path, with: "OUT")
        for url in DirectoryWalker.files(under: appendix) {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? "unreadable"
            all += "=== \(url.lastPathComponent)\n\(text)\n"
        }
        try? FileManager.default.removeItem(at: appendix)
        return all
    }

    /// A generated project of short transcripts in a new temporary folder.
    static func generated(transcripts: Int, words: Int) throws -> URL {
        let root = TestSupport.temporaryFolder("coda-synthetic")
        var synthetic = SyntheticProject(transcripts: transcripts)
        synthetic.wordsPerTranscript = words
        _ = try synthetic.write(to: root)
        return root
    }

    static func removeCache(_ root: URL) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".coda"))
    }

    static func cacheFile(_ root: URL) -> URL { TranscriptCache.url(in: root) }

    /// Runs every command in every cache state on `root` and checks the outputs agree.
    static func checkEveryState(_ root: URL, commands: [[String]], edited transcript: String,
                                codingFile: String) throws {
        let absent = outputs(root, commands: commands) { removeCache(root) }
        #expect(absent.contains("matrix"), "the commands ran")
        removeCache(root)
        _ = TestSupport.run(["status"], in: root)
        #expect(FileManager.default.fileExists(atPath: cacheFile(root).path), "a whole-project load builds the cache")
        let built = try #require(FileManager.default.contents(atPath: cacheFile(root).path))
        let cold = outputs(root, commands: commands)
        #expect(cold == absent, "output with a just-built cache")
        let warm = outputs(root, commands: commands)
        #expect(warm == absent, "output with a warm cache")
        #expect(TranscriptCache.read(root: root)?.entries.isEmpty == false)

        // A damaged cache (a byte changed, then cut short) is ignored and made again.
        var damaged = built
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: cacheFile(root))
        #expect(TranscriptCache.read(root: root) == nil, "a changed byte fails the checksum")
        let first = [["status"], ["check"]]
        #expect(outputs(root, commands: first) == outputs(root, commands: first) { removeCache(root) })
        try built.prefix(built.count / 3).write(to: cacheFile(root))
        #expect(TranscriptCache.read(root: root) == nil, "a truncated cache is refused")
        #expect(outputs(root, commands: commands) == absent, "output after a truncated cache")

        // Edit a transcript (a new turn's words, a different size) and a coding file, then compare with no cache.
        _ = TestSupport.run(["status"], in: root)
        let transcriptURL = root.appendingPathComponent(transcript)
        var text = try String(contentsOf: transcriptURL, encoding: .utf8)
        text += "\n\nInterviewer: One more question, asked after the cache was made?\n\n"
        text += "Respondent: Yes, and the answer.\n"
        try text.write(to: transcriptURL, atomically: true, encoding: .utf8)
        let codingURL = root.appendingPathComponent(codingFile)
        let codings = try String(contentsOf: codingURL, encoding: .utf8)
        let lines = codings.split(separator: "\n", omittingEmptySubsequences: false)
        let half = lines.prefix(lines.count / 2).joined(separator: "\n") + "\n"
        try half.write(to: codingURL, atomically: true, encoding: .utf8)
        let stale = outputs(root, commands: commands)
        let editedAbsent = outputs(root, commands: commands) { removeCache(root) }
        #expect(stale == editedAbsent, "output after editing a transcript and a coding file")
        #expect(stale != absent, "the edits show in the output")
        try checkCodingCache(root, commands: commands, edited: transcript, codingFile: codingFile)
    }

    static func codingCacheFile(_ root: URL) -> URL {
        root.appendingPathComponent(TranscriptCache.folder).appendingPathComponent(CodingCache.fileName)
    }

    /// The cache of placed codings: damaged, after an edit that moves the codings of a transcript, and after a
    /// codebook rename rewrites the codings files, every command prints what it prints without any cache.
    static func checkCodingCache(_ root: URL, commands: [[String]], edited transcript: String,
                                 codingFile: String) throws {
        _ = TestSupport.run(["status"], in: root)
        let cache = try #require(CodingCache.read(root: root), "a whole-project load builds the cache of codings")
        #expect(cache.entries[codingFile] != nil)
        let warm = outputs(root, commands: commands)
        #expect(warm == outputs(root, commands: commands) { removeCache(root) }, "output with warm placed codings")

        let built = try #require(FileManager.default.contents(atPath: codingCacheFile(root).path))
        var damaged = built
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: codingCacheFile(root))
        #expect(CodingCache.read(root: root) == nil, "a changed byte fails the checksum")
        #expect(outputs(root, commands: commands) == warm, "output after a damaged cache of codings")
        try built.prefix(built.count / 2).write(to: codingCacheFile(root))
        #expect(CodingCache.read(root: root) == nil, "a truncated cache is refused")
        #expect(outputs(root, commands: commands) == warm, "output after a truncated cache of codings")

        // A turn put before the first one: every coding of the transcript follows its words to a new place.
        let url = root.appendingPathComponent(transcript)
        let text = try String(contentsOf: url, encoding: .utf8)
        let first = try #require(Project.load(root).transcripts.first { $0.path == transcript }?.segments.first)
        let found = try #require(text.range(of: first.text))
        let lineStart = text[..<found.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let inserted = "Interviewer: A question put first, after the codings were made?\n\n"
        try (String(text[..<lineStart]) + inserted + String(text[lineStart...])).write(to: url, atomically: true,
                                                                                      encoding: .utf8)
        let moved = outputs(root, commands: commands)
        #expect(moved.contains("followed their words to a new place"), "the codings moved")
        #expect(moved == outputs(root, commands: commands) { removeCache(root) }, "output after codings moved")

        // A rename rewrites every coder's codings files; the cache must not keep the old code's name.
        _ = TestSupport.run(["status"], in: root)
        let line = try String(contentsOf: root.appendingPathComponent(codingFile), encoding: .utf8)
            .split(separator: "\n").first { !$0.hasPrefix("#") }
        let code = String(try #require(line).split(separator: "\t")[4])
        let rename = TestSupport.run(["codebook", "rename", code, "Renamed for the cache"], in: root,
                                     environment: ["CODA_CODER": "tester"])
        #expect(rename.code == .success, "\(rename.stderr)")
        let renamed = outputs(root, commands: commands)
        #expect(renamed != moved, "the rename shows in the output")
        #expect(renamed == outputs(root, commands: commands) { removeCache(root) }, "output after a rename")
    }

    @Test func sampleProjectPrintsTheSameWithAndWithoutTheCache() throws {
        let root = CodebookChangeTests.sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let commands = Self.commands(theme: "Queues", coders: ["nurul", "amir"], question: "Q1")
        try Self.checkEveryState(root, commands: commands, edited: "Transcripts/R017-participant.md",
                                 codingFile: "Codings/nurul/R017.tsv")
    }

    @Test func generatedProjectPrintsTheSameWithAndWithoutTheCache() throws {
        let root = try Self.generated(transcripts: 12, words: 400)
        defer { try? FileManager.default.removeItem(at: root) }
        let commands = Self.commands(theme: "Theme 1", coders: ["coder-a", "coder-b"], question: "Q1")
        try Self.checkEveryState(root, commands: commands, edited: "Transcripts/T00003.md",
                                 codingFile: "Codings/coder-a/T00003.tsv")
    }

    /// An edit that keeps the file's size and time (within the time's resolution) is caught by the content hash
    /// while the time is too recent to trust; an old time is trusted without reading the hash.
    @Test func racyEditIsCaughtByContentAndOldFilesByTime() throws {
        let root = TestSupport.project([
            "Transcripts/P01.md": "---\nid: P01\n---\nInterviewer: How long did you wait?\n\nAna: About two hours.\n",
            "Codebooks/codes.md": "# Codes\n\n## Waiting\nDefinition: Time spent waiting.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Transcripts/P01.md")
        #expect(Project.load(root).transcripts.first?.segments.last?.text == "About two hours.")
        let cache = try #require(TranscriptCache.read(root: root))
        #expect(cache.entries["Transcripts/P01.md"]?.hash != nil, "a file as new as the cache keeps its content hash")
        // Same size, and the very same modification time put back: only the content tells.
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        try "---\nid: P01\n---\nInterviewer: How long did you wait?\n\nAna: About six hours.\n"
            .write(to: file, atomically: false, encoding: .utf8)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        #expect(Project.load(root).transcripts.first?.segments.last?.text == "About six hours.")

        // Files an hour old are trusted by size and time, and their entries carry no hash.
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: file.path)
        Self.removeCache(root)
        #expect(Project.load(root).transcripts.first?.segments.last?.text == "About six hours.")
        let trusted = try #require(TranscriptCache.read(root: root))
        #expect(trusted.entries["Transcripts/P01.md"].map { $0.hash == nil } == true)
        #expect(Project.load(root).transcripts.first?.segments.last?.text == "About six hours.")
    }

    /// A small project with a coding made by `coda tag`, a coding on a document no file holds, and a rejected
    /// suggestion.
    static func codedProject() throws -> URL {
        let root = TestSupport.project([
            "Transcripts/P01.md":
                "---\nid: P01\n---\nInterviewer: How long did you wait?\n\nAna: About two hours, in the sun.\n",
            "Codebooks/codes.md": "# Codes\n\n## Waiting\nDefinition: Time spent waiting.\n",
        ])
        let tag = TestSupport.run(["tag", "P01", "2", "Waiting", "--phrase", "two hours"], in: root,
                                  environment: ["CODA_CODER": "ana"])
        #expect(tag.code == .success, "\(tag.stderr)")
        let tagged = try String(contentsOf: root.appendingPathComponent("Codings/ana/P01.tsv"), encoding: .utf8)
        let line = try #require(tagged.split(separator: "\n").first { !$0.hasPrefix("#") })
        var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[0] = "P09"
        try (fields.joined(separator: "\t") + "\n").write(to: root.appendingPathComponent("Codings/ana/P09.tsv"),
                                                           atomically: true, encoding: .utf8)
        fields[0] = "P01"
        fields[5] = "auto"
        let rejected = root.appendingPathComponent("Codings/auto/rejected")
        try FileManager.default.createDirectory(at: rejected, withIntermediateDirectories: true)
        try (fields.joined(separator: "\t") + "\n").write(to: rejected.appendingPathComponent("P01.tsv"),
                                                           atomically: true, encoding: .utf8)
        return root
    }

    static func loadWithoutCache(_ root: URL) -> Project {
        removeCache(root)
        return Project.load(root)
    }

    /// Everything a load made of the codings, as one comparable text.
    static func codingsSummary(_ project: Project) -> String {
        let unplaced = project.unplacedCodings.map { "\($0.0) \($0.1)" }
        return "\(project.codings)\n\(project.movedCodings)\n\(unplaced)\n\(project.rejectedSuggestions)\n"
            + project.diagnostics.map(\.description).joined(separator: "\n")
    }

    /// Old files are trusted by size and time: a warm load takes every placed coding from the cache, rewrites
    /// nothing, and builds the same codings, unplaced codings, rejected suggestions and problems.
    @Test func placedCodingsComeBackFromTheCacheAsTheyWere() throws {
        let root = try Self.codedProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for url in DirectoryWalker.files(under: root) {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
        }
        Self.removeCache(root)
        let cold = Project.load(root)
        #expect(cold.codings.count == 1 && cold.rejectedSuggestions.count == 1 && cold.unplacedCodings.count == 1)
        #expect(cold.diagnostics.contains { $0.message.contains("point to the document `P09`, which does not exist") })
        let cache = try #require(CodingCache.read(root: root))
        #expect(cache.entries.keys.sorted()
                == ["Codings/ana/P01.tsv", "Codings/ana/P09.tsv", "Codings/auto/rejected/P01.tsv"])
        #expect(cache.entries.values.allSatisfy { $0.identity.hash == nil }, "old files need no content hash")
        let made = try FileManager.default.attributesOfItem(atPath: Self.codingCacheFile(root).path)[.modificationDate]
        let warm = Project.load(root)
        #expect(Self.codingsSummary(warm) == Self.codingsSummary(cold))
        let after = try FileManager.default.attributesOfItem(atPath: Self.codingCacheFile(root).path)[.modificationDate]
        #expect(after as? Date == made as? Date, "a warm load with nothing changed does not write the cache again")
    }

    /// Edits that keep a file's size and time are caught by content while the time is too recent to trust: in the
    /// codings file itself, and in the transcript its codings lie on.
    @Test func racyEditsOfCodingsAndTheirTranscriptAreCaught() throws {
        let root = try Self.codedProject()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Project.load(root).codings.first?.memo == "")
        #expect(try #require(CodingCache.read(root: root)).entries["Codings/ana/P01.tsv"]?.identity.hash != nil)
        func editKeepingTime(_ path: String, _ change: (String) -> String) throws {
            try CacheStampTests.rewriteKeepingTime(root, path, asNewFile: false, change)
        }
        // The code's name, changed in place, is no longer in the codebook.
        try editKeepingTime("Codings/ana/P01.tsv") { $0.replacingOccurrences(of: "\tWaiting\t", with: "\tWaitinx\t") }
        let edited = Project.load(root)
        #expect(edited.codings.first?.code == "Waitinx")
        #expect(Self.codingsSummary(edited) == Self.codingsSummary(Self.loadWithoutCache(root)))
        // The coded words, changed in the transcript, are no longer where the coding says, nor anywhere else.
        try editKeepingTime("Transcripts/P01.md") { $0.replacingOccurrences(of: "two hours", with: "six hours") }
        let moved = Project.load(root)
        #expect(moved.codings.isEmpty && moved.unplacedCodings.count == 2)
        #expect(Self.codingsSummary(moved) == Self.codingsSummary(Self.loadWithoutCache(root)))
    }

    /// A load counts each transcript's words once and the cache keeps the count; changing the segments forgets it.
    @Test func wordCountsComeFromTheCacheAndFollowTheSegments() throws {
        let root = TestSupport.project(["Transcripts/P01.md":
                                            "Interviewer: How long did you wait?\n\nAna: About two hours.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Project.load(root).transcripts.first?.knownWordCount == 8, "counted while parsing")
        var transcript = try #require(Project.load(root).transcripts.first)
        #expect(transcript.knownWordCount == 8, "kept by the cache")
        transcript.segments.removeLast()
        #expect(transcript.knownWordCount == nil)
        #expect(transcript.wordCount == 5)
    }

    /// Loads that build the cache at the same time each write a whole file by rename; whichever lands is sound.
    @Test func loadsBuildingTheCacheAtOnceLeaveAWholeCache() throws {
        let root = try Self.generated(transcripts: 8, words: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = Project.load(root).transcripts.map { $0.segments.map(\.text) }
        Self.removeCache(root)
        let counts = [Int](repeating: 0, count: 6).parallelMap { _ in Project.load(root).transcripts.count }
        #expect(counts == [Int](repeating: 8, count: 6))
        let cache = try #require(TranscriptCache.read(root: root))
        #expect(cache.entries.count == 8)
        #expect(Project.load(root).transcripts.map { $0.segments.map(\.text) } == expected)
        let folder = root.appendingPathComponent(TranscriptCache.folder)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers.sorted() == [".gitignore", "codings", "transcripts"], "no temporary file is left behind")
    }

    /// A cache names the build that wrote it, so a rebuilt or upgraded Coda (whose parser or messages may have
    /// changed) parses again instead of trusting another build's entries.
    @Test func theCacheNamesTheBuildThatWroteIt() throws {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: executable)[.size] as? Int)
        #expect(TranscriptCache.format.hasPrefix("coda transcript cache 3; \(codaVersion) \(size) "))
        let root = TestSupport.project(["Transcripts/P01.md": "# P01\n\n**A:** One turn.\n"])
        _ = Project.load(root)
        let written = try #require(FileManager.default.contents(atPath: TranscriptCache.url(in: root).path))
        #expect(TranscriptCache.read(root: root) != nil)
        #expect(String(decoding: written, as: UTF8.self).contains(TranscriptCache.buildIdentity))
    }

    @Test func aOneDocumentLoadLeavesTheCacheAlone() throws {
        let root = TestSupport.project([
            "Transcripts/P01.md": "Interviewer: Hello?\n\nAna: Hello.\n",
            "Transcripts/P02.md": "Interviewer: Hi?\n\nBudi: Hi.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = Project.load(root)
        let full = try #require(TranscriptCache.read(root: root))
        #expect(full.entries.count == 2)
        _ = Project.load(root, onlyDocument: "P01")
        #expect(TranscriptCache.read(root: root)?.entries.count == 2)
        let ignore = try String(contentsOf: root.appendingPathComponent(".coda/cache/.gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("*"), "git ignores the cache without the user's .gitignore")
    }
}
