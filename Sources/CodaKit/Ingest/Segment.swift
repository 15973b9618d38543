/// One numbered unit of a document: a speaker turn, a paragraph, or a survey respondent's answer.
/// Numbers start at 1 and are what every command uses to point at text.
public struct Segment: Sendable, Hashable {
    public var number: Int
    public var speaker: String?
    public var timestamp: Timestamp?
    /// The words of the segment, without the speaker label.
    public var text: String
    /// Where `text` lies in the document text, in Unicode scalars.
    public var range: Range<Int>
    /// The line of the source file where the segment starts.
    public var line: Int

    public var wordCount: Int { text.split(whereSeparator: { $0.isWhitespace }).count }
}
