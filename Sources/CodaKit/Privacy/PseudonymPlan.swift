import Foundation

/// Everything a pseudonymisation changes, worked out in memory before any file is touched: the new lines of
/// every text file, and every coding carried exactly onto its words (the span shifted by the replacements
/// before and inside it, its excerpt and fingerprint taken from the new text).
struct PseudonymPlan {
    struct Replacement: Sendable {
        var place: String
        var found: String
        var pseudonym: String
    }

    var patches: [PseudonymKey.FilePatch] = []
    var newBytes: [String: [UInt8]] = [:]
    var replacements: [Replacement] = []
    var unsurePlaces: [String] = []
    /// Words that are probably part of a name the key leaves out (`Nurhayati` beside `Bu Nur`), with a hint.
    var likelyNameParts: [LikelyNamePlace] = []
    /// The codings as they will be written, to check them against the rewritten project.
    var carried: [Coding] = []
    /// The segments each carried coding touched before, by its new key: they must be the same after.
    var segmentsBefore: [Coding.Key: ClosedRange<Int>] = [:]
    var unreadable: [String] = []
    /// Lines holding a name that are not rewritten: a document or case id, a code name.
    var protectedPlaces: [String] = []
    var notInPlace = 0

    private let project: Project
    private let transcriptsByPath: [String: Transcript]
    private let surveysByPath: [String: Survey]
    private let matcher: PseudonymMatcher
    private let unsure: TextRewrite.Unsure
    private let commonWords: Set<String>
    private var documentRewrites: [String: (rewrite: TextRewrite, scalars: [Unicode.Scalar])] = [:]

    init(project: Project, matcher: PseudonymMatcher, unsure: TextRewrite.Unsure, files: [String],
         commonWords: Set<String> = []) {
        self.project = project
        self.matcher = matcher
        self.unsure = unsure
        self.commonWords = commonWords
        transcriptsByPath = Dictionary(project.transcripts.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        surveysByPath = Dictionary(project.surveys.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for path in files {
            guard let bytes = FileManager.default.contents(atPath: project.root.appendingPathComponent(path).path),
                  let text = TextLines([UInt8](bytes)) else {
                unreadable.append(path)
                continue
            }
            let old = [UInt8](bytes)
            var lines = text
            let changed = path.hasPrefix(CodingStore.folder + "/") ? rewriteCodings(&lines, path: path)
                : path.hasPrefix(ChangeLog.folder + "/") ? rewriteEscapedFields(&lines, path: path)
                : rewriteText(&lines, path: path)
            guard !changed.isEmpty else { continue }
            let new = lines.bytes
            newBytes[path] = new
            patches.append(PseudonymKey.FilePatch(path: path, before: TextLines.fingerprint(old),
                                                  after: TextLines.fingerprint(new), lines: changed))
        }
    }

    /// Lines that are never rewritten: a transcript's `id:` and `case:` (they name the document, which
    /// codings and file names refer to) and a codebook's headings (code names).
    private func isProtected(_ line: String, number: Int, path: String, headerEnd: Int?) -> Bool {
        if path.hasPrefix(Project.codebooksFolder + "/") { return line.hasPrefix("#") }
        guard let headerEnd, number < headerEnd else { return false }
        let key = line.split(separator: ":", maxSplits: 1).first.map { $0.trimmingWhitespace().lowercased() }
        return key == "id" || key == "case"
    }

    private mutating func rewriteText(_ text: inout TextLines, path: String) -> [PseudonymKey.FilePatch.Line] {
        var changed: [PseudonymKey.FilePatch.Line] = []
        let hasHeader = path.hasPrefix(Project.transcriptsFolder + "/")
            && text.lines.first?.content.trimmingWhitespace() == "---"
        let headerEnd = hasHeader ? text.lines.dropFirst().firstIndex { $0.content.trimmingWhitespace() == "---" } : nil
        for (number, line) in text.lines.enumerated() {
            if isProtected(line.content, number: number, path: path, headerEnd: headerEnd) {
                if !matcher.matches(in: Array(line.content.unicodeScalars)).isEmpty {
                    protectedPlaces.append("\(path):\(number + 1)")
                }
                continue
            }
            // A name in a transcript's header (`speakers: Interviewer, Hope`) is a name, never the word.
            let inHeader = headerEnd.map { number < $0 } ?? false
            let rewrite = TextRewrite(line.content, matcher: matcher, unsure: inHeader ? .replace : unsure)
            // The label scans the document's segments: made only for a line that reports something.
            var label: String?
            let (transcripts, surveys) = (transcriptsByPath, surveysByPath)
            let place: () -> String = {
                if label == nil {
                    label = Self.placeLabel(path: path, line: number + 1, transcriptsByPath: transcripts,
                                            surveysByPath: surveys)
                }
                return label ?? path
            }
            let scalars = Array(line.content.unicodeScalars)
            for kept in rewrite.keptUnsure {
                unsurePlaces.append("\(place()): `\(String(String.UnicodeScalarView(scalars[kept.range])))`")
            }
            noteLikelyNameParts(rewrite, scalars: scalars, place: place)
            guard rewrite.changed else { continue }
            for edit in rewrite.edits {
                let found = String(String.UnicodeScalarView(scalars[edit.old]))
                let pseudonym = matcher.entries[edit.entry].pseudonym
                replacements.append(Replacement(place: place(), found: found, pseudonym: pseudonym))
            }
            changed.append(.init(number: number, old: line.content, new: rewrite.text))
            text.lines[number].content = rewrite.text
        }
        return changed
    }

    private mutating func noteLikelyNameParts(_ rewrite: TextRewrite, scalars: [Unicode.Scalar],
                                              place: () -> String) {
        let anchors = rewrite.edits.filter { matcher.entries[$0.entry].kind == .person }.map { ($0.old, $0.entry) }
        let text: (Range<Int>) -> String = { String(String.UnicodeScalarView(scalars[$0])) }
        for part in LikelyNamePart.find(in: scalars, anchors: anchors, entries: matcher.entries,
                                        commonWords: commonWords) {
            likelyNameParts.append(LikelyNamePlace(place: place(), word: text(part.range), name: text(part.anchor),
                                                   pseudonym: matcher.entries[part.entry].pseudonym,
                                                   before: part.range.lowerBound < part.anchor.lowerBound,
                                                   reason: part.reason))
        }
    }

    /// `Transcripts/R017.md:12 (R017 ¶4)`: the file line, and the segment or respondent it belongs to.
    private static func placeLabel(path: String, line: Int, transcriptsByPath: [String: Transcript],
                                   surveysByPath: [String: Survey]) -> String {
        if let transcript = transcriptsByPath[path],
           let segment = transcript.segments.last(where: { $0.line <= line }) {
            return "\(path):\(line) (\(transcript.id) ¶\(segment.number))"
        }
        if let survey = surveysByPath[path],
           let respondent = survey.respondents.last(where: { $0.line <= line }) {
            return "\(path):\(line) (\(survey.id) respondent \(respondent.id))"
        }
        return "\(path):\(line)"
    }

    private mutating func rewriteCodings(_ text: inout TextLines, path: String) -> [PseudonymKey.FilePatch.Line] {
        var changed: [PseudonymKey.FilePatch.Line] = []
        for (number, line) in text.lines.enumerated() where !line.content.hasPrefix("#") && !line.content.isEmpty {
            let parsed = CodingFile.parse(line.content, path: path)
            guard parsed.codings.count == 1 else { continue }
            let old = parsed.codings[0]
            guard let coding = carry(old) else { continue }
            carried.append(coding)
            guard coding != old else { continue }
            let fields = [coding.document, coding.segmentLabel, String(coding.start), String(coding.end), coding.code,
                          coding.coder, coding.time, coding.fingerprint, coding.excerpt, coding.memo]
            let new = fields.map(CodingFile.escape).joined(separator: "\t")
            changed.append(.init(number: number, old: line.content, new: new))
            text.lines[number].content = new
        }
        return changed
    }

    /// The change log and its undo copies: tab-separated lines whose fields are escaped (a copied file's text
    /// is one field), so each field is rewritten as the text it stands for.
    private mutating func rewriteEscapedFields(_ text: inout TextLines,
                                               path: String) -> [PseudonymKey.FilePatch.Line] {
        var changed: [PseudonymKey.FilePatch.Line] = []
        for (number, line) in text.lines.enumerated() where !line.content.hasPrefix("#") && !line.content.isEmpty {
            let fields = line.content.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                CodingFile.escape(TextRewrite(CodingFile.unescape(field), matcher: matcher, unsure: unsure).text)
            }
            let new = fields.joined(separator: "\t")
            guard new != line.content else { continue }
            changed.append(.init(number: number, old: line.content, new: new))
            text.lines[number].content = new
        }
        return changed
    }

    /// The coding on the pseudonymised text of its document: same segments, span moved by the replacements.
    private mutating func carry(_ old: Coding) -> Coding? {
        var coding = old
        coding.memo = TextRewrite(old.memo, matcher: matcher, unsure: unsure).text
        guard let document = project.documentsByID[old.document.lowercased()] else {
            coding.excerpt = TextRewrite(old.excerpt, matcher: matcher, unsure: unsure).text
            return coding
        }
        guard old.end <= document.scalarCount, fingerprint(document.text(in: old.range)) == old.fingerprint else {
            notInPlace += 1
            return nil
        }
        let key = document.id.lowercased()
        if documentRewrites[key] == nil {
            let rewrite = TextRewrite(document.text, matcher: matcher, unsure: unsure)
            documentRewrites[key] = (rewrite, Array(rewrite.text.unicodeScalars))
        }
        guard let (rewrite, scalars) = documentRewrites[key] else { return nil }
        coding.start = rewrite.newOffset(old.start, isEnd: false)
        coding.end = max(coding.start, rewrite.newOffset(old.end, isEnd: true))
        let words = Substring(String(String.UnicodeScalarView(scalars[coding.start..<coding.end])))
        coding.fingerprint = fingerprint(words)
        coding.excerpt = Coding.excerpt(of: words)
        let numbers = document.segmentNumbers(overlapping: old.range)
        if let first = numbers.first, let last = numbers.last { segmentsBefore[coding.key] = first...last }
        return coding
    }
}
