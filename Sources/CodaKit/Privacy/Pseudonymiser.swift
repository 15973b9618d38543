import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces the identifiers of a project by pseudonyms, and restores them. All files change or none:
/// under the project lock, the key is written with every changed line (state `applying`), then the files change
/// in one `ProjectTransaction`, then the key is marked `applied`. A run stopped part-way leaves each file either
/// as it was or as it should be, both recorded in the key by fingerprint: running the same command again
/// finishes the job, and `--reverse` undoes it.
struct Pseudonymiser {
    var root: URL
    var keyURL: URL
    /// The key as the researcher wrote it, for messages.
    var keyPath: String

    struct Outcome {
        var plan: PseudonymPlan?
        var key: PseudonymKey
        var filesChanged = 0
        var finishedEarlierRun = false
        /// Files under `Sources/`: originals of imports, with the names, left as they are.
        var importedOriginals: [String] = []
        /// Generated folders (the appendix, the review page) that still show the text as it was.
        var generatedFolders: [String] = []
        /// Identifiers found in the project that the given key leaves out.
        var notInKey: [PseudonymEntry] = []
    }

    /// The files a pseudonymisation reads and may rewrite, relative to the project.
    static func files(in root: URL) -> [String] {
        let rootPath = root.standardizedFileURL.path
        let wanted: [(folder: String, extensions: Set<String>?)] = [
            (Project.transcriptsFolder, ["txt", "md", "markdown", "csv", "tsv", "columns"]),
            (Project.codebooksFolder, ["md", "markdown", "txt"]),
            (CodingStore.folder, ["tsv"]),
            (MemoStore.folder, nil),
            (ChangeLog.folder, ["tsv"]),
        ]
        return wanted.flatMap { folder, extensions in
            DirectoryWalker.files(under: root.appendingPathComponent(folder))
                .filter { url in extensions.map { $0.contains(url.pathExtension.lowercased()) } ?? true }
                .map { ProjectLoader.relative($0, to: rootPath) }
        }
    }

    /// The texts names are found in. Codings and the change log only repeat the project's own text.
    static func texts(in root: URL, files: [String]) -> [(path: String, text: String)] {
        files.compactMap { path -> (path: String, text: String)? in
            guard !path.hasPrefix(CodingStore.folder + "/"), !path.hasPrefix(ChangeLog.folder + "/"),
                  let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                return nil
            }
            return (path, String(decoding: data, as: UTF8.self))
        }
    }

    // MARK: Proposing and applying

    /// Works out the key and the plan; with `apply`, writes them. `names` is the researcher's own list.
    func run(names: [(real: String, pseudonym: String?)], unsure: TextRewrite.Unsure?, apply: Bool,
             write: Bool) throws -> Outcome {
        try KeyLocation.check(keyURL, projectRoot: root, shownAs: keyPath)
        return try FileLock.withLock(CodingStore(root: root).lockURL) { () throws -> Outcome in
            // A change a killed run committed is finished, and logged, before the files are listed and read, so an
            // undo copy the recovery writes is pseudonymised with the rest.
            try ProjectTransaction.recoverLocked(root: root.standardizedFileURL)
            let existing = try readKey()
            let files = Pseudonymiser.files(in: root)
            if let existing, existing.state == .applied { throw PseudonymError.alreadyApplied(path: keyPath) }
            if let existing, existing.state == .applying {
                guard apply else { throw PseudonymError.interrupted(path: keyPath) }
                var outcome = Outcome(key: existing)
                outcome.filesChanged = try move(existing, reverse: false)
                outcome.finishedEarlierRun = true
                return outcome
            }
            let project = Project.load(root)
            let misplaced = project.movedCodings.count + project.unplacedCodings.count
            if apply, misplaced > 0 { throw PseudonymError.codingsNotInPlace(count: misplaced) }
            var outcome = try plan(project, files: files, names: names, existing: existing, unsure: unsure ?? .keep)
            guard let plan = outcome.plan else { return outcome }
            guard apply else {
                if write { try writeKey(outcome.key) }
                return outcome
            }
            try checkBeforeApplying(project: project, plan: plan, unsure: unsure)
            outcome.key = try commit(plan, key: outcome.key, before: project)
            outcome.filesChanged = plan.patches.count
            return outcome
        }
    }

    /// The key's entries (the given key's, the researcher's list, what Coda finds) and every change they make.
    private func plan(_ project: Project, files: [String], names: [(real: String, pseudonym: String?)],
                      existing: PseudonymKey?, unsure: TextRewrite.Unsure) throws -> Outcome {
        var proposal = KeyProposal(texts: Pseudonymiser.texts(in: root, files: files))
        proposal.collect(project: project, names: names, key: existing)
        let key = PseudonymKey(entries: proposal.entries)
        try proposal.validate(key.entries)
        var matcher = PseudonymMatcher(key.entries)
        matcher.commonWords = proposal.lowerCaseWords.intersection(matcher.singleWords)
        if let (word, owners) = matcher.sharedWords.first {
            throw PseudonymError.sharedWord(word: word, names: owners.map { key.entries[$0].real })
        }
        let plan = PseudonymPlan(project: project, matcher: matcher, unsure: unsure, files: files,
                                 commonWords: proposal.lowerCaseWords)
        if existing != nil, !key.entries.isEmpty, plan.patches.isEmpty {
            throw PseudonymError.noNameInProject(path: keyPath)
        }
        var outcome = Outcome(plan: plan, key: key)
        outcome.notInKey = proposal.notInKey
        outcome.importedOriginals = DirectoryWalker.files(under: root.appendingPathComponent("Sources"))
            .map { ProjectLoader.relative($0, to: root.standardizedFileURL.path) }
        outcome.generatedFolders = ["Appendix", "Review"].filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        return outcome
    }

    private func checkBeforeApplying(project: Project, plan: PseudonymPlan, unsure: TextRewrite.Unsure?) throws {
        let unreadablePaths = project.unreadable.keys.filter { $0.contains("/") && !plan.unreadable.contains($0) }
        let unreadable = plan.unreadable + unreadablePaths.sorted()
        if !unreadable.isEmpty { throw PseudonymError.unreadable(paths: unreadable) }
        if plan.notInPlace > 0 { throw PseudonymError.codingsNotInPlace(count: plan.notInPlace) }
        if unsure == nil, !plan.unsurePlaces.isEmpty { throw PseudonymError.unsure(places: plan.unsurePlaces) }
    }

    /// Records the change in the key, changes the files, and checks the result.
    private func commit(_ plan: PseudonymPlan, key: PseudonymKey, before: Project) throws -> PseudonymKey {
        var key = key
        key.files = plan.patches
        key.state = .applying
        let keyBefore = FileManager.default.contents(atPath: keyURL.path)
        try writeKey(key)
        do {
            try replace(plan.newBytes)
        } catch {
            let transaction = ProjectTransaction(root: root.standardizedFileURL)
            guard transaction.isCommitted else {
                // Refused before any file changed (a full disk): the key goes back as it was.
                try restoreKey(keyBefore)
                throw error
            }
            let diagnostic = (error as? any CodaError)?.diagnostic
            let path = diagnostic?.location?.file ?? keyPath
            throw PseudonymError.stoppedWriting(path: path, reason: diagnostic?.message ?? "\(error)")
        }
        do {
            try verify(plan, before: before)
        } catch {
            _ = try? move(key, reverse: true)
            key.files = []
            key.state = .proposed
            try? writeKey(key)
            throw error
        }
        key.state = .applied
        try writeKey(key)
        return key
    }

    /// Every document of the rewritten project has the segments it had, every coding is exactly where the
    /// plan put it, on the same segments, and no other moved.
    private func verify(_ plan: PseudonymPlan, before: Project) throws {
        let project = Project.load(root)
        let segments = Dictionary(before.documentsInOrder.map { ($0.id, $0.segments.count) },
                                  uniquingKeysWith: { a, _ in a })
        let resegmented = project.documentsInOrder.filter { segments[$0.id] != $0.segments.count }.map(\.id)
        if resegmented.count > 0 || project.documentsInOrder.count != before.documentsInOrder.count {
            let listed = resegmented.joined(separator: ", ")
            let which = listed.isEmpty ? "a document" : listed
            throw PseudonymError.verificationFailed(detail: "the segments of \(which) changed")
        }
        if !project.movedCodings.isEmpty || !project.unplacedCodings.isEmpty {
            let count = project.movedCodings.count + project.unplacedCodings.count
            throw PseudonymError.verificationFailed(detail: "\(count) codings were not in place afterwards")
        }
        let found = Dictionary((project.codings + project.rejectedSuggestions).map { ($0.key, $0.segments) },
                               uniquingKeysWith: { a, _ in a })
        let missing = plan.carried.filter { coding in
            guard let now = found[coding.key] else { return true }
            return plan.segmentsBefore[coding.key].map { $0 != now } ?? false
        }
        if let first = missing.first {
            let example = "\(first.document) \(first.start)-\(first.end)"
            throw PseudonymError.verificationFailed(detail: "\(missing.count) codings moved, e.g. \(example)")
        }
    }

    // MARK: Reversing

    /// Restores every file the key changed, byte for byte; files already restored are left alone.
    func reverse() throws -> Outcome {
        try FileLock.withLock(CodingStore(root: root).lockURL) { () throws -> Outcome in
            try ProjectTransaction.recoverLocked(root: root.standardizedFileURL)
            guard var key = try readKey() else { throw PseudonymError.keyMissing(path: keyPath) }
            guard key.state == .applied || key.state == .applying else {
                throw PseudonymError.notApplied(path: keyPath)
            }
            var outcome = Outcome(key: key)
            outcome.filesChanged = try move(key, reverse: true)
            key.state = .reversed
            key.files = []
            try writeKey(key)
            outcome.key = key
            return outcome
        }
    }

    /// Brings every file of the key to its `after` (or, reversing, its `before`) bytes. Each file must be at
    /// one of the two; otherwise nothing is written and the files that differ are reported.
    private func move(_ key: PseudonymKey, reverse: Bool) throws -> Int {
        var targets: [String: [UInt8]] = [:]
        var mismatched: [String] = []
        for patch in key.files {
            let url = root.appendingPathComponent(patch.path)
            let bytes = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
            let now = bytes.map(TextLines.fingerprint)
            if now == (reverse ? patch.before : patch.after) { continue }
            guard let bytes, now == (reverse ? patch.after : patch.before),
                  let moved = patch.applied(to: bytes, reverse: reverse),
                  TextLines.fingerprint(moved) == (reverse ? patch.before : patch.after) else {
                mismatched.append(patch.path)
                continue
            }
            targets[patch.path] = moved
        }
        if !mismatched.isEmpty { throw PseudonymError.keyDoesNotMatch(path: keyPath, files: mismatched) }
        try replace(targets)
        return targets.count
    }

    // MARK: Files

    /// Replaces the files (path relative to the project → new bytes) all together, or none when a kill stops it.
    private func replace(_ files: [String: [UInt8]]) throws {
        let changes = files.sorted { $0.key < $1.key }.map { ProjectTransaction.Change(path: $0.key, bytes: $0.value) }
        try ProjectTransaction(root: root.standardizedFileURL).commit(changes)
    }

    func readKey() throws -> PseudonymKey? {
        guard let data = FileManager.default.contents(atPath: keyURL.path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PseudonymError.badKeyLine(path: keyPath, line: 1)
        }
        return try PseudonymKey.parse(text, path: keyPath)
    }

    /// Puts the key file back as it was (`nil`: there was none).
    private func restoreKey(_ data: Data?) throws {
        guard let data else {
            try? FileManager.default.removeItem(at: keyURL)
            return
        }
        try AtomicFile.write([UInt8](data), to: keyURL)
        chmod(keyURL.path, 0o600)
    }

    private func writeKey(_ key: PseudonymKey) throws {
        try AtomicFile.write(key.render(), to: keyURL)
        chmod(keyURL.path, 0o600)
    }
}

extension PseudonymKey.FilePatch {
    /// The bytes with this patch's lines turned forward (old → new) or back; nil when a line is not as recorded.
    func applied(to bytes: [UInt8], reverse: Bool) -> [UInt8]? {
        guard var text = TextLines(bytes) else { return nil }
        for line in lines {
            guard line.number < text.lines.count,
                  text.lines[line.number].content == (reverse ? line.new : line.old) else { return nil }
            text.lines[line.number].content = reverse ? line.old : line.new
        }
        return text.bytes
    }
}
