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
        // On the text's own bytes when they are contiguous (always, for text read from a file): `status` counts
        // the words of a whole corpus.
        let utf8 = text.utf8
        let ascii = utf8.withContiguousStorageIfAvailable(Segment.asciiWordCount) ?? Segment.asciiWordCount(utf8)
        return ascii ?? text.split(whereSeparator: \.isWhitespace).count
    }

    /// The number of words, or nil at the first byte that is not ASCII.
    private static func asciiWordCount(_ bytes: some Sequence<UInt8>) -> Int? {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let space = byte == 32 || (byte >= 9 && byte <= 13)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
