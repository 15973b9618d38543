/// Reads a SubRip file (`.srt`) into cues. Each block is a sequence number, a timing line
/// `hh:mm:ss,ttt --> hh:mm:ss,ttt` (a `.` before the milliseconds is accepted too) and text lines.
/// Leniencies, each reported: a block without its number; a block with neither number nor timing after a cue,
/// taken as more text of that cue (a blank line inside a subtitle). A number not followed by a timing line that
/// parses, or a file that does not start with a subtitle, is an error naming the line.
struct SRTReader {
    var file: String

    func read(_ text: String) throws(ImportError) -> (cues: [Cue], adjustments: [String]) {
        var cues: [Cue] = []
        var unnumbered = 0
        var continued = 0
        for block in TextBlocks.split(text) {
            let first = block[0].text.trimmingWhitespace()
            var timingIndex = 0
            if !first.isEmpty, first.allSatisfy(\.isASCIIDigit) {
                guard block.count > 1 else {
                    throw .malformed(file: file, line: block[0].number, reason: "subtitle \(first) has no timing line",
                                     hint: "the file may be cut short; an SRT subtitle is a number, a timing line and text")
                }
                timingIndex = 1
            } else if first.contains("-->") {
                unnumbered += 1
            } else if let last = cues.indices.last {
                cues[last].text += "\n" + block.map(\.text).joined(separator: "\n")
                continued += 1
                continue
            } else {
                throw .malformed(file: file, line: block[0].number,
                                 reason: "an SRT file starts with a subtitle number and a timing line, not `\(first.truncated(to: 40))`",
                                 hint: "check that the file is SRT; a WebVTT file should be named .vtt")
            }
            let timing = block[timingIndex]
            guard let (start, end) = CueTiming.read(timing.text) else {
                let what = timingIndex == 1 ? "after subtitle \(first), " : ""
                throw .malformed(file: file, line: timing.number,
                                 reason: "\(what)the timing line `\(timing.text.truncated(to: 60))` cannot be read",
                                 hint: "an SRT timing looks like `00:01:02,500 --> 00:01:05,000`")
            }
            let body = block[(timingIndex + 1)...].map(\.text).joined(separator: "\n")
            cues.append(Cue(start: start, end: max(start, end), line: timing.number, text: body))
        }
        var adjustments: [String] = []
        if unnumbered > 0 { adjustments.append("\(unnumbered) subtitle\(unnumbered == 1 ? "" : "s") without a sequence number") }
        if continued > 0 {
            adjustments.append("\(continued) block\(continued == 1 ? "" : "s") without number or timing read as more text of the subtitle before")
        }
        return (cues, adjustments)
    }
}
