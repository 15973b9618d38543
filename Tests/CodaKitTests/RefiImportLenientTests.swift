import Foundation
import Testing
@testable import CodaKit

/// Small hand-made .qdpx files in the shapes real tools write, and the adjustments Coda reports for them.
@Suite("REFI-QDA import: lenient reading")
struct RefiImportLenientTests {
    static let source = "11111111-2222-4333-8444-555555555555"

    static func qde(codes: String, sources: String, users: String = "", extra: String = "") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Study">\(users)<CodeBook><Codes>\(codes)</Codes></CodeBook>\(extra)<Sources>\(sources)</Sources></Project>
        """.utf8)
    }

    static func code(_ guid: String, _ name: String, children: String = "") -> String {
        "<Code guid=\"\(guid)\" name=\"\(name)\" isCodable=\"true\">\(children)</Code>"
    }

    static func selection(_ name: String, _ start: Int, _ end: Int, code: String, user: String? = nil) -> String {
        let userAttribute = user.map { " creatingUser=\"\($0)\"" } ?? ""
        return "<PlainTextSelection guid=\"\(RefiGUID.make(name))\" name=\"\(name)\" startPosition=\"\(start)\" endPosition=\"\(end)\">"
            + "<Coding guid=\"\(RefiGUID.make("c" + name))\"\(userAttribute) creationDateTime=\"2024-05-01T10:00:00.123+02:00\"><CodeRef targetGUID=\"\(code)\"/></Coding></PlainTextSelection>"
    }

    /// NVivo for Windows: `Sources/`, UTF-8 with BOM and CRLF, positions in UTF-16 code units counting CR and LF.
    @Test func nvivoWindowsStyleSource() throws {
        let text = "Interviewer: How was it?\nAli: Great 😀 really.\nAli: The queue was long.\n"
        let stored = text.replacingOccurrences(of: "\n", with: "\r\n")
        func utf16Range(_ words: String) -> (Int, Int) {
            guard let found = stored.range(of: words) else { return (0, 0) }
            let start = stored.utf16.distance(from: stored.utf16.startIndex, to: found.lowerBound)
            return (start, start + words.utf16.count)
        }
        let (s1, e1) = utf16Range("Great 😀 really")
        let (s2, e2) = utf16Range("The queue was long")
        let codeA = "aaaaaaaa-0000-4000-8000-000000000001", codeB = "aaaaaaaa-0000-4000-8000-000000000002"
        let user = "bbbbbbbb-0000-4000-8000-000000000001"
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"Interview A.docx\" plainTextPath=\"internal://\(Self.source).txt\">"
            + Self.selection("Great 😀 really", s1, e1, code: codeA, user: user) + Self.selection("The queue was long", s2, e2, code: codeB, user: user)
            + "</TextSource>"
        let qde = Self.qde(codes: Self.code(codeA, "Mood") + Self.code(codeB, "Queues"), sources: sources,
                           users: "<Users><User guid=\"\(user)\" name=\"Nora\"/></Users>")
        let file = try RefiTestSupport.qdpx([("project.qde", qde), ("Sources/\(Self.source).txt", [0xEF, 0xBB, 0xBF] + Array(stored.utf8))])
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.adjustments == [
            "file names read in any letter case (e.g. `Sources/\(Self.source).txt` for `sources/\(Self.source).txt`)",
            "source `Interview A.docx`: selection positions read as UTF-16 code units, not code points (then 2 of 2 selections match the text their name gives)",
            "source `Interview A.docx`: the byte order mark at its start was dropped",
            "source `Interview A.docx`: CRLF/CR line ends became LF; selection positions were moved to match",
        ])
        let transcript = try #require(project.transcript("Interview A"))
        #expect(transcript.text == text)
        #expect(transcript.path == "Transcripts/Interview_A.txt")
        let codings = project.codings.sorted { $0.start < $1.start }
        #expect(codings.map(\.excerpt) == ["Great 😀 really", "The queue was long"])
        #expect(codings.map(\.code) == ["Mood", "Queues"])
        #expect(codings.map(\.coder) == ["Nora", "Nora"])
        #expect(codings.map(\.time) == ["2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00"])
        #expect(codings.map(\.segmentLabel) == ["2", "3"])
        #expect(project.unplacedCodings.isEmpty && project.movedCodings.isEmpty)
    }

    /// Taguette counts UTF-8 bytes; without users the codings belong to `--coder`.
    @Test func utf8ByteOffsetsAndCoderFromOptions() throws {
        let text = "I moved to the city in 2019 because of work.\n\nThe rent is even higher 😀 but I stay.\n\nNaïve planning made the commute longer.\n"
        func byteRange(_ words: String) -> (Int, Int) {
            guard let found = text.range(of: words) else { return (0, 0) }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound)
            return (start, start + words.utf8.count)
        }
        let code = "aaaaaaaa-0000-4000-8000-000000000003"
        let (s1, e1) = byteRange("rent is even higher 😀 but I stay")
        let (s2, e2) = byteRange("Naïve planning made the commute longer.")
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"Interview 1\" plainTextPath=\"internal://\(Self.source).txt\">"
            + Self.selection("rent is even higher 😀 but I stay", s1, e1, code: code) + Self.selection("Naïve planning made the commute longer.", s2, e2, code: code)
            + "</TextSource>"
        let file = try RefiTestSupport.qdpx([("project.qde", Self.qde(codes: Self.code(code, "housing"), sources: sources)),
                                             ("sources/\(Self.source).txt", Array(text.utf8))])
        let (outcome, project) = try RefiTestSupport.importInto(file, coder: "tess")
        #expect(outcome.adjustments == ["source `Interview 1`: selection positions read as UTF-8 bytes, not code points (then 2 of 2 selections match the text their name gives)"])
        #expect(project.codings.map(\.excerpt).sorted() == ["Naïve planning made the commute longer.", "rent is even higher 😀 but I stay"])
        #expect(project.coders == ["tess"])
        #expect(RefiTestSupport.files(project.root).contains("Codings/tess/Interview_1.tsv"))
    }

    @Test func codesCodaCannotNameAreRenamedWithANote() throws {
        let slash = "aaaaaaaa-0000-4000-8000-000000000011", trust1 = "aaaaaaaa-0000-4000-8000-000000000012"
        let trust2 = "aaaaaaaa-0000-4000-8000-000000000013"
        let text = "We trust the staff. Pros and cons of the app.\n"
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"P1\"><PlainTextContent>\(text)</PlainTextContent>"
            + Self.selection("trust the staff", 3, 18, code: trust2) + Self.selection("Pros and cons", 20, 33, code: slash) + "</TextSource>"
        let codes = Self.code(slash, "Pros/Cons") + Self.code(trust1, "Trust") + Self.code(trust2, "trust")
        let file = try RefiTestSupport.qdpx([("project.qde", Self.qde(codes: codes, sources: sources))])
        let (outcome, project) = try RefiTestSupport.importInto(file, coder: "kim")
        #expect(outcome.adjustments == [
            "1 code had a `/` in the name, which Coda uses between a code and its child; it became `-` (each code's memo says so): `Pros/Cons` → `Pros-Cons`",
            "1 code had the name of another code under the same parent and got a number (each code's memo says so): `trust` → `trust (2)`",
        ])
        #expect(project.codebook.codes.map(\.path) == ["Pros-Cons", "Trust", "trust (2)"])
        #expect(project.codebook.code(path: "Pros-Cons")?.memo == "Imported from REFI-QDA as `Pros/Cons`; renamed because Coda uses `/` between a code and its child, so `/` became `-`.")
        #expect(Set(project.codings.map(\.code)) == ["trust (2)", "Pros-Cons"])
        #expect(project.diagnostics.errorCount == 0)
    }

    @Test func casesBecomeHeadersOrACasesFile() throws {
        let variable = "cccccccc-0000-4000-8000-000000000001"
        let extra = "<Variables><Variable guid=\"\(variable)\" name=\"Age Group\" typeOfVariable=\"Text\"/></Variables><Cases>"
            + "<Case guid=\"dddddddd-0000-4000-8000-000000000001\" name=\"Ana\"><VariableValue><VariableRef targetGUID=\"\(variable)\"/><TextValue>30-39</TextValue></VariableValue><SourceRef targetGUID=\"\(Self.source)\"/></Case>"
            + "<Case guid=\"dddddddd-0000-4000-8000-000000000002\" name=\"Ben\"><VariableValue><VariableRef targetGUID=\"\(variable)\"/><TextValue>50+</TextValue></VariableValue></Case></Cases>"
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"Ana interview\"><PlainTextContent>Hello.</PlainTextContent></TextSource>"
        let file = try RefiTestSupport.qdpx([("project.qde", Self.qde(codes: Self.code("aaaaaaaa-0000-4000-8000-000000000021", "Greeting"), sources: sources, extra: extra))])
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.adjustments == ["1 case without a transcript of their own: attributes written to Transcripts/study-cases.csv"])
        #expect(RefiTestSupport.text(project.root, "Transcripts/Ana_interview.txt") == "---\nid: Ana interview\ncase: Ana\nage_group: 30-39\n---\nHello.")
        #expect(RefiTestSupport.text(project.root, "Transcripts/study-cases.csv") == "case,age_group\nBen,50+\n")
        #expect(project.caseRecord("Ana")?.attributes == ["age_group": "30-39"])
        #expect(project.caseRecord("Ben")?.attributes == ["age_group": "50+"])
    }

    @Test func innerProjectFileNamedAfterTheProject() throws {
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"P1\"><PlainTextContent>Hi.</PlainTextContent></TextSource>"
        let file = try RefiTestSupport.qdpx([("My Study.qde", Self.qde(codes: Self.code(Self.source.replacingOccurrences(of: "1111", with: "9999"), "A"), sources: sources))])
        let (outcome, project) = try RefiTestSupport.importInto(file)
        #expect(outcome.adjustments == ["the project file is named `My Study.qde`, not `project.qde`"])
        #expect(project.transcripts.map(\.text) == ["Hi."])
    }

    @Test func nothingIsWrittenWhenATargetExists() throws {
        let sources = "<TextSource guid=\"\(Self.source)\" name=\"P1\"><PlainTextContent>Hi.</PlainTextContent></TextSource>"
        let file = try RefiTestSupport.qdpx([("project.qde", Self.qde(codes: Self.code("aaaaaaaa-0000-4000-8000-000000000031", "A"), sources: sources))])
        let root = TestSupport.project(["Transcripts/P1.txt": "---\nid: Other\n---\nText.\n"])
        let before = RefiTestSupport.files(root)
        let run = TestSupport.run(["import", file.path, "--project", root.path])
        #expect(run.code == .problemsFound)
        #expect(run.stderr == "test.qdpx: error: the import would write 1 file that already exists: Transcripts/P1.txt; nothing was imported\n"
                + "  hint: import into an empty folder with `--project DIR`, or move those files away first\n")
        #expect(RefiTestSupport.files(root) == before)

        let empty = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["import", file.path, "--project", empty.path]).code == .success)
        let again = TestSupport.run(["import", file.path, "--project", empty.path])
        #expect(again.stderr.hasPrefix("test.qdpx: error: the project's codebook already has 1 of the imported code: `A`; nothing was imported\n"))
    }

    @Test(arguments: [
        ("bad.qdpx", "not a zip", "bad.qdpx: error: the file is not a readable zip archive:"),
        ("empty.qdpx", "zip:readme.txt", "empty.qdpx: error: the archive holds no project.qde\n  hint: a .qdpx holds project.qde and sources/; this one holds readme.txt"),
        ("broken.qdpx", "zip:<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Users>", "broken.qdpx/project.qde: error: the file is not well-formed XML (line 1,"),
        ("project.qdc", "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>", "project.qdc: error: this is not a REFI-QDA codebook: its root element is <Project>\n  hint: this is a REFI-QDA project: give it the extension .qdpx (zipped with its sources) to import it"),
        ("none.qdc", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>", "none.qdc: error: the codebook has no codes"),
    ])
    func badFilesGiveClearMessages(name: String, contents: String, message: String) throws {
        let folder = TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        if contents.hasPrefix("zip:") {
            let entry = name == "empty.qdpx" ? "readme.txt" : "project.qde"
            try Data(contentsOf: try RefiTestSupport.qdpx([(entry, Array(contents.dropFirst(4).utf8))])).write(to: url)
        } else {
            try Data(contents.utf8).write(to: url)
        }
        let target = TestSupport.temporaryFolder()
        let run = TestSupport.run(["import", url.path, "--project", target.path])
        #expect(run.code == .problemsFound)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(RefiTestSupport.files(target).isEmpty)
    }
}

/// Plain text from a tool without speaker turns (here, video titles and their comments, as Taguette or qc hold
/// them) is imported as paragraphs; an interview with real turns keeps them.
@Suite("REFI-QDA import: paragraphs or turns")
struct RefiParagraphImportTests {
    static func importText(_ text: String, origin: String = "qc") throws -> (ImportOutcome, Project) {
        let code = "aaaaaaaa-0000-4000-8000-000000000001"
        let start = text.unicodeScalars.count - (text.unicodeScalars.split(separator: "\n").last?.count ?? 0)
        let sources = "<TextSource guid=\"\(RefiImportLenientTests.source)\" name=\"videos\" plainTextPath=\"internal://v.txt\">"
            + RefiImportLenientTests.selection("last line", start, text.unicodeScalars.count, code: code) + "</TextSource>"
        let qde = String(decoding: RefiImportLenientTests.qde(codes: RefiImportLenientTests.code(code, "Food"), sources: sources), as: UTF8.self)
            .replacingOccurrences(of: "name=\"Study\"", with: "name=\"Study\" origin=\"\(origin)\"")
        let file = try RefiTestSupport.qdpx([("project.qde", Array(qde.utf8)), ("sources/v.txt", Array(text.utf8))])
        return try RefiTestSupport.importInto(file)
    }

    @Test func videoTitlesWithColonsBecomeParagraphs() throws {
        let titles = ["Cooking rice: the easy way", "Street food tour: Bangkok at night", "Knife skills: five cuts",
                      "Baking bread: a beginner's guide", "Review: the new rice cooker", "Q&A: your questions answered"]
        let text = titles.map { "\($0)\nLovely video, I tried it at home and the family liked it.\n" }.joined(separator: "\n")
            + "\nthe rice was sticky"
        let (outcome, project) = try Self.importText(text)
        let transcript = try #require(project.transcript("videos"))
        #expect(transcript.speakers.isEmpty)
        #expect(transcript.segments.count == 7)
        #expect(transcript.segments[0].text.hasPrefix("Cooking rice: the easy way"))
        #expect(outcome.adjustments.contains("source `videos`: read as 7 paragraphs, not speaker turns: its 5 kinds of `Name:` line start "
                                             + "(e.g. `Cooking rice:`) do not make a conversation; the transcript's empty `speakers:` line says so"))
        #expect(!project.diagnostics.contains { $0.location?.file == transcript.path })
        #expect(project.codings.map(\.excerpt) == ["the rice was sticky"])
        let file = try #require(RefiTestSupport.text(project.root, transcript.path))
        #expect(file.contains("\nspeakers:\n---\nCooking rice"))
    }

    @Test func anInterviewKeepsItsTurns() throws {
        let text = "Interviewer: How was the rice?\nAmina: Good.\nInterviewer: And the bread?\nAmina: Better.\n\nthe rice was sticky"
        let (outcome, project) = try Self.importText(text)
        let transcript = try #require(project.transcript("videos"))
        #expect(transcript.speakers == ["Interviewer", "Amina"])
        #expect(!outcome.adjustments.contains { $0.contains("paragraphs") })
    }
}
