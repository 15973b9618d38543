extension RefiProjectImport {
    /// The header attributes of a source's transcript: the source's own variables, then its case's. A Coda
    /// export's case values repeat its transcripts' own (on one of the case's sources) and the answers of its
    /// surveys: those repeated and those of a rebuilt survey are not added, a survey's row numbers never are.
    func headerAttributes(_ source: RefiTextSource, caseRecord: RefiCase?) -> [(key: String, value: String)] {
        var attributes: [(key: String, value: String)] = []
        var seen = Set<String>()
        var repeated = surveyVariables.union(surveyRowVariables)
        if let caseRecord, model.origin.hasPrefix("Coda") {
            let own = Set(caseRecord.sourceRefs)
            for other in model.sources where own.contains(other.guid) {
                repeated.formUnion(other.values.map(\.variable))
            }
        }
        let caseValues = (caseRecord?.values ?? []).filter { !repeated.contains($0.variable) }
        for (variable, value) in source.values + caseValues {
            guard let name = model.variables[variable], let key = RefiTranscriptFile.key(name), !value.isEmpty,
                  seen.insert(key).inserted else { continue }
            attributes.append((key, RefiTranscriptFile.value(value)))
        }
        return attributes
    }

    /// The source's selections as Coda codings, positions converted to scalar offsets in the transcript text.
    mutating func codings(for source: RefiTextSource, label: String, text: RefiSourceText, document: Transcript,
                          unit: RefiSourceText.Unit) -> [Coding] {
        var codings: [Coding] = []
        var seen = Set<Coding.Key>()
        var outside = 0, empty = 0, uncoded = 0, unknownCode = 0
        typealias Request = (range: Range<Int>, ref: RefiCodingRef, user: String?, time: String?, memo: [String],
                             selection: String?)
        var requests: [Request] = []
        for selection in source.selections {
            guard !selection.codings.isEmpty else {
                uncoded += 1
                keepComment(on: selection, in: document, text: text, unit: unit)
                continue
            }
            guard let start = text.offset(selection.start, in: unit), let end = text.offset(selection.end, in: unit),
                  start <= end else { outside += selection.codings.count; continue }
            guard start < end else { empty += selection.codings.count; continue }
            let memo = selection.noteRefs.compactMap(noteText) + (selection.description.isEmpty ? [] : [selection.description])
            for ref in selection.codings {
                requests.append((start..<end, ref, selection.user, selection.time, memo, selection.guid))
            }
        }
        for ref in source.codings where document.scalarCount > 0 {
            requests.append((0..<document.scalarCount, ref, nil, nil, [], nil))
        }
        for request in requests {
            guard let path = mapper.pathByGUID[request.ref.codeGUID] else { unknownCode += 1; continue }
            let coder = userName(request.ref.user) ?? userName(request.user) ?? options.coder ?? "imported"
            let memo = (request.memo + request.ref.noteRefs.compactMap(noteText)).joined(separator: "\n\n")
            let coding = makeCoding(document, range: request.range, code: path, coder: coder,
                                    time: RefiDate.codingTime(fromDateTime: request.ref.time ?? request.time ?? ""), memo: memo)
            guard seen.insert(coding.key).inserted else { continue }
            codings.append(coding)
            if let guid = request.selection { keepIdentity(.selection, RefiProjectExport.selectionKey(coding), guid) }
        }
        if uncoded > 0 {
            note("source `\(label)`: \(uncoded) selection\(plural(uncoded)) without a code not imported (Coda keeps only coded text; their comments became memos on the document)")
        }
        if outside > 0 { leave("source `\(label)`: \(outside) coding\(plural(outside)) outside the text not imported") }
        if empty > 0 { leave("source `\(label)`: \(empty) coding\(plural(empty)) of empty selections not imported") }
        if unknownCode > 0 {
            leave("source `\(label)`: \(unknownCode) coding\(plural(unknownCode)) with a code not in the codebook not imported")
        }
        return codings
    }

    /// A comment on text nobody coded becomes a memo on the document, quoting the start of the text.
    private mutating func keepComment(on selection: RefiSelection, in document: Transcript, text: RefiSourceText, unit: RefiSourceText.Unit) {
        guard !selection.description.isEmpty else { return }
        var quote = ""
        if let start = text.offset(selection.start, in: unit), let end = text.offset(selection.end, in: unit), start < end {
            quote = " on “" + String(document.text(in: start..<end)).collapsingWhitespace().truncated(to: 60) + "”"
        }
        plan.memos.append(RefiImportPlan.PlannedMemo(target: .document(document.id), author: userName(selection.user) ?? "",
                                                     date: RefiDate.memoDate(fromDateTime: selection.time).nilIfEmpty ?? "undated",
                                                     text: "Comment\(quote): \(selection.description)"))
    }

    private func makeCoding(_ document: Transcript, range: Range<Int>, code: String, coder: String, time: String, memo: String) -> Coding {
        Coding(range, in: document, code: code, coder: coder, time: time, memo: memo)
    }

    /// A note's text for a coding memo.
    func noteText(_ guid: String) -> String? {
        guard let note = model.notes[guid], !note.text.isEmpty else { return nil }
        return RefiProjectImport.memoText(note)
    }

    /// A note as memo text: its name first when it says more than Coda's own `Memo on …` names.
    static func memoText(_ note: RefiNote) -> String {
        let name = note.name.trimmingWhitespace()
        if name.isEmpty || name.hasPrefix("Memo on ") { return note.text }
        return name + "\n\n" + note.text
    }

    /// One codings file per coder and document, each coder in a folder of their own (`CodingStore.coderFolder`).
    mutating func planCodingFiles(_ codings: [Coding]) {
        let store = CodingStore(root: root)
        var claimed: [String: String] = [:]
        var folders: [String: String] = [:]
        for coder in Set(codings.map(\.coder)).sorted() {
            let folder = store.coderFolder(coder, claimed: claimed)
            claimed[folder] = coder
            folders[coder] = folder
        }
        var byFile: [String: [Coding]] = [:]
        for coding in codings {
            let folder = folders[coding.coder] ?? coding.coder.fileSafe()
            byFile["\(CodingStore.folder)/\(folder)/\(coding.document.fileSafe()).tsv", default: []].append(coding)
        }
        for path in byFile.keys.sorted() { plan.files.append((path, CodingFile.render(byFile[path] ?? []))) }
    }
}
