import Foundation
import Testing
@testable import CodaKit

/// WebVTT and SRT import, on fixtures made by ffmpeg and on Zoom- and Teams-shaped files.
@Suite struct ImportSubtitleTests {
    typealias Turn = ImportFixture.Turn

    @Test func zoomStyleCuesWithNamePrefixesMergeIntoTurns() throws {
        let result = try ImportFixture.importing("zoom-P21.vtt")
        ImportFixture.expectTurns(result.transcript, [
            Turn("Interviewer", "00:00:03", "Selamat siang, Mbak Dewi."),
            Turn("Dewi Lestari", "00:00:10", "Yes, I can hear you."),
            Turn("Interviewer", "00:00:14", "No problem. Today I would like"),
            Turn("Dewi Lestari", "00:00:26", "I installed JMO last October"),
            Turn("Interviewer", "00:00:53", "Three times?"),
            Turn("Dewi Lestari", "00:00:59", "Honestly, I almost gave up."),
            Turn("Interviewer", "00:01:15", "How did it feel"),
            Turn("Dewi Lestari", "00:01:19", "Senang."),
            Turn("Interviewer", "00:01:31", "Did you try any other feature"),
        ])
        // Cues 3 and 4 (and 5 and 6) are one turn, joined with a space.
        #expect(result.transcript.segments[2].text
                == "No problem. Today I would like to ask about your experience with the JMO app. Maybe you can start with when you first installed it?")
        #expect(result.transcript.speakers == ["Interviewer", "Dewi Lestari"])
        #expect(result.transcript.attribute("duration") == "00:01:39")
        #expect(result.transcript.attribute("source") == "Sources/zoom-P21.vtt")
        #expect(result.outcome.summary == ["read as WebVTT, 11 cues", "9 segments, 2 speakers: Interviewer, Dewi Lestari",
                                           "timestamps on 9 of 9 segments, duration 00:01:39",
                                           "document `zoom-P21`; see it with `coda show zoom-P21`"])
    }

    @Test func teamsStyleVoiceTagsStylingAndEntities() throws {
        let result = try ImportFixture.importing("teams-S03.vtt")
        let rudi = "Rudi Hartono BPJS Ketenagakerjaan"
        ImportFixture.expectTurns(result.transcript, [
            Turn("Interviewer", "00:00:02", "Terima kasih, Pak Rudi"),
            Turn(rudi, "00:00:08", "Yes, I am a customer service officer"),
            Turn("Interviewer", "00:00:25", "Why do you think"),
            Turn(rudi, "00:00:29", "Some are older"),
            Turn("Interviewer", "00:00:41", "Sorry, <inaudible> could you repeat that?"),
            Turn(rudi, "00:00:47", "The face recognition. If it fails three times, they must come here. That is the rule."),
            Turn("Interviewer", "00:00:58", "I see."),
            Turn(rudi, "00:00:58", "Also, a claim under ten million"),
            Turn("Interviewer", "00:01:05", "Does the app tell them about that limit? Or do they learn it here?"),
            Turn(rudi, "00:01:12", "Mostly here, at the desk. Kami jelaskan satu per satu, one by one."),
        ])
        let texts = result.transcript.segments.map(\.text)
        #expect(texts[3] == "Some are older, they don't trust the app. Some tried, but the face recognition failed & they gave up.")
        #expect(texts[1].hasSuffix("JHT claims. Since JMO, many claims can be done from the phone, but people still come with their documents."))
        #expect(!result.text.contains("STYLE") && !result.text.contains("NOTE") && !result.text.contains("3f1c6b0e"))
        #expect(result.outcome.adjustments == [
            "1 NOTE block dropped", "1 STYLE block dropped",
            "speaker `Rudi Hartono (BPJS Ketenagakerjaan)` is written as `Rudi Hartono BPJS Ketenagakerjaan`",
        ])
    }

    @Test func webVTTWrittenByFFmpegWithMinuteTimings() throws {
        let result = try ImportFixture.importing("ffmpeg-R203.vtt")
        ImportFixture.expectTurns(result.transcript, [
            Turn("Interviewer", "00:00:01", "Pak Joko, you drive ojek online"),
            Turn("Pak Joko", "00:00:06", "Iya, bukan penerima upah."),
            Turn("Interviewer", "00:00:22", "Was it easy"),
            Turn("Pak Joko", "00:00:28", "Not at first. The virtual account number"),
            Turn("Interviewer", "00:00:39", "What did they tell you?"),
            Turn("Pak Joko", "00:00:45", "They said the card number is the KPJ"),
            Turn("Interviewer", "00:00:57", "And now you pay"),
            Turn("Pak Joko", "00:01:02", "Every month."),
        ])
        #expect(result.transcript.segments[1].text.hasSuffix("Now I pay in JMO, it is faster."))
        #expect(result.transcript.attribute("duration") == "00:01:10")
    }

    @Test func srtWrittenByFFmpegWithoutSpeakersBecomesParagraphs() throws {
        let result = try ImportFixture.importing("ffmpeg-S03.srt")
        let segments = result.transcript.segments
        #expect(segments.count == 10)
        #expect(segments.allSatisfy { $0.speaker == nil && $0.timestamp == nil })
        #expect(segments[5].text == "Sorry, <inaudible> could you repeat that?", "SRT has no escapes: unknown tags are text")
        #expect(segments[6].text == "The face recognition. If it fails three times, they must come here. That is the rule.")
        #expect(segments[9].text == "Mostly here, at the desk. Kami jelaskan satu per satu, one by one.", "ffmpeg's `\\h` is a space")
        #expect(result.transcript.attribute("speakers") == "")
        #expect(result.outcome.adjustments == ["10 cues have no speaker and no speaker before them: written as plain paragraphs without timestamps"])
    }

    @Test func srtWithBracketLabelsTagsCodesAndDialogueDashes() throws {
        let result = try ImportFixture.importing("subtitles-R204.srt")
        ImportFixture.expectTurns(result.transcript, [
            Turn("Interviewer", "00:00:00", "Ibu Ani, how long have you used JMO?"),
            Turn("Ibu Ani", "00:00:05", "Since the pandemic. My daughter installed it for me, I only know how to open the card. [laughs]"),
            Turn("Interviewer", "00:00:15", "Do you check your balance?"),
            Turn("Ibu Ani", "00:00:21", "Sometimes. When the notification says the contribution is paid."),
            Turn("Interviewer", "00:00:30", "Only then?"),
            Turn("Ibu Ani", "00:00:30", "Only then. I am afraid to press the wrong button."),
            Turn("Interviewer", "00:00:36", "What would happen"),
            Turn("Ibu Ani", "00:00:45", "I don't know."),
            Turn("Interviewer", "00:00:56", "Nobody explained the menu to you?"),
            Turn("Ibu Ani", "00:01:01", "No. The officer at the office only said, download JMO, Bu."),
        ])
        #expect(!result.text.contains("{\\an8}") && !result.text.contains("<font"))
    }

    @Test func utf16BigEndianSRT() throws {
        let result = try ImportFixture.importing("utf16be-P31.srt")
        ImportFixture.expectTurns(result.transcript, [
            Turn("Interviewer", "00:00:02", "Pak Hendra, you are a driver"),
            Turn("Pak Hendra", "00:00:08", "Yes, eleven years."),
            Turn("Interviewer", "00:00:15", "What do you think about JMO?"),
            Turn("Pak Hendra", "00:00:20", "Good for checking"),
        ])
        #expect(result.outcome.summary.first == "read as SRT, 4 cues, UTF-16 BE")
    }

    // MARK: Readers on small inputs

    @Test func webVTTHeaderIdentifiersSettingsAndMinuteTimes() throws {
        let (cues, notes) = try WebVTTReader(file: "x.vtt").read("""
        WEBVTT - interview P21
        Kind: captions
        Language: id

        REGION
        id:fred width:40%

        intro
        00:01.000 --> 00:04.500 line:0 align:start
        Hello

        01:02:03.250 --> 01:02:05.000
        Two
        lines
        """)
        #expect(cues == [Cue(start: 1, end: 4.5, line: 9, text: "Hello"), Cue(start: 3723.25, end: 3725, line: 12, text: "Two\nlines")])
        #expect(notes == ["1 REGION block dropped"])
    }

    @Test func cueMarkupVoicesTagsRubyTimestampsAndEntities() {
        #expect(CueMarkup.lines("<v.loud Ibu Sari>Halo <b>Pak</b></v> <v Budi>Pagi &amp; <00:00:02.000>selamat</v>") == [
            CueLine(voice: "Ibu Sari", text: "Halo Pak"), CueLine(voice: "Budi", text: "Pagi & selamat"),
        ])
        #expect(CueMarkup.lines("<ruby>漢<rt>kan</rt></ruby>字 <lang id>kartu</lang> &#233;&#x1F600; &lrm;x &bogus; a&b")
                == [CueLine(voice: nil, text: "漢字 kartu é😀 \u{200E}x &bogus; a&b")])
        #expect(CueMarkup.lines("<v Rina>one\ntwo") == [CueLine(voice: "Rina", text: "one"), CueLine(voice: "Rina", text: "two")])
        #expect(CueMarkup.lines("{\\an8}<i>kiri</i>\\Nkanan\\hlagi <inaudible>", srt: true) == [
            CueLine(voice: nil, text: "kiri"), CueLine(voice: nil, text: "kanan lagi <inaudible>"),
        ])
        #expect(CueMarkup.lines("unclosed <b tag") == [CueLine(voice: nil, text: "unclosed <b tag")])
    }

    @Test(arguments: [
        ("Interviewer: Halo", CueLabel(name: "Interviewer", kind: .colon, rest: "Halo")),
        ("- [Ibu Ani] Only then.", CueLabel(name: "Ibu Ani", kind: .bracket, rest: "Only then.")),
        ("[Pak Agus]: Ya", CueLabel(name: "Pak Agus", kind: .bracket, rest: "Ya")),
        ("- Budi: Ya", CueLabel(name: "Budi", kind: .colon, rest: "Ya")),
    ])
    func cueLabels(line: String, label: CueLabel) {
        #expect(CueLabel.read(line) == label)
    }

    @Test(arguments: ["[laughs] yes", "[Music]", "[inaudible]: x", "[00:01] x", "-- dash", "Just text", "[ok]x"])
    func notCueLabels(line: String) {
        #expect(CueLabel.read(line) == nil)
    }

    @Test func loneColonPrefixIsKeptAsTextAndReported() {
        let cues = [
            Cue(start: 1, end: 2, line: 1, text: "<v Interviewer>What happened then?</v>"),
            Cue(start: 3, end: 4, line: 2, text: "The point is: nobody told me."),
            Cue(start: 5, end: 6, line: 3, text: "<v Pak Hasan>So I came back.</v>"),
        ]
        let speakers = CueSpeakers(cues: cues, srt: false)
        #expect(speakers.pieces.map(\.speaker) == ["Interviewer", nil, "Pak Hasan"])
        #expect(speakers.pieces[1].text == "The point is: nobody told me.")
        #expect(speakers.adjustments == ["`The point is:` starts only one cue line, so it was kept as text, not taken as a speaker"])
    }

    @Test func turnBuilderMergesContinuesAndKeepsLeadingParagraphsApart() {
        var builder = TurnBuilder()
        for piece in [
            TurnPiece(speaker: nil, start: 0, text: "Recording starts.", group: 0),
            TurnPiece(speaker: nil, start: 1, text: "Okay.", group: 1),
            TurnPiece(speaker: "ibu sari", start: 2, text: "Pagi.", group: 2),
            TurnPiece(speaker: "Ibu Sari", start: 3, text: " Saya  datang ", group: 3),
            TurnPiece(speaker: nil, start: 4, text: "lagi.", group: 4),
            TurnPiece(speaker: "Interviewer:x", start: 5, text: "Kenapa?", group: 5),
        ] { builder.add(piece) }
        #expect(builder.finishedTurns == [
            ImportedTurn(speaker: nil, start: nil, text: "Recording starts."),
            ImportedTurn(speaker: nil, start: nil, text: "Okay."),
            ImportedTurn(speaker: "ibu sari", start: 2, text: "Pagi. Saya datang lagi."),
            ImportedTurn(speaker: "Interviewer x", start: 5, text: "Kenapa?"),
        ])
        #expect(builder.adjustments == [
            "speaker `Ibu Sari` is written as `ibu sari` (the same name in other letter case)",
            "speaker `Interviewer:x` is written as `Interviewer x`",
            "2 cues have no speaker and no speaker before them: written as plain paragraphs without timestamps",
        ])
    }

    @Test func aParagraphStartingWithAKnownSpeakersLabelBecomesTheirTurn() {
        var builder = TurnBuilder()
        builder.add(TurnPiece(speaker: nil, start: nil, text: "Interviewer: (from the title block) hello", group: 0))
        builder.add(TurnPiece(speaker: nil, start: nil, text: "Budi: not a speaker here", group: 1))
        builder.add(TurnPiece(speaker: "Interviewer", start: 8, text: "Next question.", group: 2))
        #expect(builder.finishedTurns == [
            ImportedTurn(speaker: "Interviewer", start: nil, text: "(from the title block) hello"),
            ImportedTurn(speaker: nil, start: nil, text: "Budi: not a speaker here"),
            ImportedTurn(speaker: "Interviewer", start: 8, text: "Next question."),
        ])
    }

    @Test(arguments: [
        ("Dr. Sari (BPJS)", "Dr. Sari BPJS"), ("<<>>", "Speaker"), ("1", "Speaker 1"), ("Pak  Hasan ", "Pak Hasan"),
        ("one two three four five six", "one two three four five"), (String(repeating: "a", count: 50), String(repeating: "a", count: 40)),
    ])
    func speakerNamesAreSanitised(raw: String, name: String) {
        #expect(SpeakerNames.sanitized(raw) == name)
        #expect(SpeakerLabel.isPlausibleName(SpeakerNames.sanitized(raw)))
    }
}
