import Foundation

extension Project {
    /// Reads every transcript, survey and codebook under `root`.
    public static func load(_ root: URL) -> Project {
        ProjectTransaction.recoverIfNeeded(root: root.standardizedFileURL)
        var loader = ProjectLoader(root: root.standardizedFileURL)
        return loader.load()
    }

    /// Reads only what a command on one document needs: the codebook, that document and its codings.
    /// Nil when the document is not found by its file name (the caller then loads everything, which also
    /// gives the "did you mean" suggestions). With ten thousand transcripts, `coda tag` stays quick.
    public static func load(_ root: URL, onlyDocument id: String) -> Project? {
        ProjectTransaction.recoverIfNeeded(root: root.standardizedFileURL, pendingRecords: false)
        var loader = ProjectLoader(root: root.standardizedFileURL)
        loader.onlyDocument = id
        let project = loader.load()
        return project.documentsByID[id.lowercased()] == nil ? nil : project
    }

    /// Reads the codebook and settings but no document: for commands about the project or a code.
    static func loadWithoutDocuments(_ root: URL) -> Project {
        ProjectTransaction.recoverIfNeeded(root: root.standardizedFileURL)
        var loader = ProjectLoader(root: root.standardizedFileURL)
        loader.onlyDocument = ""
        return loader.load()
    }
}

struct ProjectLoader {
    var root: URL
    var diagnostics: [Diagnostic] = []
    var unreadable: [String: Diagnostic] = [:]
    /// When set, only the files of this document are read (see `Project.load(_:onlyDocument:)`).
    var onlyDocument: String?
    /// The identity of each transcript file a whole-project load read, by path: the codings cache depends on them.
    var transcriptIdentities: [String: FileIdentity] = [:]
    /// When this load began, before any file was read: both caches judge every file's time against this one
    /// moment, so a file too recent to trust when it was read is never trusted later in the same load.
    var startedAt = 0

    init(root: URL) { self.root = root }

    /// The file name (without extension) that holds the document: the survey for `survey:Q4`.
    var onlyFileName: String? {
        onlyDocument.map { id in (id.split(separator: ":").first.map(String.init) ?? id).lowercased() }
    }

    mutating func load() -> Project {
        startedAt = TranscriptCache.now()
        let transcriptFiles: [URL]
        if onlyDocument != nil {
            transcriptFiles = oneDocumentFiles()
        } else {
            transcriptFiles = files(in: Project.transcriptsFolder)
        }
        var transcripts: [Transcript] = []
        var surveys: [Survey] = []
        var transcriptURLs: [URL] = []
        var otherFiles: [(url: URL, ext: String)] = []
        for url in transcriptFiles {
            let ext = url.pathExtension.lowercased()
            if ["txt", "md", "markdown"].contains(ext) { transcriptURLs.append(url) } else { otherFiles.append((url, ext)) }
        }
        var sidecars: [String: URL] = [:]
        for (url, ext) in otherFiles where ext == "columns" {
            sidecars[url.deletingPathExtension().path.lowercased()] = url
        }
        // Transcripts are parsed on every core; the results are merged in file order. A whole-project load takes
        // what the cache still describes; a one-document load parses its one file.
        let rootPath = root.path
        let parsed = onlyDocument == nil
            ? Self.parseTranscripts(transcriptURLs, root: root, madeAt: startedAt)
            : transcriptURLs.parallelMap { url in
                ProjectLoader.parseTranscript(url, path: ProjectLoader.relative(url, to: rootPath))
            }
        for result in parsed {
            diagnostics += result.diagnostics
            if let transcript = result.transcript { transcripts.append(transcript) }
            if let transcript = result.transcript, let identity = result.identity {
                transcriptIdentities[transcript.path] = identity
            }
            if let (keys, problem) = result.unreadable { for key in keys { unreadable[key] = problem } }
        }
        for (url, ext) in otherFiles {
            let path = Self.relative(url, to: rootPath)
            switch ext {
            case "csv", "tsv", "xlsx":
                if let survey = readSurvey(url, path: path, sidecar: sidecars[url.deletingPathExtension().path.lowercased()]) {
                    surveys.append(survey)
                }
            case "columns":
                let stem = url.deletingPathExtension().path.lowercased()
                if !transcriptFiles.contains(where: { $0.deletingPathExtension().path.lowercased() == stem && $0.pathExtension.lowercased() != "columns" }) {
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "no survey CSV beside this .columns file",
                                                  hint: "name it after its CSV: `pre-survey.csv` → `pre-survey.columns`"))
                }
            default:
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path),
                                              "file ignored: Coda reads .txt, .md, .csv and .xlsx here",
                                              hint: ["vtt", "srt", "docx", "qdpx", "qdc"].contains(ext) ? "convert it with `coda import`" : nil))
            }
        }
        transcripts.sort(by: Self.comesFirst)
        surveys.sort { $0.id < $1.id }
        checkDuplicateIDs(transcripts: transcripts, surveys: surveys)

        var titles: [String] = []
        var codes: [Code] = []
        var codebookFiles: [String] = []
        for url in files(in: Project.codebooksFolder) {
            let path = Self.relative(url, to: root.path)
            let ext = url.pathExtension.lowercased()
            guard ["md", "markdown", "txt"].contains(ext) else {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path), "file ignored: codebooks are Markdown (.md)",
                                              hint: ext == "qdc" ? "convert it with `coda import`" : nil))
                continue
            }
            guard let text = readText(url, path: path) else { continue }
            let result = CodebookParser(path: path).parse(text)
            if codes.count + result.codes.count > ReaderLimits.codebookCodes {
                let first = result.codes[ReaderLimits.codebookCodes - codes.count]
                diagnostics.append(ReaderLimitError.tooManyCodes(file: path, line: first.location.line ?? 1,
                                                                 limit: ReaderLimits.codebookCodes).diagnostic)
                continue
            }
            diagnostics += result.diagnostics
            if let title = result.title { titles.append(title) }
            codes += result.codes
            codebookFiles.append(path)
        }
        let codebook = Codebook(titles: titles, codes: codes, files: codebookFiles)
        if onlyDocument == nil {
            // Reported by `status` and `check`, not by one-document commands.
            diagnostics += CodebookLint.check(codebook)
        }

        var project = Project(root: root, transcripts: transcripts, surveys: surveys, codebook: codebook,
                              diagnostics: [], unreadable: unreadable)
        project.settings = loadSettings()
        (project.documentsByID, project.documentsInOrder) = Project.documentIndex(transcripts: transcripts, surveys: surveys)
        if let id = onlyDocument, let document = project.documentsByID[id.lowercased()] {
            onlyDocument = document.id  // its codings files are named as the document spells its id
        }
        loadCodings(into: &project)
        if onlyDocument == nil {
            // Review marks (for agreement) and memos are one file per document and coder: a one-document command
            // (`tag`, `show`, `memo`) uses neither, and reads and writes the one file it changes itself.
            let review = ReviewStore(root: root).load(documents: project.documentsByID)
            project.reviewMarks = review.reviewed
            diagnostics += review.problems
            let (memos, memoProblems) = MemoStore(root: root).load()
            project.memos = memos
            diagnostics += memoProblems
            // Review notes and framework summaries are read here only for their problems, which `status` and `check`
            // report; a one-document command (`tag`, `show`) shows none, so it does not parse them.
            diagnostics += NoteStore(root: root).read().diagnostics
            diagnostics += FrameworkSummaries.load(project).1
        }
        diagnostics += project.computeCases()
        project.answerAttributes = SurveyAnswerAttributes(surveys: surveys)
        diagnostics += project.surveyLinkDiagnostics()
        diagnostics += project.surveyCaseLinkDiagnostics()
        let figures = FigureStore(root: root).load()
        project.figures = figures.figures
        diagnostics += figures.problems
        project.diagnostics = diagnostics.sortedForDisplay()
        return project
    }

    /// The project's settings, recording why `Project.md` could not be read when it cannot.
    mutating func loadSettings() -> ProjectSettings {
        let url = root.appendingPathComponent(ProjectSettings.fileName)
        guard FileManager.default.fileExists(atPath: url.path),
              let text = readText(url, path: ProjectSettings.fileName) else { return ProjectSettings() }
        let settings = ProjectSettings(text: text)
        diagnostics += settings.problems
        return settings
    }

    /// Files under `folder`, recursively, skipping hidden ones; sorted so output never depends on the disk.
    func files(in folder: String) -> [URL] {
        DirectoryWalker.files(under: root.appendingPathComponent(folder))
    }

    /// The text of a file, or nil after recording why it could not be read.
    mutating func readText(_ url: URL, path: String) -> String? {
        do {
            return try Self.text(of: url, path: path)
        } catch {
            record(error.diagnostic, path: path)
            return nil
        }
    }

    private mutating func record(_ diagnostic: Diagnostic, path: String) {
        diagnostics.append(diagnostic)
        unreadable[path] = diagnostic
    }

    /// A file that could not be read or decoded.
    struct UnreadableFile: CodaError {
        var diagnostic: Diagnostic
    }

    /// The decoded text of a file; safe to run on several threads at once.
    static func text(of url: URL, path: String) throws(UnreadableFile) -> String {
        do {
            try ReaderLimits.checkSize(of: url, limit: ReaderLimits.projectFileBytes, file: path, what: "project files")
        } catch {
            throw UnreadableFile(diagnostic: error.diagnostic)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let gone = !FileManager.default.fileExists(atPath: url.path)
            throw UnreadableFile(diagnostic: Diagnostic(
                .error, at: SourceLocation(file: path),
                gone ? "cannot read the file: it was moved or removed while Coda ran" : "cannot read the file",
                hint: gone ? "put it back, or run the command again to leave it out" : nil))
        }
        do {
            return try TextDecoder.decodeUTF8([UInt8](data), file: path)
        } catch {
            throw UnreadableFile(diagnostic: error.diagnostic)
        }
    }

    /// The decoded text of a file the user may not have made yet: nil when it does not exist, an error when it
    /// exists but cannot be read whole, so a store never mistakes an unreadable file for an empty one and writes
    /// over it.
    static func textIfPresent(of url: URL, path: String) throws(UnreadableFile) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try text(of: url, path: path)
    }

    struct TranscriptFile: Sendable {
        var transcript: Transcript?
        var diagnostics: [Diagnostic] = []
        /// For a file that could not be read: the problem, and the keys (path, lower-cased default id) it is remembered under.
        var unreadable: (keys: [String], problem: Diagnostic)?
        /// The file's size, time and (when recent) content hash, when a whole-project load read it.
        var identity: FileIdentity?
    }

    static func relative(_ url: URL, to rootPath: String) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }

    /// Reads and parses one transcript file; safe to run on several threads at once.
    static func parseTranscript(_ url: URL, path: String) -> TranscriptFile {
        parseTranscript(url, path: path) { () throws(UnreadableFile) in try text(of: url, path: path) }
    }

    /// Parses the transcript `text` gives (the file's decoded text, or why it could not be read).
    static func parseTranscript(_ url: URL, path: String, text: () throws(UnreadableFile) -> String) -> TranscriptFile {
        let defaultID = url.deletingPathExtension().lastPathComponent
        let problem: Diagnostic
        do {
            let (transcript, found) = try TranscriptParser(path: path, defaultID: defaultID).parse(try text())
            let empty = transcript.segments.isEmpty ? [Diagnostic(.warning, at: SourceLocation(file: path), "the transcript has no text")] : []
            return TranscriptFile(transcript: transcript, diagnostics: found + empty)
        } catch let error as any CodaError {
            problem = error.diagnostic
        } catch {
            problem = Diagnostic(.error, at: SourceLocation(file: path), "\(error)")
        }
        return TranscriptFile(diagnostics: [problem], unreadable: ([path, defaultID.lowercased()], problem))
    }

    mutating func readSurvey(_ url: URL, path: String, sidecar: URL?) -> Survey? {
        var columnsFile: (path: String, text: String)?
        if let sidecar {
            let sidecarPath = Self.relative(sidecar, to: root.path)
            guard let sidecarText = readText(sidecar, path: sidecarPath) else { return nil }
            columnsFile = (sidecarPath, sidecarText)
        }
        do {
            let parser = SurveyParser(path: path, id: url.deletingPathExtension().lastPathComponent)
            let (survey, found): (Survey, [Diagnostic])
            if url.pathExtension.lowercased() == "xlsx" {
                try ReaderLimits.checkSize(of: url, limit: ReaderLimits.projectFileBytes, file: path,
                                           what: "project files")
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    record(Diagnostic(.error, at: SourceLocation(file: path), "cannot read the file"), path: path)
                    return nil
                }
                (survey, found) = try parser.parse(xlsx: [UInt8](data), columnsFile: columnsFile)
            } else {
                guard let text = readText(url, path: path) else { return nil }
                (survey, found) = try parser.parse(csv: text, columnsFile: columnsFile)
            }
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
