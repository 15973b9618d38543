import Foundation

/// One imported source: the transcript file to write and the codings on it.
struct RefiImportedDocument {
    var id: String
    var sourceGUID: String
    var path: String
    var transcript: Transcript
    var codings: [Coding]
    var caseName: String?
    /// How the source's file was stored, for an export to give back the same bytes: a UTF-8 BOM (a UTF-16 file
    /// is given back as UTF-8 with a BOM), and CRLF line ends throughout.
    var bom = false
    var crlf = false
}

extension RefiProjectImport {
    /// Reads every text source, plans its transcript and codings files, and reports what it had to adjust.
    mutating func importSources() throws -> [RefiImportedDocument] {
        let existingIDs = Set(existing.documentIDs.map { $0.lowercased() })
        var owners: [String: [RefiCase]] = [:]
        for record in model.cases { for source in Set(record.sourceRefs) { owners[source, default: []].append(record) } }
        var documents: [RefiImportedDocument] = []
        var takenIDs = Set<String>()
        var clashes: [String] = []
        var read: [RefiReadSource] = []
        for source in model.sources {
            let label = source.name?.nilIfEmpty ?? source.plainTextPath ?? source.guid
            guard let bytes = sourceBytes(source, label: label) else { continue }
            guard let (decoded, bom) = RefiSourceText.decode(bytes) else {
                leave("source `\(label)` is neither UTF-8 nor UTF-16 text; it was not imported with its \(selectionCount(source)) coding\(plural(selectionCount(source)))")
                continue
            }
            read.append((source, label, decoded, bom, RefiSourceText(decoded: decoded)))
        }
        let surveyDocuments = try rebuildSurveys(read)
        let surveySources = Set(surveyDocuments.map(\.sourceGUID))
        read.removeAll { surveySources.contains($0.source.guid) }
        let units = offsetUnits(read.map { ($0.source, $0.label, $0.text) })
        for (index, (source, label, decoded, bom, text)) in read.enumerated() {
            let id = documentID(source, label: label, taken: &takenIDs)
            if existingIDs.contains(id.lowercased()) { clashes.append(id); continue }
            if bom { note("source `\(label)`: the byte order mark at its start was dropped") }
            if text.hadCR { note("source `\(label)`: CRLF/CR line ends became LF; selection positions were moved to match") }
            let sourceOwners = owners[source.guid] ?? []
            let caseName = sourceOwners.count == 1 ? sourceOwners[0].name : nil
            if sourceOwners.count > 1 {
                note("source `\(label)` belongs to \(sourceOwners.count) cases; a Coda transcript has one case, so it is its own case and the cases' attributes are kept in the cases file")
            }
            let path = "\(Project.transcriptsFolder)/\(id.fileSafe()).txt"
            let header = headerAttributes(source, caseRecord: sourceOwners.count == 1 ? sourceOwners[0] : nil)
            var fileText = RefiTranscriptFile.render(id: id, caseID: caseName, attributes: header, body: text.text)
            var transcript: Transcript
            do {
                transcript = try TranscriptParser(path: path, defaultID: id).parse(fileText).0
                if !model.origin.hasPrefix("Coda"), !transcript.speakers.isEmpty, !RefiTurnStructure.hasTurns(transcript) {
                    let labels = transcript.speakers.count, example = transcript.speakers[0]
                    fileText = RefiTranscriptFile.render(id: id, caseID: caseName, attributes: header, body: text.text,
                                                         paragraphs: true)
                    transcript = try TranscriptParser(path: path, defaultID: id).parse(fileText).0
                    let count = transcript.segments.count
                    note("source `\(label)`: read as \(count) paragraph\(plural(count)), not speaker turns: "
                         + "its \(labels) kinds of `Name:` line start (e.g. `\(example):`) do not make a conversation; "
                         + "the transcript's empty `speakers:` line says so")
                }
            } catch {
                leave("source `\(label)` could not be turned into a transcript (\(error.diagnostic.message)); it was not imported")
                continue
            }
            let codings = codings(for: source, label: label, text: text, document: transcript, unit: units[index])
            noteSurveyAnswers(source, label: label)
            plan.files.append((path, fileText))
            documents.append(RefiImportedDocument(id: id, sourceGUID: source.guid, path: path, transcript: transcript,
                                                  codings: codings, caseName: caseName, bom: bom,
                                                  crlf: RefiSourceText.isCRLF(decoded)))
        }
        if !clashes.isEmpty { throw RefiImportError.documentsExist(file: name, ids: clashes) }
        if !missingSources.isEmpty {
            let codings = missingSources.reduce(0) { $0 + $1.codings }
            leave("\(missingSources.count) source\(plural(missingSources.count))' text file\(plural(missingSources.count)) missing from the archive, so "
                                       + "\(missingSources.count == 1 ? "it was" : "they were") not imported (nor \(codings) coding\(plural(codings)) on them): "
                                       + missingSources.map { "`\($0.label)` (\($0.path))" }.joined(separator: ", "))
        }
        documents += surveyDocuments
        planCodingFiles(documents.flatMap(\.codings))
        return documents
    }

    /// The source's bytes: its `PlainTextContent`, or its file in the archive (found leniently).
    private mutating func sourceBytes(_ source: RefiTextSource, label: String) -> [UInt8]? {
        if let content = source.content, source.plainTextPath?.nilIfEmpty == nil { return Array(content.utf8) }
        guard let path = source.plainTextPath?.trimmingWhitespace().nilIfEmpty else {
            leave("source `\(label)` has neither text nor a text file; it was not imported")
            return nil
        }
        var candidates: [String] = []
        let lowered = path.lowercased()
        if lowered.hasPrefix("internal://") {
            candidates = ["sources/" + path.dropFirst("internal://".count)]
        } else if lowered.hasPrefix("relative://") {
            let rest = path.dropFirst("relative://".count).drop { $0 == "/" }
            candidates = ["sources/" + rest, String(rest)]
        } else if lowered.contains("://") {
            leave("source `\(label)` is outside the archive (`\(path)`); it was not imported with its \(selectionCount(source)) coding\(plural(selectionCount(source)))")
            return nil
        } else {
            noteOnce("bare path", "plainTextPath without `internal://` (e.g. `\(path)`) read as a file in sources/")
            let rest = path.drop { $0 == "/" }
            candidates = ["sources/" + rest, String(rest)]
        }
        if !base.isEmpty { candidates = candidates.map { base + $0 } + candidates }
        for candidate in candidates {
            if let entry = zip.entry(named: candidate), let bytes = try? zip.data(for: entry) { return bytes }
        }
        for candidate in candidates {
            if let entry = zip.entry(named: candidate, caseInsensitive: true), let bytes = try? zip.data(for: entry) {
                noteOnce("case", "file names read in any letter case (e.g. `\(entry.name)` for `\(candidate)`)")
                return bytes
            }
        }
        missingSources.append((label, candidates[0], selectionCount(source)))
        return nil
    }

    private func selectionCount(_ source: RefiTextSource) -> Int {
        source.selections.reduce(source.codings.count) { $0 + $1.codings.count }
    }

    /// A Coda id from the source's name (without a file extension); `:` and `/` become `_`, and a name used
    /// twice gets `-2`, `-3`, ….
    private mutating func documentID(_ source: RefiTextSource, label: String, taken: inout Set<String>) -> String {
        var base = source.name?.trimmingWhitespace().nilIfEmpty
            ?? source.plainTextPath.map { String($0.split(separator: "/").last ?? "") }?.nilIfEmpty ?? source.guid
        let ext = (base as NSString).pathExtension.lowercased()
        if ["txt", "docx", "doc", "rtf", "odt", "pdf", "md", "html"].contains(ext) { base = String(base.dropLast(ext.count + 1)) }
        base = base.collapsingWhitespace()
        if base.contains(":") || base.contains("/") {
            let clean = base.replacingOccurrences(of: ":", with: "_").replacingOccurrences(of: "/", with: "_")
            note("document `\(base)` is called `\(clean)`: Coda ids cannot hold `:` or `/`")
            base = clean
        }
        if base.isEmpty { base = "document" }
        var id = base
        var counter = 1
        while taken.contains(id.lowercased()) || taken.contains("file:" + id.fileSafe().lowercased()) {
            counter += 1
            id = "\(base)-\(counter)"
        }
        if counter > 1 { note("two sources are called `\(base)`; the second is `\(id)`") }
        taken.insert(id.lowercased())
        taken.insert("file:" + id.fileSafe().lowercased())
        return id
    }

    /// Coda's own export writes a survey's open question as one source described as its answers. A survey that
    /// was not rebuilt (an older export, or damaged) would change its results silently: the import says so.
    private mutating func noteSurveyAnswers(_ source: RefiTextSource, label: String) {
        guard source.description.hasPrefix("Answers to the open question") else { return }
        leave("source `\(label)` holds the answers to a survey's open question, but the export does not describe the "
              + "survey (made by an older Coda, or damaged), so it became a transcript whose paragraphs are not "
              + "its respondents (answers next to an empty one run together), its codings no longer know their "
              + "respondent, and its agreement and counts differ from the survey's; the survey's closed questions "
              + "are only case attributes; import the survey's own file (CSV) to analyse it as a survey")
    }

    /// Adds an adjustment once.
    mutating func note(_ message: String) {
        if !outcome.adjustments.contains(message) { outcome.adjustments.append(message) }
    }

    /// Records something the import could not bring over, once: the import is then partial.
    mutating func leave(_ message: String) {
        if !outcome.leftOut.contains(message) { outcome.leftOut.append(message) }
    }

    /// Adds an adjustment the first time something of `kind` happens (its example is the first one).
    mutating func noteOnce(_ kind: String, _ message: String) {
        if notedKinds.insert(kind).inserted { outcome.adjustments.append(message) }
    }
}
