/// One numbered unit of a document: a speaker turn, a paragraph, or a survey respondent's answer.
/// Numbers start at 1 and are what every command uses to point at text.
public struct Segment: Sendable, Hashable {
    public var number: Int
    public var speaker: String?
    public var timestamp: Timestamp?
    /// The words of the segment, without the speaker label: a slice of the document's text.
    public var text: Substring
    /// Where `text` lies in the document text, in Unicode scalars.
    public var range: Range<Int>
    /// The line of the source file where the segment starts.
    public var line: Int

    /// Words are separated by any whitespace; ASCII text is counted on its bytes, as it is on every load.
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.split(whereSeparator: \.isWhitespace).count }
            let space = byte == 32 || (9...13).contains(byte)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
