import Foundation

extension Project {
    /// Reads every transcript, survey and codebook under `root`.
    public static func load(_ root: URL) -> Project {
        var loader = ProjectLoader(root: root.standardizedFileURL)
        return loader.load()
    }
}

struct ProjectLoader {
    var root: URL
    var diagnostics: [Diagnostic] = []
    var unreadable: [String: Diagnostic] = [:]

    init(root: URL) { self.root = root }

    mutating func load() -> Project {
        let transcriptFiles = files(in: Project.transcriptsFolder)
        var transcripts: [Transcript] = []
        var surveys: [Survey] = []
        var sidecars: [String: URL] = [:]
        for url in transcriptFiles where url.pathExtension.lowercased() == "columns" {
            sidecars[url.deletingPathExtension().path.lowercased()] = url
        }
        // Transcripts are parsed on every core; the results are merged in file order.
        let transcriptURLs = transcriptFiles.filter { ["txt", "md", "markdown"].contains($0.pathExtension.lowercased()) }
        let rootPath = root.path
        let parsed = transcriptURLs.parallelMap { url in
            ProjectLoader.parseTranscript(url, path: ProjectLoader.relative(url, to: rootPath))
        }
        for result in parsed {
            diagnostics += result.diagnostics
            if let transcript = result.transcript { transcripts.append(transcript) }
            for key in result.unreadableKeys { unreadable[key] = result.diagnostics.last }
        }
        for url in transcriptFiles {
            let ext = url.pathExtension.lowercased()
            let path = relative(url)
            switch ext {
            case "txt", "md", "markdown":
                continue
            case "csv", "tsv":
                if let survey = readSurvey(url, path: path, sidecar: sidecars[url.deletingPathExtension().path.lowercased()]) {
                    surveys.append(survey)
                }
            case "columns":
                if !transcriptFiles.contains(where: { $0.deletingPathExtension().path.lowercased() == url.deletingPathExtension().path.lowercased() && $0.pathExtension.lowercased() != "columns" }) {
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "no survey CSV beside this .columns file",
                                                  hint: "name it after its CSV: `pre-survey.csv` → `pre-survey.columns`"))
                }
            default:
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "file ignored: Coda reads .txt, .md and .csv here",
                                              hint: ["vtt", "srt", "docx", "qdpx", "qdc"].contains(ext) ? "convert it with `coda import`" : nil))
            }
        }
        transcripts.sort { $0.id < $1.id }
        surveys.sort { $0.id < $1.id }
        checkDuplicateIDs(transcripts: transcripts, surveys: surveys)

        var titles: [String] = []
        var codes: [Code] = []
        var codebookFiles: [String] = []
        for url in files(in: Project.codebooksFolder) {
            let path = relative(url)
            guard ["md", "markdown", "txt"].contains(url.pathExtension.lowercased()) else {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "file ignored: codebooks are Markdown (.md)",
                                              hint: url.pathExtension.lowercased() == "qdc" ? "convert it with `coda import`" : nil))
                continue
            }
            guard let text = readText(url, path: path) else { continue }
            let result = CodebookParser(path: path).parse(text)
            diagnostics += result.diagnostics
            if let title = result.title { titles.append(title) }
            codes += result.codes
            codebookFiles.append(path)
        }
        let codebook = Codebook(titles: titles, codes: codes, files: codebookFiles)
        diagnostics += CodebookLint.check(codebook)

        var project = Project(root: root, transcripts: transcripts, surveys: surveys, codebook: codebook,
                              diagnostics: [], unreadable: unreadable)
        project.documentsByID = Project.documentIndex(transcripts: transcripts, surveys: surveys)
        loadCodings(into: &project)
        let (memos, memoProblems) = MemoStore(root: root).load()
        project.memos = memos
        diagnostics += memoProblems
        diagnostics += project.computeCases()
        diagnostics += project.surveyLinkDiagnostics()
        project.diagnostics = diagnostics.sortedForDisplay()
        return project
    }

    /// Reads `Codings/` and places each coding on its document's current text.
    mutating func loadCodings(into project: inout Project) {
        var loaded = CodingStore(root: root).loadAll(relativeTo: root)
        diagnostics += loaded.diagnostics
        project.rejectedSuggestions = loaded.rejected
        var unknownCodes: [String: Int] = [:]
        var unknownDocuments: [String: Int] = [:]
        let documents = project.documentsByID
        // Codings arrive grouped by file, so consecutive runs share a document; each run is placed as one task,
        // on every core, in place (a second copy of two hundred thousand codings is memory a corpus needs).
        var runs: [Range<Int>] = []
        var runStart = 0
        for i in stride(from: 1, through: loaded.codings.count, by: 1)
            where i == loaded.codings.count || loaded.codings[i].document != loaded.codings[i - 1].document {
            if i > runStart { runs.append(runStart..<i) }
            runStart = i
        }
        var all = loaded.codings
        loaded.codings = []
        var statuses = [CodingAnchor.Status?](repeating: nil, count: all.count)
        all.withUnsafeMutableBufferPointer { codingBuffer in
            statuses.withUnsafeMutableBufferPointer { statusBuffer in
                nonisolated(unsafe) let codings = codingBuffer
                nonisolated(unsafe) let results = statusBuffer
                let runList = runs
                DispatchQueue.concurrentPerform(iterations: runList.count) { r in
                    let run = runList[r]
                    guard let document = documents[codings[run.lowerBound].document.lowercased()] else { return }
                    for i in run {
                        let placement = CodingAnchor.place(codings[i], in: document)
                        results[i] = placement.status
                        if case .unplaced = placement.status { continue }
                        codings[i] = placement.coding
                    }
                }
            }
        }
        // Codes, coders and times repeat across thousands of codings: keep one copy of each string.
        var interned: [String: String] = [:]
        func intern(_ s: String) -> String {
            if let existing = interned[s] { return existing }
            interned[s] = s
            return s
        }
        var keep = [Bool](repeating: true, count: all.count)
        for i in all.indices {
            let coding = all[i]
            guard let status = statuses[i] else {
                unknownDocuments[coding.document, default: 0] += 1
                project.unplacedCodings.append((coding, "document `\(coding.document)` does not exist"))
                keep[i] = false
                continue
            }
            switch status {
            case .inPlace:
                all[i].code = intern(coding.code)
                all[i].time = intern(coding.time)
                all[i].coder = intern(coding.coder)
            case .moved:
                project.movedCodings.append(coding)
            case .unplaced(let reason):
                keep[i] = false
                project.unplacedCodings.append((coding, reason))
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: codingPath(coding)),
                                              "\(coding.document) ¶\(coding.segmentLabel) `\(coding.code)` (\(coding.coder)): \(reason); it was on “\(coding.excerpt.truncated(to: 60))”",
                                              hint: "tag the words again where they are now, then delete this coding's line from \(codingPath(coding))"))
            }
            if keep[i], project.codebook.code(path: coding.code) == nil { unknownCodes[coding.code, default: 0] += 1 }
        }
        let codings = keep.allSatisfy { $0 } ? all : all.indices.filter { keep[$0] }.map { all[$0] }

        project.codings = codings
        // Without suggestions the two arrays share one buffer.
        let hasSuggestions = codings.contains { $0.coder == CodingStore.suggestionCoder }
        project.humanCodings = hasSuggestions ? codings.filter { $0.coder != CodingStore.suggestionCoder } : codings
        project.suggestions = hasSuggestions ? codings.filter { $0.coder == CodingStore.suggestionCoder } : []
        project.coders = Array(Set(project.humanCodings.map(\.coder))).sorted(by: naturalOrder)
        for (code, count) in unknownCodes.sorted(by: { $0.key < $1.key }) {
            let suggestion = (try? project.codebook.resolve(code.split(separator: "/").last.map(String.init) ?? code))?.path
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: CodingStore.folder),
                                          "\(count) coding\(plural(count)) use the code `\(code)`, which is not in the codebook",
                                          hint: suggestion.map { "was it renamed to `\($0)`? Put it back in the codebook, or re-tag" }
                                            ?? "add the code to the codebook, or remove these codings with `coda untag`"))
        }
        for (document, count) in unknownDocuments.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: CodingStore.folder),
                                          "\(count) coding\(plural(count)) point to the document `\(document)`, which does not exist",
                                          hint: "restore the transcript or give it back its id in the header"))
        }
        if !project.movedCodings.isEmpty {
            let n = project.movedCodings.count
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: CodingStore.folder),
                                          "\(n) coding\(plural(n)) followed their words to a new place after the transcripts were edited",
                                          hint: "run `coda check --fix` to save the new positions"))
        }
    }

    private func codingPath(_ coding: Coding) -> String {
        "\(CodingStore.folder)/\(coding.coder.fileSafe())/\(coding.document.fileSafe()).tsv"
    }

    private func relative(_ url: URL) -> String {
        let rootPath = root.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }

    /// Files under `folder`, recursively, skipping hidden ones; sorted so output never depends on the disk.
    func files(in folder: String) -> [URL] {
        DirectoryWalker.files(under: root.appendingPathComponent(folder))
    }

    mutating func readText(_ url: URL, path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            record(Diagnostic(.error, at: SourceLocation(file: path), "cannot read the file"), path: path)
            return nil
        }
        do {
            return try TextDecoder.decodeUTF8([UInt8](data), file: path)
        } catch {
            record(error.diagnostic, path: path)
            return nil
        }
    }

    private mutating func record(_ diagnostic: Diagnostic, path: String) {
        diagnostics.append(diagnostic)
        unreadable[path] = diagnostic
    }

    struct TranscriptFile: Sendable {
        var transcript: Transcript?
        var diagnostics: [Diagnostic] = []
        /// Keys (path, lower-cased default id) under which an unreadable file is remembered.
        var unreadableKeys: [String] = []
    }

    static func relative(_ url: URL, to rootPath: String) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }

    /// Reads and parses one transcript file; safe to run on several threads at once.
    static func parseTranscript(_ url: URL, path: String) -> TranscriptFile {
        let defaultID = url.deletingPathExtension().lastPathComponent
        var result = TranscriptFile()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            result.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path), "cannot read the file"))
            result.unreadableKeys = [path, defaultID.lowercased()]
            return result
        }
        do {
            let text = try TextDecoder.decodeUTF8([UInt8](data), file: path)
            let (transcript, found) = try TranscriptParser(path: path, defaultID: defaultID).parse(text)
            result.diagnostics += found
            if transcript.segments.isEmpty {
                result.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "the transcript has no text"))
            }
            result.transcript = transcript
        } catch let error as any CodaError {
            result.diagnostics.append(error.diagnostic)
            result.unreadableKeys = [path, defaultID.lowercased()]
        } catch {
            result.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path), "\(error)"))
            result.unreadableKeys = [path, defaultID.lowercased()]
        }
        return result
    }

    mutating func readSurvey(_ url: URL, path: String, sidecar: URL?) -> Survey? {
        guard let text = readText(url, path: path) else { return nil }
        var columnsFile: (path: String, text: String)?
        if let sidecar {
            let sidecarPath = relative(sidecar)
            guard let sidecarText = readText(sidecar, path: sidecarPath) else { return nil }
            columnsFile = (sidecarPath, sidecarText)
        }
        do {
            let (survey, found) = try SurveyParser(path: path, id: url.deletingPathExtension().lastPathComponent)
                .parse(csv: text, columnsFile: columnsFile)
            diagnostics += found
            return survey
        } catch let error as any CodaError {
            record(error.diagnostic, path: path)
            return nil
        } catch {
            record(Diagnostic(.error, at: SourceLocation(file: path), "\(error)"), path: path)
            return nil
        }
    }

    mutating func checkDuplicateIDs(transcripts: [Transcript], surveys: [Survey]) {
        var seen: [String: String] = [:]
        for t in transcripts {
            if let other = seen[t.id.lowercased()] {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: t.path), "document id `\(t.id)` is also used by \(other)",
                                              hint: "give one of them another `id:` in its header"))
            } else {
                seen[t.id.lowercased()] = t.path
            }
        }
        for s in surveys {
            if let other = seen[s.id.lowercased()] {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: s.path), "survey id `\(s.id)` is also used by \(other)",
                                              hint: "rename one of the files"))
            }
        }
    }
}
