/// An interview transcript: header attributes and numbered segments of its body.
public struct Transcript: Sendable {
    /// The document id (header `id`, else the file name without extension).
    public var id: String
    /// The path relative to the project folder, e.g. `Transcripts/P01.md`.
    public var path: String
    /// Header attributes in file order, keys in lower case; includes `case`, `role`, `phase` when given.
    public var attributes: [(key: String, value: String)]
    public var caseID: String
    /// The body of the file (everything after the header), with LF line ends: the text codings point into.
    public private(set) var text: String
    public var segments: [Segment] {
        didSet { knownWordCount = nil }
    }
    /// Names accepted as speakers, in order of first appearance.
    public var speakers: [String]
    /// An interview transcript, or a survey question's answers: what its segments are and whose they are.
    public internal(set) var kind: DocumentKind = .interview
    let scalarIndex: ScalarIndex
    /// The words of all segments, when a load already counted them (or the cache kept the count): `status`
    /// shows the words of every transcript. Forgotten whenever the segments change.
    var knownWordCount: Int?

    public init(id: String, path: String, attributes: [(key: String, value: String)], caseID: String, text: String,
                segments: [Segment], speakers: [String]) {
        self.init(id: id, path: path, attributes: attributes, caseID: caseID, text: text, segments: segments, speakers: speakers,
                  scalarIndex: ScalarIndex(text))
    }

    init(id: String, path: String, attributes: [(key: String, value: String)], caseID: String, text: String,
         segments: [Segment], speakers: [String], scalarIndex: ScalarIndex) {
        self.id = id
        self.path = path
        self.attributes = attributes
        self.caseID = caseID
        self.text = text
        self.segments = segments
        self.speakers = speakers
        self.scalarIndex = scalarIndex
    }

    public func attribute(_ key: String) -> String? {
        let key = key.lowercased()
        return attributes.first { $0.key == key }?.value
    }

    public var wordCount: Int { knownWordCount ?? segments.reduce(0) { $0 + $1.wordCount } }

    public func segment(_ number: Int) -> Segment? {
        number >= 1 && number <= segments.count ? segments[number - 1] : nil
    }
}

/// Problems in a transcript file.
public enum TranscriptError: CodaError {
    case headerNotClosed(file: String, line: Int)
    case badHeaderLine(file: String, line: Int, text: String)
    case badID(file: String, line: Int?, id: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .headerNotClosed(file, line):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "the header that starts here is never closed",
                              hint: "end the header with a line holding only `---`")
        case let .badHeaderLine(file, line, text):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "header line `\(text.truncated(to: 40))` is not `key: value`",
                              hint: "write each header line as `key: value`, e.g. `role: participant`")
        case let .badID(file, line, id):
            return Diagnostic(.error, at: SourceLocation(file: file, line: line),
                              "the id `\(id)` cannot be used: ids may not be empty or contain `:` or `/`",
                              hint: "choose an id such as `P01` in the header (`id: P01`)")
        }
    }
}
