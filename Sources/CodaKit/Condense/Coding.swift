/// One application of a code to a span of a document's text, by one coder.
public struct Coding: Sendable, Hashable {
    /// The document id (`P01`, or `pre-survey:Q4` for a survey's open answers).
    public var document: String
    /// The code's path, `Parent/Child`.
    public var code: String
    /// The span in the document text, in Unicode scalars, end exclusive.
    public var start: Int
    public var end: Int
    /// The first and last segment the span touches, as written in the file.
    public var firstSegment: Int
    public var lastSegment: Int
    public var coder: String
    /// When it was made, ISO 8601 UTC (`2026-11-25T13:02:00Z`).
    public var time: String
    /// A short hash of the coded text, to notice when the transcript was edited.
    public var fingerprint: String
    /// The coded words as they were (shortened in the middle when long), to find them again after edits.
    public var excerpt: String
    public var memo: String

    public var range: Range<Int> { start..<end }
    public var segments: ClosedRange<Int> { firstSegment...max(firstSegment, lastSegment) }

    public var segmentLabel: String { firstSegment == lastSegment ? "\(firstSegment)" : "\(firstSegment)-\(lastSegment)" }

    /// Two codings are the same when the same coder put the same code on the same span.
    public struct Key: Hashable, Sendable {
        var document: String
        var code: String
        var start: Int
        var end: Int
        var coder: String
    }

    public var key: Key { Key(document: document, code: code.lowercased(), start: start, end: end, coder: coder.lowercased()) }

    /// The same code on the same span of a document, whoever put it there.
    struct SpanKey: Hashable, Sendable {
        var document: String
        var code: String
        var start: Int
        var end: Int
    }

    var spanKey: SpanKey { SpanKey(document: document.lowercased(), code: code.lowercased(), start: start, end: end) }

    /// Longer spans keep only their first and last words in the file.
    static let excerptLimit = 120
    static let excerptKeep = 50

    static func excerpt(of text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > excerptLimit else { return String(text) }
        let head = String(String.UnicodeScalarView(scalars.prefix(excerptKeep)))
        let tail = String(String.UnicodeScalarView(scalars.suffix(excerptKeep)))
        return head + " … " + tail
    }

    /// The excerpt split back into the words it keeps: the whole text, or its head and tail.
    var excerptParts: (head: String, tail: String?) {
        guard end - start > Coding.excerptLimit, let range = excerpt.range(of: " … ") else { return (excerpt, nil) }
        return (String(excerpt[..<range.lowerBound]), String(excerpt[range.upperBound...]))
    }
}

extension Coding {
    /// A coding of the words at `span` in `document` (on segment 1 when the span touches no segment).
    init(_ span: Range<Int>, in document: Transcript, code: String, coder: String, time: String, memo: String) {
        self.init(document: document.id, code: code, start: 0, end: 0, firstSegment: 1, lastSegment: 1, coder: coder, time: time,
                  fingerprint: "", excerpt: "", memo: memo)
        cover(span, in: document)
    }

    /// Puts the coding on the words at `span`: its fingerprint, excerpt and segments follow them.
    mutating func cover(_ span: Range<Int>, in document: Transcript) {
        start = span.lowerBound
        end = span.upperBound
        let words = document.text(in: span)
        fingerprint = CodaKit.fingerprint(words)
        excerpt = Coding.excerpt(of: words)
        refreshSegments(in: document)
    }

    /// Sets the first and last segment to those the span touches; when it touches none they stay as they are.
    mutating func refreshSegments(in document: Transcript) {
        let numbers = document.segmentNumbers(overlapping: range)
        if let first = numbers.first, let last = numbers.last {
            firstSegment = first
            lastSegment = last
        }
    }
}

/// FNV-1a over the UTF-8 bytes, as 8 hex digits: enough to tell that a coded text changed.
func fingerprint(_ text: some StringProtocol) -> String {
    let hex = String(fingerprintHash(text), radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}

/// Whether `fingerprint(text) == expected`, without making a string: every load checks every coding.
func fingerprint(_ text: some StringProtocol, is expected: String) -> Bool {
    let digits = expected.utf8
    guard digits.count == 8, digits.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
          let value = UInt32(expected, radix: 16) else { return false }
    return value == fingerprintHash(text)
}

private func fingerprintHash(_ text: some StringProtocol) -> UInt32 {
    var hash: UInt32 = 0x811C9DC5
    for byte in text.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 0x01000193
    }
    return hash
}
