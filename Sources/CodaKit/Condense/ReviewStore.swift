import Foundation

/// Where review marks live: `Codings/<coder>/reviewed/<document>.tsv`, beside the coder's codings and
/// changed under the same project lock, written atomically.
struct ReviewStore: Sendable {
    let root: URL
    static let folder = "reviewed"

    func fileURL(coder: String, document: String) -> URL {
        CodingStore(root: root).folderURL.appendingPathComponent(coder.fileSafe())
            .appendingPathComponent(ReviewStore.folder).appendingPathComponent(document.fileSafe() + ".tsv")
    }

    /// Marks these segments of `document` as read by `coder`; returns the segments newly marked.
    @discardableResult
    func mark(coder: String, document: Transcript, segments numbers: [Int]) throws -> [Int] {
        let url = fileURL(coder: coder, document: document.id)
        return try FileLock.withLock(CodingStore(root: root).lockURL) {
            var marks: [ReviewMark] = []
            if let data = FileManager.default.contents(atPath: url.path) {
                let text = try TextDecoder.decodeUTF8([UInt8](data), file: url.path)
                marks = ReviewMark.parse(text, path: url.path).marks
            }
            let placed = Set(marks.filter { $0.document == document.id }.compactMap { $0.place(in: document) })
            let new = numbers.filter { !placed.contains($0) }.compactMap(document.segment)
            guard !new.isEmpty else { return [] }
            marks += new.map { ReviewMark(document: document, segment: $0) }
            let folder = url.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(ReviewMark.render(marks), to: url)
            return new.map(\.number)
        }
    }

    /// Every coder's marks, placed on the documents as they are now: coder → document → segments.
    /// Marks whose segment changed or whose document is gone are reported, never moved elsewhere.
    func load(documents: [String: Transcript])
        -> (reviewed: [CoderID: [DocumentID: Set<Int>]], problems: [Diagnostic]) {
        let fm = FileManager.default
        let codings = CodingStore(root: root).folderURL
        var reviewed: [CoderID: [DocumentID: Set<Int>]] = [:]
        var problems: [Diagnostic] = []
        for coder in ((try? fm.contentsOfDirectory(atPath: codings.path)) ?? []).sorted() where !coder.hasPrefix(".") {
            let folder = codings.appendingPathComponent(coder).appendingPathComponent(ReviewStore.folder)
            let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".tsv") {
                let path = "\(CodingStore.folder)/\(coder)/\(ReviewStore.folder)/\(name)"
                guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path),
                      let text = try? TextDecoder.decodeUTF8([UInt8](data), file: path) else { continue }
                let (marks, bad) = ReviewMark.parse(text, path: path)
                problems += bad
                var lost: [String: [Int]] = [:]
                for mark in marks {
                    guard let document = documents[mark.document.lowercased()], let n = mark.place(in: document) else {
                        lost[mark.document, default: []].append(mark.segment)
                        continue
                    }
                    reviewed[CoderID(coder), default: [:]][DocumentID(document.id), default: []].insert(n)
                }
                for (document, numbers) in lost.sorted(by: { $0.key < $1.key }) {
                    problems.append(Diagnostic(.warning, at: SourceLocation(file: path),
                            "\(numbers.count) review mark\(plural(numbers.count)) of `\(coder)` on \(document) "
                            + "no longer fit\(numbers.count == 1 ? "s" : "") the text (¶\(SegmentSelection(numbers: numbers).compact))",
                            hint: "read those segments again and mark them: `coda tag \(document) SEGMENTS --none`"))
                }
            }
        }
        return (reviewed, problems)
    }
}

extension Project {
    /// The segments of `document` that `coder` read: those they coded and those they marked as read. Only
    /// segments with text count (an empty survey answer is nothing to read).
    func reviewedSegments(coder: String, document: Transcript) -> Set<Int> {
        let key = CoderID(coder), documentKey = DocumentID(document.id)
        var numbers = reviewMarks[key]?[documentKey] ?? []
        for coding in humanCodings where DocumentID(coding.document) == documentKey && CoderID(coding.coder) == key {
            numbers.formUnion(coding.segments)
        }
        return numbers.filter { document.segment($0).map { !$0.range.isEmpty } ?? false }
    }
}
