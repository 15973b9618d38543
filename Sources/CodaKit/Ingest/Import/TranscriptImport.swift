import Foundation

/// Converts a transcript file (WebVTT, SRT, DOCX, text) into a Coda transcript, `Transcripts/<id>.md`, and keeps
/// the original as `Sources/<file name>`. The reader is chosen by extension; everything is read, written out and
/// read back in memory first, and only then are the two files written, so a bad file leaves nothing behind.
enum TranscriptImport {
    /// Header keys `coda import` sets itself.
    static let reservedKeys: Set<String> = ["id", "case", "source", "speakers", "duration"]

    /// A transcript read, checked and composed, not yet written.
    struct Prepared {
        var file: URL
        var id: String
        var bytes: [UInt8]
        var text: String
        var replacing: Bool
        var record: ChangeLog.ImportRecord?
        var summary: [String]
        var adjustments: [String]
    }

    /// `documentIDs` holds the project's document ids, lower-cased; the imported one is added to them.
    static func run(_ file: URL, into root: URL, options: ImportOptions, documentIDs: inout Set<String>) throws -> ImportOutcome {
        let prepared = try prepare(file, into: root, options: options, documentIDs: &documentIDs)
        return try commit([prepared], into: root)[0].get()
    }

    /// Reads, checks and composes one transcript without writing; its id is added to `documentIDs` (lower-cased),
    /// so a later file of the same command cannot take it.
    static func prepare(_ file: URL, into root: URL, options: ImportOptions,
                        documentIDs: inout Set<String>) throws -> Prepared {
        let name = file.lastPathComponent
        let ext = file.pathExtension.lowercased()
        let encoding = try options.encoding.map { value throws(ImportError) -> ImportEncoding in
            guard let known = ImportEncoding(name: value) else { throw .unknownEncoding(value) }
            return known
        }
        try checkAttributes(options.attributes)
        try ReaderLimits.checkSize(of: file, limit: ReaderLimits.importedFileBytes, file: name, what: "files to import")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ImportError.unreadable(file: name, reason: "it cannot be opened")
        }
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw ImportError.invalid(file: name, reason: "the file is empty", hint: nil) }
        let defaultID = Self.defaultID(for: file)
        var source = try read(bytes, ext: ext, file: name, defaultID: defaultID, encoding: encoding)

        let own = source.attributes
        func ownValue(_ key: String) -> String? { own.first { $0.key == key }?.value.nilIfEmpty }
        let id = options.id ?? ownValue("id") ?? defaultID
        try checkID(id)
        let replacing = options.replace && ImportTargets.holdsTranscript(root: root, id: id)
        if documentIDs.contains(id.lowercased()) && !replacing {
            throw ImportError.badID(id: id, reason: "a document with this id is already in the project; nothing was imported"
                                    + (ImportTargets.holdsTranscript(root: root, id: id) ? " (`--replace` imports over it)" : ""))
        }
        let targets = try ImportTargets(root: root, id: id, original: file, bytes: bytes, replace: replacing)
        let given = Set(options.attributes.map(\.key))
        var header: [(key: String, value: String)] = [("id", id), ("case", options.caseID ?? ownValue("case") ?? id)]
        header += own.filter { !reservedKeys.contains($0.key) && !given.contains($0.key) }
        for attribute in options.attributes {
            header.removeAll { $0.key == attribute.key }  // `--attr` given twice: the last one counts
            header.append(attribute)
        }
        header.append(("source", targets.sourcePath))
        if let kept = ownValue("duration"), source.duration == nil, let time = Timestamp(kept) { source.duration = time.seconds }

        let path = targets.transcriptPath
        let (text, transcript) = try TranscriptComposer.compose(source, header: header, keptSpeakers: ownValue("speakers"),
                                                                path: path, id: id, file: name)
        documentIDs.insert(id.lowercased())
        return Prepared(file: file, id: id, bytes: bytes, text: text, replacing: replacing, record: options.record,
                        summary: summary(of: transcript, format: source.format, duration: source.duration),
                        adjustments: source.adjustments)
    }

    /// Writes the prepared transcripts in one transaction under one hold of the project lock: a kill leaves all of
    /// them or none. Each one's targets are checked again under the lock (so two imports of one id at once cannot
    /// both succeed) and against the files of the others; one that no longer fits fails alone and the rest are
    /// written. A failure of the write itself fails them all.
    static func commit(_ prepared: [Prepared], into root: URL) throws -> [Result<ImportOutcome, any Error>] {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            var results: [Result<ImportOutcome, any Error>] = []
            var parts: [ImportCommit.Part] = []
            var claimed = Set<String>()
            for item in prepared {
                do {
                    let targets = try ImportTargets(root: root, id: item.id, original: item.file, bytes: item.bytes,
                                                    replace: item.replacing)
                    var lines = item.summary
                    if !targets.copiesSource { lines.append("original already kept as \(targets.sourcePath)") }
                    let changes = targets.changes(original: item.bytes, transcript: item.text)
                    if let taken = changes.first(where: { claimed.contains($0.path.lowercased()) }) {
                        throw ImportError.exists(path: taken.path)
                    }
                    claimed.formUnion(changes.map { $0.path.lowercased() })
                    parts.append(ImportCommit.Part(changes: changes, record: item.record, summary: lines))
                    var outcome = ImportOutcome()
                    outcome.summary = lines
                    outcome.adjustments = item.adjustments
                    results.append(.success(outcome))
                } catch {
                    results.append(.failure(error))
                }
            }
            var written = try ImportCommit.run(parts, into: root).makeIterator()
            return results.map { $0.map { var outcome = $0; outcome.written = written.next() ?? []; return outcome } }
        }
    }

    /// Chooses the reader by extension and decodes text sources.
    static func read(_ bytes: [UInt8], ext: String, file: String, defaultID: String,
                     encoding: ImportEncoding?) throws -> ImportedSource {
        if ext == "docx" {
            var source = try DocxImport.read(bytes, file: file, defaultID: defaultID)
            if encoding != nil { source.adjustments.append("`--encoding` does not apply to .docx files (their XML names its encoding)") }
            return source
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError.invalid(file: file, reason: "this is a zip archive (perhaps a Word document), not a .\(ext) text file",
                                      hint: "if it is a Word document, name it .docx")
        }
        let (text, used) = try ImportTextDecoder.decode(bytes, file: file, requested: encoding)
        let note = used == .utf8 ? "" : ", \(used.displayName)"
        var source: ImportedSource
        switch ext {
        case "vtt": source = try SubtitleImport.read(text, kind: .webVTT, file: file)
        case "srt": source = try SubtitleImport.read(text, kind: .srt, file: file)
        case "txt": source = try TextTranscriptImport.read(text, format: "text", file: file, defaultID: defaultID, readsHeader: true)
        default: throw ImportError.unsupported(file: file, ext: ext)
        }
        source.format += note
        return source
    }

    /// The file name without its extension; a name no id may have (with `:`) is made file-safe.
    static func defaultID(for file: URL) -> String {
        let base = file.deletingPathExtension().lastPathComponent.trimmingWhitespace()
        return base.isEmpty || base.contains(":") || base.contains("\n") ? base.fileSafe() : base
    }

    static func checkID(_ id: String) throws(ImportError) {
        if id.trimmingWhitespace().isEmpty { throw .badID(id: id, reason: "an id may not be empty") }
        if id.contains(":") || id.contains("/") || id.contains("\n") || id != id.trimmingWhitespace() {
            throw .badID(id: id, reason: "an id may not contain `:`, `/` or line breaks, nor start or end with a space")
        }
    }

    static func checkAttributes(_ attributes: [(key: String, value: String)]) throws(ImportError) {
        for (key, _) in attributes {
            if reservedKeys.contains(key) {
                throw .badAttribute(key: key, reason: key == "id" || key == "case" ? "use `--\(key)` instead"
                                        : "`coda import` writes `\(key):` itself")
            }
            if key.isEmpty || key.contains(":") || key.contains("\n") || key.hasPrefix("#") || key.count > 30 {
                throw .badAttribute(key: key, reason: "a header key is a short name without `:`, such as `role` or `phase`")
            }
        }
    }

    /// What the researcher reads: the format, the segments and speakers, the timestamps and the duration.
    static func summary(of transcript: Transcript, format: String, duration: Double?) -> [String] {
        let n = transcript.segments.count
        var lines = ["read as \(format)"]
        let speakers = transcript.speakers
        lines.append("\(n) segment\(n == 1 ? "" : "s"), " + (speakers.isEmpty ? "no speaker labels"
            : "\(speakers.count) speaker\(speakers.count == 1 ? "" : "s"): \(speakers.joined(separator: ", "))"))
        let timed = transcript.segments.filter { $0.timestamp != nil }.count
        var times = timed == 0 ? "no timestamps" : "timestamps on \(timed) of \(n) segments"
        if let duration { times += ", duration \(Timestamp(seconds: duration.rounded(.up)).text)" }
        lines.append(times)
        let named = transcript.caseID == transcript.id ? "document `\(transcript.id)`" : "document `\(transcript.id)` (case \(transcript.caseID))"
        lines.append("\(named); see it with `coda show \(transcript.id)`")
        return lines
    }
}
