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
        let ascii = utf8.withContiguousStorageIfAvailable(Segment.asciiWordCount)
            ?? Array(utf8).withUnsafeBufferPointer(Segment.asciiWordCount)
        return ascii ?? text.split(whereSeparator: \.isWhitespace).count
    }

    /// The number of words, or nil when a byte is not ASCII. Two simple passes without early exits: the first
    /// looks for a non-ASCII byte, the second counts where words start.
    private static func asciiWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        guard high < 0x80 else { return nil }
        var count = 0
        var previousSpace = true
        for byte in bytes {
            let space = byte == 32 || byte &- 9 < 5
            count &+= !space && previousSpace ? 1 : 0
            previousSpace = space
        }
        return count
    }
}
