import Foundation

extension RefiProjectImport {
    /// Cases that no transcript names in its header keep their attributes in a cases file beside the
    /// transcripts (`Transcripts/<project>-cases.csv`, with a `.columns` file saying every column is an
    /// attribute), which Coda reads like a survey's attribute columns.
    mutating func planCases(_ documents: [RefiImportedDocument]) {
        let named = Set(documents.compactMap { $0.caseName?.lowercased() }).union(surveyCases)
        let cases = model.cases.map { record in
            var record = record
            record.values.removeAll {
                surveyVariables.contains($0.variable) || surveyRowVariables.contains($0.variable)
            }
            return record
        }
        let homeless = cases.filter { !named.contains($0.name.lowercased()) && !$0.values.isEmpty }
        let empty = cases.filter { !named.contains($0.name.lowercased()) && $0.values.isEmpty }.map(\.name)
        if !empty.isEmpty {
            let names = empty.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (empty.count > 5 ? ", …" : "")
            leave("\(empty.count) case\(plural(empty.count)) with no variable values and no imported source of "
                  + "\(empty.count == 1 ? "its" : "their") own not imported: " + names)
        }
        guard !homeless.isEmpty else { return }
        var keys: [String] = []
        var keyByVariable: [String: String] = [:]
        for variable in model.variableOrder {
            guard let name = model.variables[variable], let key = RefiTranscriptFile.key(name) else { continue }
            keyByVariable[variable] = key
            if !keys.contains(key) { keys.append(key) }
        }
        let used = Set(homeless.flatMap { $0.values.compactMap { keyByVariable[$0.variable] } })
        keys = keys.filter(used.contains)
        guard !keys.isEmpty else {
            leave("\(homeless.count) case\(plural(homeless.count)) without a transcript not imported: their variables "
                  + "have no usable names")
            return
        }
        var csv = (["case"] + keys).map { Self.csvField($0) }.joined(separator: ",") + "\n"
        for record in homeless {
            var row: [String: String] = [:]
            for (variable, value) in record.values {
                if let key = keyByVariable[variable], row[key] == nil { row[key] = value.collapsingWhitespace() }
            }
            csv += ([record.name] + keys.map { row[$0] ?? "" }).map { Self.csvField($0) }.joined(separator: ",") + "\n"
        }
        let base = "\(Project.transcriptsFolder)/\(RefiTranscriptFile.fileStem(title))-cases"
        var columns = "# Column kinds for \(RefiTranscriptFile.fileStem(title))-cases.csv: cases imported from \(name) without a transcript of their own.\n"
        columns += "case: id\n" + keys.map { "\($0): attribute\n" }.joined()
        plan.files.append((base + ".csv", csv))
        plan.files.append((base + ".columns", columns))
        outcome.adjustments.append("\(homeless.count) case\(plural(homeless.count)) without a transcript of their own: attributes written to \(base).csv")
    }

    /// Notes become memos on what refers to them: the project, a code, a document. Notes on selections are
    /// already coding memos; notes nothing refers to become project memos.
    mutating func planMemos(_ documents: [RefiImportedDocument]) {
        var referenced = Set<String>()
        for source in model.sources {
            for selection in source.selections {
                referenced.formUnion(selection.noteRefs)
                for coding in selection.codings { referenced.formUnion(coding.noteRefs) }
            }
        }
        func add(_ guid: String, to target: Memo.Target, prefix: String = "") {
            referenced.insert(guid)
            guard let note = model.notes[guid], !note.text.isEmpty else { return }
            plan.memos.append(RefiImportPlan.PlannedMemo(target: target, author: userName(note.user) ?? "",
                                                         date: RefiDate.memoDate(fromDateTime: note.time).nilIfEmpty ?? "undated",
                                                         text: prefix + RefiProjectImport.memoText(note)))
        }
        if !model.projectDescription.isEmpty {
            plan.memos.append(RefiImportPlan.PlannedMemo(target: .project, author: "", date: "undated",
                                                         text: "Project description: " + model.projectDescription))
        }
        for guid in model.projectNoteRefs {
            if let note = model.notes[guid], model.origin.hasPrefix("Coda"),
               let path = RefiCodaFiles.path(ofNote: note.name) {
                referenced.insert(guid)
                planCodaFile(path, text: note.text)
            } else {
                add(guid, to: .project)
            }
        }
        for (guid, path) in mapper.codeNotes { add(guid, to: .code(path)) }
        let idByGUID = Dictionary(documents.map { ($0.sourceGUID, $0.id) }, uniquingKeysWith: { first, _ in first })
        for source in model.sources {
            if model.origin != "Coda", let id = idByGUID[source.guid], !source.description.trimmingWhitespace().isEmpty {
                plan.memos.append(RefiImportPlan.PlannedMemo(target: .document(id), author: "", date: "undated",
                                                             text: "Description: " + source.description.trimmingWhitespace()))
            }
            for guid in source.noteRefs {
                if let id = idByGUID[source.guid] { add(guid, to: .document(id)) } else {
                    add(guid, to: .project, prefix: "On the source `\(source.name ?? source.guid)`, which was not imported: ")
                }
            }
        }
        for guid in model.noteOrder where !referenced.contains(guid) { add(guid, to: .project) }
    }
}

extension RefiProjectImport {
    /// One of Coda's own files a Coda export carried as a note (`RefiCodaFiles`), written back unless the project
    /// has its own already.
    mutating func planCodaFile(_ path: String, text: String) {
        guard !text.isEmpty else { return }
        let content = text + "\n"
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
           String(decoding: data, as: UTF8.self) != content {
            leave("\(path) from the export was not written: the project has its own (the export's is the note "
                  + "`\(RefiCodaFiles.prefix)\(path)` in the file)")
            return
        }
        plan.files.append((path, content))
    }
}
