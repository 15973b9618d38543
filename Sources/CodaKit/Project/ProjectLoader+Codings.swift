import Foundation

extension ProjectLoader {
    /// Reads `Codings/` and places each coding on its document's current text.
    mutating func loadCodings(into project: inout Project) {
        var loaded = CodingStore(root: root).loadAll(relativeTo: root, onlyDocument: onlyDocument)
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
                DispatchQueue.concurrentPerform(iterations: runs.count) { [runs] r in
                    let run = runs[r]
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
        // Placed codings move down over the unplaced ones, so no second array is made.
        var kept = 0
        for i in all.indices {
            let coding = all[i]
            guard let status = statuses[i] else {
                unknownDocuments[coding.document, default: 0] += 1
                project.unplacedCodings.append((coding, "document `\(coding.document)` does not exist"))
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
                project.unplacedCodings.append((coding, reason))
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: codingPath(coding)),
                                              "\(coding.document) ¶\(coding.segmentLabel) `\(coding.code)` (\(coding.coder)): \(reason); it was on “\(coding.excerpt.truncated(to: 60))”",
                                              hint: "tag the words again where they are now (`coda tag \(coding.document) SEGMENTS "
                                                + "'\(coding.code)' --coder '\(coding.coder)'`, or with `--phrase`), then remove this one with "
                                                + "`coda untag \(coding.document) --orphaned '\(coding.code)' --coder '\(coding.coder)'`"))
                continue
            }
            if project.codebook.code(path: coding.code) == nil {
                // A code renamed by hand keeps the codings of its `Formerly:` names.
                if let current = project.codebook.formerCode(for: coding.code) {
                    all[i].code = current.path
                } else {
                    unknownCodes[coding.code, default: 0] += 1
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
        project.coders = Array(Set(project.humanCodings.map(\.coder))).sorted(by: naturalOrder)
        // A main coder declared in Project.md wins, spelled as their codings spell it.
        let declared = project.settings.mainCoder.map { name in
            project.coders.first { $0.lowercased() == name.lowercased() } ?? name
        }
        project.mainCoder = declared ?? CodingFilter.mainCoder(of: project.humanCodings)
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

    func codingPath(_ coding: Coding) -> String {
        "\(CodingStore.folder)/\(coding.coder.fileSafe())/\(coding.document.fileSafe()).tsv"
    }
}
