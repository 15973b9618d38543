/// Reads a WebVTT file (`.vtt`, as Zoom, Teams and YouTube write them) into cues.
/// The file must start with `WEBVTT`; the header block after it (`Kind:`, `Language:`) is skipped. Blocks are
/// separated by blank lines: `NOTE`, `STYLE` and `REGION` blocks are dropped; a cue is an optional identifier
/// line, a timing line (`hh:mm:ss.ttt --> …` or `mm:ss.ttt --> …`, cue settings after it ignored), then its text.
/// A timing line that does not parse is an error naming its line; a block that is no cue at all is skipped and reported.
struct WebVTTReader {
    var file: String

    func read(_ text: String) throws(ImportError) -> (cues: [Cue], adjustments: [String]) {
        var blocks = TextBlocks.split(text)
        guard let header = blocks.first?.first, isSignature(header.text) else {
            throw .malformed(file: file, line: 1, reason: "a WebVTT file must start with the line `WEBVTT`",
                             hint: Self.startsLikeSRT(blocks) ? "this looks like an SRT file: rename it to .srt"
                                : "check that the file is WebVTT; export it again from the tool that made it")
        }
        blocks.removeFirst()
        var cues: [Cue] = []
        var dropped: [String: Int] = [:]
        var skippedLines: [Int] = []
        for block in blocks {
            let first = block[0].text
            if let keyword = ["NOTE", "STYLE", "REGION"].first(where: { Self.startsBlock(first, with: $0) }) {
                dropped[keyword, default: 0] += 1
                continue
            }
            let timingIndex: Int
            if first.contains("-->") {
                timingIndex = 0
            } else if block.count > 1, block[1].text.contains("-->") {
                timingIndex = 1
            } else {
                skippedLines.append(block[0].number)
                continue
            }
            let timing = block[timingIndex]
            guard let (start, end) = CueTiming.read(timing.text) else {
                throw .malformed(file: file, line: timing.number,
                                 reason: "the cue timing `\(timing.text.truncated(to: 60))` cannot be read",
                                 hint: "a WebVTT timing looks like `00:01:02.500 --> 00:01:05.000`")
            }
            let body = block[(timingIndex + 1)...].map(\.text).joined(separator: "\n")
            cues.append(Cue(start: start, end: max(start, end), line: timing.number, text: body))
        }
        var adjustments: [String] = []
        for keyword in dropped.keys.sorted() {
            let n = dropped[keyword, default: 0]
            adjustments.append("\(n) \(keyword) block\(n == 1 ? "" : "s") dropped")
        }
        if !skippedLines.isEmpty {
            adjustments.append("\(skippedLines.count) block\(skippedLines.count == 1 ? "" : "s") without a cue timing skipped "
                               + "(line \(skippedLines.prefix(5).map(String.init).joined(separator: ", "))\(skippedLines.count > 5 ? ", …" : ""))")
        }
        return (cues, adjustments)
    }

    /// `WEBVTT` alone or followed by a space or tab and any text.
    private func isSignature(_ line: String) -> Bool {
        Self.startsBlock(line, with: "WEBVTT")
    }

    private static func startsBlock(_ line: String, with keyword: String) -> Bool {
        guard line.hasPrefix(keyword) else { return false }
        let after = line.dropFirst(keyword.count)
        return after.isEmpty || after.first == " " || after.first == "\t"
    }

    /// A first block of a number and a timing line: an SRT file named .vtt.
    private static func startsLikeSRT(_ blocks: [[NumberedLine]]) -> Bool {
        guard let block = blocks.first, block.count >= 2 else { return false }
        return block[0].text.trimmingWhitespace().allSatisfy(\.isASCIIDigit) && block[1].text.contains("-->")
    }
}
