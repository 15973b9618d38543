/// Finds a coding's words in the current text of its document. Researchers fix typos and anonymise names
/// after coding; a coding follows its words when they can be found unambiguously, and is reported,
/// never silently moved onto other words, when they cannot.
enum CodingAnchor {
    enum Status: Equatable, Sendable {
        /// The words are where the coding says.
        case inPlace
        /// The words were found elsewhere (text inserted or deleted above them, or a small edit inside).
        case moved
        case unplaced(reason: String)
    }

    struct Placement {
        var coding: Coding
        var status: Status
    }

    static func place(_ coding: Coding, in document: Transcript) -> Placement {
        var coding = coding
        let count = document.scalarCount
        if coding.end <= count, coding.start < coding.end,
           fingerprint(document.text(in: coding.range), is: coding.fingerprint) {
            coding.refreshSegments(in: document)
            return Placement(coding: coding, status: .inPlace)
        }
        var found = find(coding, in: document)
        if case .failure(let reason) = found, !reason.ambiguous, let tolerant = findTolerantly(coding, in: document) {
            found = tolerant
        }
        switch found {
        case .success(let range):
            coding.cover(range, in: document)
            return Placement(coding: coding, status: .moved)
        case .failure(let reason):
            return Placement(coding: coding, status: .unplaced(reason: reason.text))
        }
    }

    struct Reason: Error {
        var text: String
        /// The words were found in several places: a tolerant search would only find the same tie.
        var ambiguous = false
    }

    private static func find(_ coding: Coding, in document: Transcript) -> Result<Range<Int>, Reason> {
        let (head, tail) = coding.excerptParts
        let length = coding.end - coding.start
        guard !head.isEmpty else { return .failure(Reason(text: "the coding has no text to look for")) }
        let text = document.text
        if tail == nil {
            let hits = occurrences(of: head, in: text, limit: 2)
            if hits.count == 1 { return .success(hits[0]..<(hits[0] + head.unicodeScalars.count)) }
            if hits.count > 1 {
                return .failure(Reason(text: "the coded words now occur more than once in the document", ambiguous: true))
            }
        }
        // Look for the first and last words of the span, allowing the middle to have changed.
        let scalars = Array(head.unicodeScalars)
        let keep = tail == nil ? min(24, max(4, scalars.count / 3)) : min(24, scalars.count)
        let headPart = String(String.UnicodeScalarView(scalars.prefix(keep)))
        let tailScalars = Array((tail ?? head).unicodeScalars)
        let tailPart = String(String.UnicodeScalarView(tailScalars.suffix(keep)))
        guard headPart.unicodeScalars.count >= 4 else { return .failure(Reason(text: "the coded words are no longer in the document")) }
        let heads = occurrences(of: headPart, in: text, limit: 2)
        let tails = occurrences(of: tailPart, in: text, limit: 50)
        guard heads.count == 1 else {
            return .failure(Reason(text: heads.isEmpty ? "the coded words are no longer in the document"
                                   : "the start of the coded words now occurs more than once"))
        }
        let start = heads[0]
        let candidates = tails.map { $0 + tailPart.unicodeScalars.count }.filter { end in
            let newLength = end - start
            return newLength > 0 && abs(newLength - length) <= max(5, length / 5)
        }
        guard candidates.count == 1 else {
            return .failure(Reason(text: candidates.isEmpty ? "the coded words were changed too much to be found again"
                                   : "the end of the coded words now occurs more than once"))
        }
        let range = start..<candidates[0]
        if tail == nil {
            let found = String(document.text(in: range))
            let allowed = max(2, head.count / 5)
            if EditDistance.distance(found, head) > allowed {
                return .failure(Reason(text: "the coded words were changed too much to be found again"))
            }
        }
        return .success(range)
    }

    /// Scalar offsets where `needle` occurs in `text` (exact, case-sensitive), up to `limit` of them.
    static func occurrences(of needle: String, in text: String, limit: Int) -> [Int] {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return [] }
        var result: [Int] = []
        var text = text
        text.withUTF8 { buffer in
            let count = buffer.count
            var i = 0
            var scalarOffset = 0
            let first = n[0]
            while i + n.count <= count {
                let byte = buffer[i]
                if byte == first {
                    var match = true
                    var k = 1
                    while k < n.count { if buffer[i + k] != n[k] { match = false; break }; k += 1 }
                    if match {
                        result.append(scalarOffset)
                        if result.count >= limit { return }
                    }
                }
                if byte & 0xC0 != 0x80 { scalarOffset += 1 }
                i += 1
            }
        }
        return result
    }
}
