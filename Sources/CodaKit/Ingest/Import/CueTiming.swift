/// Reads a cue timing line, `00:01:02.500 --> 00:01:05.000 align:start` (WebVTT) or
/// `00:01:02,500 --> 00:01:05,000` (SRT). Times are `hh:mm:ss.ttt` or `mm:ss.ttt`, with `.` or `,` before the
/// fraction; anything after the end time (WebVTT cue settings, SRT coordinates) is ignored.
enum CueTiming {
    static func read(_ line: String) -> (start: Double, end: Double)? {
        guard let arrow = line.range(of: "-->") else { return nil }
        let startText = line[..<arrow.lowerBound].trimmingWhitespace()
        let after = line[arrow.upperBound...].trimmingWhitespace()
        let endText = after.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        guard let start = time(startText), let end = time(endText) else { return nil }
        return (start, end)
    }

    /// Seconds for one time (`mm:ss` at least, read by `Timestamp`), or nil.
    static func time(_ text: String) -> Double? {
        Timestamp(text)?.seconds
    }
}
