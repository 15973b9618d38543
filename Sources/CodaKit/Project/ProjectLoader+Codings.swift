import Foundation

extension ProjectLoader {
    /// Reads `Codings/` and places each coding on its document's current text.
    mutating func loadCodings(into project: inout Project) {
        var all: [Coding]
        let statuses: [CodingAnchor.Status?]
        (all, statuses) = onlyDocument == nil ? readAllCodings(into: &project) : readDocumentCodings(into: &project)
        var unknownCodes: [String: Int] = [:]
        var unknownDocuments: [String: Int] = [:]
        // Codes, coders and times repeat across thousands of codings: keep one copy of each string.
        var interned: [String: String] = [:]
        func intern(_ s: String) -> String {
            if let existing = interned[s] { return existing }
            interned[s] = s
            return s
        }
        struct CodeLookup {
            var inCodebook: Bool
            /// The code a `Formerly:` name now goes by.
            var current: String?
        }
        var codeLookups: [String: CodeLookup] = [:]
        // Placed codings move down over the unplaced ones, so no second array is made.
        var kept = 0
        // A coding is copied only when it goes to another list: copying one retains each of its strings.
        for i in all.indices {
            guard let status = statuses[i] else {
                let coding = all[i]
                unknownDocuments[coding.document, default: 0] += 1
                project.unplacedCodings.append((coding, "document `\(coding.document)` does not exist"))
                continue
            }
            switch status {
            case .inPlace:
                all[i].code = intern(all[i].code)
                all[i].time = intern(all[i].time)
                all[i].coder = intern(all[i].coder)
            case .moved:
                project.movedCodings.append(all[i])
            case .unplaced(let reason):
                let coding = all[i]
                project.unplacedCodings.append((coding, reason))
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: codingPath(coding)),
                                              "\(coding.document) ¶\(coding.segmentLabel) `\(coding.code)` (\(coding.coder)): \(reason); it was on “\(coding.excerpt.truncated(to: 60))”",
                                              hint: "tag the words again where they are now (`coda tag \(coding.document) SEGMENTS "
                                                + "'\(coding.code)' --coder '\(coding.coder)'`, or with `--phrase`), then remove this one with "
                                                + "`coda untag \(coding.document) --orphaned '\(coding.code)' --coder '\(coding.coder)'`"))
                continue
            }
            // Each spelling of a code is looked up in the codebook once, not once per coding.
            let code = all[i].code
            let known: CodeLookup
            if let seen = codeLookups[code] {
                known = seen
            } else {
                let inCodebook = project.codebook.code(path: code) != nil
                let former = inCodebook ? nil : project.codebook.formerCode(for: code)
                known = CodeLookup(inCodebook: inCodebook, current: former?.path)
                codeLookups[code] = known
            }
            if !known.inCodebook {
                // A code renamed by hand keeps the codings of its `Formerly:` names.
                if let current = known.current {
                    all[i].code = current
                } else {
                    unknownCodes[code, default: 0] += 1
                }
            }
            if kept != i { all[kept] = all[i] }
            kept += 1
        }
        all.removeLast(all.count - kept)
        let codings = all

        project.codings = codings
        // Without suggestions the two arrays share one buffer.
        let hasSuggestions = codings.contains { $0.coder == CodingStore.suggestionCoder }
        project.humanCodings = hasSuggestions ? codings.filter { $0.coder != CodingStore.suggestionCoder } : codings
        project.suggestions = hasSuggestions ? codings.filter { $0.coder == CodingStore.suggestionCoder } : []
        let perCoder = CodingFilter.codingsPerCoder(project.humanCodings)
        project.coders = perCoder.keys.sorted(by: naturalOrder)
        // A main coder declared in Project.md wins, spelled as their codings spell it.
        let declared = project.settings.mainCoder.map { name in
            project.coders.first { $0.lowercased() == name.lowercased() } ?? name
        }
        project.mainCoder = declared ?? CodingFilter.mainCoder(counts: perCoder)
        for (code, count) in unknownCodes.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: CodingStore.folder),
                                          "\(count) coding\(plural(count)) use the code `\(code)`, which is not in the codebook",
                                          hint: OrphanCodeHint.hint(for: code, codebook: project.codebook,
                                                                    used: Set(project.codings.map { $0.code.lowercased() }))))
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

    /// Every codings file, placed (through the cache of placed codings); rejected suggestions go to the project.
    private mutating func readAllCodings(into project: inout Project) -> ([Coding], [CodingAnchor.Status?]) {
        let files = CodingStore(root: root).listFiles()
        let placed = Self.readCodings(files, documents: project.documentsByID, sources: transcriptIdentities,
                                      root: root, madeAt: startedAt)
        var codings: [Coding] = []
        var statuses: [CodingAnchor.Status?] = []
        let count = placed.reduce(0) { $0 + ($1?.statuses.count ?? 0) }
        codings.reserveCapacity(count)
        statuses.reserveCapacity(count)
        for (file, result) in zip(files, placed) {
            guard let result else { continue }
            diagnostics += result.diagnostics
            if file.rejected {
                project.rejectedSuggestions += result.codings
            } else {
                codings += result.codings
                statuses += result.statuses
            }
        }
        return (codings, statuses)
    }

    /// The codings files of one document, placed; the cache is neither read nor written.
    private mutating func readDocumentCodings(into project: inout Project) -> ([Coding], [CodingAnchor.Status?]) {
        let loaded = CodingStore(root: root).loadAll(relativeTo: root, onlyDocument: onlyDocument)
        diagnostics += loaded.diagnostics
        project.rejectedSuggestions = loaded.rejected
        let contents = CodingFile.Contents(codings: loaded.codings, unreadable: [], diagnostics: [])
        let placed = Self.place(contents, rejected: false, project.documentsByID)
        return (placed.codings, placed.statuses)
    }

    func codingPath(_ coding: Coding) -> String {
        "\(CodingStore.folder)/\(coding.coder.fileSafe())/\(coding.document.fileSafe()).tsv"
    }
}
