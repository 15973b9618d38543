/// Reads a transcript file: an optional `---` header of `key: value` lines, then a body split into
/// speaker turns or, when there are no speaker labels, blank-line paragraphs.
struct TranscriptParser {
    var path: String
    var defaultID: String

    /// A line of the body with its position.
    private struct Line {
        var text: Substring
        var number: Int
        /// Offset of the line's first scalar in the body text.
        var scalarOffset: Int
        var scalarCount: Int
        var isBlank: Bool
    }

    func parse(_ source: String) throws(TranscriptError) -> (Transcript, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var attributes: [(key: String, value: String)] = []
        var body = Substring(source)
        var firstBodyLine = 1

        if source.hasPrefix("---"), let firstLineEnd = source.utf8.firstIndex(of: 10) ?? Optional(source.endIndex),
           source[..<firstLineEnd].trimmingWhitespace() == "---" {
            var index = firstLineEnd == source.endIndex ? firstLineEnd : source.index(after: firstLineEnd)
            var lineNumber = 2
            var closed = false
            var seen: [String: Int] = [:]
            while index < source.endIndex {
                let end = source[index...].utf8.firstIndex(of: 10) ?? source.endIndex
                let line = source[index..<end]
                index = end == source.endIndex ? end : source.index(after: end)
                let trimmed = line.trimmingWhitespace()
                if trimmed == "---" || trimmed == "..." {
                    closed = true
                    firstBodyLine = lineNumber + 1
                    break
                }
                defer { lineNumber += 1 }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    throw .badHeaderLine(file: path, line: lineNumber, text: trimmed)
                }
                let key = trimmed[..<colon].trimmingWhitespace().lowercased()
                let value = trimmed[trimmed.index(after: colon)...].trimmingWhitespace()
                guard !key.isEmpty, !key.contains(" ") || key.count <= 30 else {
                    throw .badHeaderLine(file: path, line: lineNumber, text: trimmed)
                }
                if let previous = seen[key] {
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: lineNumber),
                                                  "header key `\(key)` is given again (first on line \(previous)); the last value is used"))
                    attributes.removeAll { $0.key == key }
                }
                seen[key] = lineNumber
                attributes.append((key, value))
            }
            guard closed else { throw .headerNotClosed(file: path, line: 1) }
            body = source[index...]
        }

        let id = attributes.first { $0.key == "id" }?.value ?? defaultID
        if id.isEmpty || id.contains(":") || id.contains("/") {
            throw .badID(file: path, line: nil, id: id)
        }
        let caseID = attributes.first { $0.key == "case" }?.value.nilIfEmpty ?? id
        let declared = attributes.first { $0.key == "speakers" }?.value
            .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }

        // One copy of the body: the transcript's text, which every segment's text is a slice of.
        let bodyText = String(body)
        let (lines, scalarIndex) = splitLines(bodyText, firstLine: firstBodyLine)
        let labels = lines.map { $0.isBlank ? nil : SpeakerLabel.read($0.text) }
        let accepted = acceptedSpeakers(lines: lines, labels: labels, declared: declared, diagnostics: &diagnostics)
        let segments = buildSegments(lines: lines, labels: labels, accepted: accepted)

        var speakers: [String] = []
        var seenSpeakers = Set<String>()
        for segment in segments {
            if let s = segment.speaker, seenSpeakers.insert(s).inserted { speakers.append(s) }
        }
        let transcript = Transcript(id: id, path: path, attributes: attributes.filter { $0.key != "id" },
                                    caseID: caseID, text: bodyText, segments: segments, speakers: speakers, scalarIndex: scalarIndex)
        return (transcript, diagnostics)
    }

    /// Splits the body into lines in one pass over its bytes, building the scalar index on the way.
    private func splitLines(_ body: String, firstLine: Int) -> ([Line], ScalarIndex) {
        var lines: [Line] = []
        var checkpoints: [Int32] = []
        var scalars = 0
        var text = body
        text.withUTF8 { buffer in
            let n = buffer.count
            lines.reserveCapacity(n / 40)
            checkpoints.reserveCapacity(n / ScalarIndex.stride + 1)
            let utf8 = body.utf8
            var number = firstLine
            var lineStart = 0
            var lineScalarStart = 0
            var blank = true
            func line(upTo end: Int) -> Line {
                let from = utf8.index(utf8.startIndex, offsetBy: lineStart)
                let to = utf8.index(from, offsetBy: end - lineStart)
                return Line(text: body[from..<to], number: number, scalarOffset: lineScalarStart,
                            scalarCount: scalars - lineScalarStart, isBlank: blank)
            }
            for i in 0..<n {
                let byte = buffer[i]
                if byte & 0xC0 != 0x80 {
                    if scalars % ScalarIndex.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: i)) }
                    if byte == 10 {
                        lines.append(line(upTo: i))
                        scalars += 1
                        number += 1
                        lineStart = i + 1
                        lineScalarStart = scalars
                        blank = true
                        continue
                    }
                    scalars += 1
                }
                if byte != 32 && byte != 9 { blank = false }
            }
            if lineStart < n { lines.append(line(upTo: n)) }
        }
        return (lines, ScalarIndex(checkpoints: checkpoints, scalarCount: scalars))
    }

    /// Which label names count as speakers. With a `speakers:` header, exactly those. Otherwise every
    /// label name, provided the text is a dialogue: some name labels two or more lines, or two or more
    /// names label at least half of the paragraphs. A lone `Note:` in prose is not a speaker.
    private func acceptedSpeakers(lines: [Line], labels: [SpeakerLabel?], declared: [String]?,
                                  diagnostics: inout [Diagnostic]) -> [String: String] {
        if let declared {
            var map: [String: String] = [:]
            for name in declared { map[name.lowercased()] = name }
            let used = Set(labels.compactMap { $0?.name.lowercased() })
            for name in declared where !used.contains(name.lowercased()) {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path),
                                              "speaker `\(name)` is listed in `speakers:` but never labels a turn"))
            }
            return map
        }
        var counts: [String: Int] = [:]
        var units = 0
        var labelled = 0
        for (index, label) in labels.enumerated() {
            let startsParagraph = !lines[index].isBlank && (index == 0 || lines[index - 1].isBlank)
            if startsParagraph || label != nil { units += 1 }
            guard let label else { continue }
            labelled += 1
            counts[label.name, default: 0] += 1
        }
        let dialogue = counts.values.contains { $0 >= 2 } || (counts.count >= 2 && labelled * 2 >= units)
        guard dialogue else { return [:] }
        // A name that labels one line among many turns may be a word like `Example:` rather than a person.
        if labelled >= 4 {
            for (name, count) in counts.sorted(by: { $0.key < $1.key }) where count == 1 {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path),
                                              "`\(name)` labels only one turn, so it was taken as a speaker",
                                              hint: "if it is not a speaker, list the speakers in the header (`speakers: A, B`)"))
            }
        }
        var map: [String: String] = [:]
        for name in counts.keys.sorted() where map[name.lowercased()] == nil { map[name.lowercased()] = name }
        return map
    }

    private func buildSegments(lines: [Line], labels: [SpeakerLabel?], accepted: [String: String]) -> [Segment] {
        var segments: [Segment] = []
        var current: (speaker: String?, timestamp: Timestamp?, start: Int, line: Int, startLineIndex: Int)?
        var inTurn = false

        func close(upTo lastIndex: Int) {
            guard let c = current else { return }
            var last = lastIndex
            while last >= c.startLineIndex, lines[last].isBlank { last -= 1 }
            if last >= c.startLineIndex {
                let endLine = lines[last]
                let end = endLine.scalarOffset + endLine.scalarCount
                let range = trimmedRange(lines: lines, from: c.start, to: end, lastIndex: last)
                let text = segmentText(lines: lines, firstIndex: c.startLineIndex, lastIndex: last, start: c.start)
                if !text.isEmpty || c.speaker != nil {
                    segments.append(Segment(number: segments.count + 1, speaker: c.speaker, timestamp: c.timestamp,
                                            text: text, range: range, line: c.line))
                }
            }
            current = nil
        }

        for (index, line) in lines.enumerated() {
            if let label = labels[index], let speaker = accepted[label.name.lowercased()] {
                close(upTo: index - 1)
                current = (speaker, label.timestamp, line.scalarOffset + label.contentOffset, line.number, index)
                inTurn = true
                continue
            }
            if line.isBlank {
                if !inTurn { close(upTo: index - 1) }
                continue
            }
            if current == nil {
                current = (nil, nil, line.scalarOffset + leadingSpaces(line.text), line.number, index)
            }
        }
        close(upTo: lines.count - 1)
        // Drop the spare capacity the array grew: a corpus holds hundreds of thousands of segments.
        return segments.capacity == segments.count ? segments : Array(unsafeUninitializedCapacity: segments.count) { buffer, count in
            count = buffer.initialize(from: segments).1
        }
    }

    private func leadingSpaces(_ text: Substring) -> Int {
        var n = 0
        for s in text.unicodeScalars { if s == " " || s == "\t" { n += 1 } else { break } }
        return n
    }

    private func trimmedRange(lines: [Line], from start: Int, to end: Int, lastIndex: Int) -> Range<Int> {
        var end = end
        for s in lines[lastIndex].text.unicodeScalars.reversed() {
            if (s == " " || s == "\t") && end > start { end -= 1 } else { break }
        }
        return start..<max(start, end)
    }

    /// The segment's words: a slice of the body from `start` to the end of its last line, trailing spaces
    /// trimmed. A slice, not a copy, so a corpus is held in memory once.
    private func segmentText(lines: [Line], firstIndex: Int, lastIndex: Int, start: Int) -> Substring {
        let first = lines[firstIndex].text
        let scalars = first.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start - lines[firstIndex].scalarOffset, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let lastLine = lines[lastIndex].text
        var to = lastLine.endIndex
        let lastScalars = lastLine.unicodeScalars
        while to > lastScalars.startIndex {
            let before = lastScalars.index(before: to)
            guard lastScalars[before] == " " || lastScalars[before] == "\t" else { break }
            to = before
        }
        guard from <= to else { return first[from..<from] }
        return first.base[from..<to]
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
