import Testing
@testable import CodaKit

@Suite struct TranscriptParserTests {
    func parse(_ text: String, id: String = "doc") throws -> Transcript {
        try TranscriptParser(path: "Transcripts/\(id).md", defaultID: id).parse(text).0
    }

    /// The text a range points at, sliced by Unicode scalars as codings will slice it.
    func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[range]))
    }

    @Test func readsHeaderTurnsAndTimestamps() throws {
        let t = try parse("""
        ---
        id: P01
        case: R017
        role: participant
        Phase: before
        ---
        [00:00:05] Interviewer: How did you hear
        about JMO?

        [00:00:12] Pak Rahman: From my son.
        Interviewer: Anything else?

        """)
        #expect(t.id == "P01")
        #expect(t.caseID == "R017")
        #expect(t.attribute("role") == "participant")
        #expect(t.attribute("phase") == "before")
        #expect(t.segments.map(\.speaker) == ["Interviewer", "Pak Rahman", "Interviewer"])
        #expect(t.segments.map(\.text) == ["How did you hear\nabout JMO?", "From my son.", "Anything else?"])
        #expect(t.segments.map { $0.timestamp?.text } == ["00:00:05", "00:00:12", nil])
        #expect(t.segments[1].timestamp?.seconds == 12)
        #expect(t.segments.map(\.line) == [7, 10, 11])
        #expect(t.segments[0].range.lowerBound == "[00:00:05] Interviewer: ".count)
        #expect(t.speakers == ["Interviewer", "Pak Rahman"])
        for s in t.segments { #expect(slice(t.text, s.range) == s.text) }
    }

    @Test func idDefaultsToFileNameAndCaseToID() throws {
        let t = try parse("A: hello\nB: hi\n", id: "interview-3")
        #expect(t.id == "interview-3")
        #expect(t.caseID == "interview-3")
    }

    @Test(arguments: ["Dr. Hasan", "Zoë Müller", "P01", "Ибрагим", "田中 太郎", "Bu Sari-Ayu", "Speaker 2"])
    func acceptsNamesOfAnyScript(name: String) throws {
        let t = try parse("\(name): first\nOther: reply\n\(name): second\n")
        #expect(t.segments.map(\.speaker) == [name, "Other", name])
    }

    @Test func rangesCountUnicodeScalarsNotBytes() throws {
        let t = try parse("Zoë: café ☕ time\nAnn: 好的\n")
        #expect(t.segments[0].range == 5..<16)
        #expect(t.segments[1].range == 22..<24)
        for s in t.segments { #expect(slice(t.text, s.range) == s.text) }
    }

    @Test func paragraphsWhenThereAreNoSpeakers() throws {
        let t = try parse("""
        First paragraph
        goes on.

        Second one, with a time 9:30 and Note: a colon.


        Third.
        """)
        #expect(t.segments.count == 3)
        #expect(t.segments.allSatisfy { $0.speaker == nil })
        #expect(t.segments.map(\.text) == ["First paragraph\ngoes on.", "Second one, with a time 9:30 and Note: a colon.", "Third."])
        #expect(t.segments.map(\.line) == [1, 4, 7])
    }

    @Test func aOneOffLabelInsideProseIsNotASpeaker() throws {
        let t = try parse("The banner was in the lobby.\nNote: it was small.\n\nWe left at noon.\n")
        #expect(t.segments.count == 2)
        #expect(t.segments[0].speaker == nil)
        #expect(t.segments[0].text == "The banner was in the lobby.\nNote: it was small.")
    }

    @Test func declaredSpeakersDecideWhenLabelsAreAmbiguous() throws {
        let t = try parse("""
        ---
        speakers: Interviewer, Bu Sari
        ---
        Interviewer: What did the officer say?
        Bu Sari: He said this.
        Note: bring your KTP.
        Note: bring the form.
        Interviewer: Thanks.
        """)
        #expect(t.segments.map(\.speaker) == ["Interviewer", "Bu Sari", "Interviewer"])
        #expect(t.segments[1].text == "He said this.\nNote: bring your KTP.\nNote: bring the form.")
    }

    @Test func declaredSpeakerThatNeverSpeaksIsAWarning() throws {
        let (_, diagnostics) = try TranscriptParser(path: "Transcripts/x.md", defaultID: "x").parse("---\nspeakers: A, Ghost\n---\nA: hi\n")
        #expect(diagnostics.map(\.message) == ["speaker `Ghost` is listed in `speakers:` but never labels a turn"])
    }

    @Test func aLabelUsedOnceAmongManyTurnsIsFlagged() throws {
        let text = "Interviewer: Where did you hear of it?\nBu Sari: From a banner.\nExample: the one at the gate.\nInterviewer: And then?\nBu Sari: I installed it.\n"
        let (t, diagnostics) = try TranscriptParser(path: "Transcripts/x.md", defaultID: "x").parse(text)
        #expect(t.segments.map(\.speaker) == ["Interviewer", "Bu Sari", "Example", "Interviewer", "Bu Sari"])
        #expect(diagnostics.map(\.message) == ["`Example` labels only one turn, so it was taken as a speaker"])
        let declared = try TranscriptParser(path: "Transcripts/x.md", defaultID: "x").parse("---\nspeakers: Interviewer, Bu Sari\n---\n" + text)
        #expect(declared.1.isEmpty)
        #expect(declared.0.segments.count == 4)
    }

    @Test func markdownBoldLabelsAndTimestampStyles() throws {
        let t = try parse("**Interviewer:** Hello.\n**P02**: Hi.\n(01:02) Interviewer: Round.\n00:01:02.500 P02 - no dash label\n01:03:04 P02: Bare time.\n")
        #expect(t.segments.map(\.speaker) == ["Interviewer", "P02", "Interviewer", "P02"])
        #expect(t.segments[0].text == "Hello.")
        #expect(t.segments[2].timestamp?.seconds == 62)
        #expect(t.segments[2].text == "Round.\n00:01:02.500 P02 - no dash label")
        #expect(t.segments[3].timestamp?.seconds == 3784)
    }

    @Test func spacesInsideTimestampBracketsAreAllowed() throws {
        let t = try parse("[ 00:12:31 ] Interviewer: Hello.\n(\t01:02) P02: Hi.\n")
        #expect(t.segments.map(\.speaker) == ["Interviewer", "P02"])
        #expect(t.segments.map { $0.timestamp?.seconds } == [751, 62])
        #expect(t.segments[0].text == "Hello.")
    }

    @Test func wordsAreSeparatedByAnyWhitespace() {
        func words(_ text: String) -> Int {
            Segment(number: 1, speaker: nil, timestamp: nil, text: Substring(text), range: 0..<0, line: 1).wordCount
        }
        #expect(words("one\u{00A0}two three\u{3000}four\u{2009}five\u{0B}six\r\nseven") == 7)
        #expect(words(" one two\tthree\u{0C}four\n") == 4)
        #expect(words("") == 0)
    }

    @Test func lineEndingsDoNotChangeSegments() throws {
        let lf = "---\nid: X\n---\nA: one\ntwo\n\nB: three\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try parse(try TextDecoder.decodeUTF8(Array(lf.utf8), file: "a"))
        let b = try parse(try TextDecoder.decodeUTF8([0xEF, 0xBB, 0xBF] + Array(crlf.utf8), file: "b"))
        #expect(a.segments == b.segments)
        #expect(a.text == b.text)
    }

    @Test func headerErrorsNameTheLine() {
        #expect(throws: TranscriptError.headerNotClosed(file: "Transcripts/doc.md", line: 1)) {
            try parse("---\nid: X\nA: hello\n")
        }
        #expect(throws: TranscriptError.badHeaderLine(file: "Transcripts/doc.md", line: 3, text: "this is not a pair")) {
            try parse("---\nid: X\nthis is not a pair\n---\nA: hi\n")
        }
        #expect(throws: TranscriptError.badID(file: "Transcripts/doc.md", line: nil, id: "a:b")) {
            try parse("---\nid: a:b\n---\nA: hi\n")
        }
        let message = TranscriptError.badHeaderLine(file: "Transcripts/doc.md", line: 3, text: "this is not a pair").description
        #expect(message == "Transcripts/doc.md:3: error: header line `this is not a pair` is not `key: value`\n  hint: write each header line as `key: value`, e.g. `role: participant`")
    }

    @Test func theScalarIndexBuiltWhileParsingSlicesLikeAFreshOne() throws {
        var text = ""
        for i in 0..<300 { text += "Zoë\(i % 3): café ☕ \(String(repeating: "好", count: i % 7)) number \(i) déjà vu\n" }
        let t = try parse(text)
        let fresh = ScalarIndex(t.text)
        #expect(t.scalarCount == fresh.scalarCount)
        for s in t.segments {
            #expect(t.text(in: s.range) == s.text)
            #expect(fresh.slice(s.range, of: t.text) == s.text)
        }
    }

    @Test func emptyBodyHasNoSegments() throws {
        let t = try parse("---\nid: E\n---\n\n\n")
        #expect(t.segments.isEmpty)
    }
}

extension TranscriptError: Equatable {
    public static func == (a: TranscriptError, b: TranscriptError) -> Bool { a.description == b.description }
}
