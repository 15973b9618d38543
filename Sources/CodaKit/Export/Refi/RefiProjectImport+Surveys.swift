/// A source read from the archive, before it becomes a transcript or a survey's open question.
typealias RefiReadSource = (source: RefiTextSource, label: String, decoded: String, bom: Bool, text: RefiSourceText)

extension RefiProjectImport {
    /// Rebuilds the surveys a Coda export described (`RefiSurveyLayout`) as a CSV and `.columns` file in
    /// Transcripts/, exactly what Coda reads natively, and places the codings of their open questions on the
    /// rebuilt answers. Returns the open questions' documents; their sources are not imported as transcripts.
    /// A survey that cannot be rebuilt exactly is reported, and its sources are imported as transcripts.
    mutating func rebuildSurveys(_ read: [RefiReadSource]) throws -> [RefiImportedDocument] {
        let sources = Dictionary(read.map { ($0.source.guid, $0) }, uniquingKeysWith: { first, _ in first })
        var documents: [RefiImportedDocument] = []
        var clashes: [String] = []
        var files: [String: String] = [:]  // by rebuilt id in lower case: the set's name
        for set in model.sets where RefiSurveyLayout.describesSurvey(set.description) {
            guard var layout = RefiSurveyLayout.parse(name: set.name, description: set.description) else {
                let row = RefiSurveyLayout.rowVariableName(set.name.trimmingWhitespace()).lowercased()
                surveyRowVariables.formUnion(model.variables.filter { $0.value.lowercased() == row }.keys)
                leave("set `\(set.name)` describes a Coda survey, but its lines are damaged: "
                      + "the survey was not rebuilt")
                continue
            }
            surveyRowVariables.insert(layout.rowVariable)
            // Coda names a survey after its file: one id for the file, the survey and its questions' documents.
            let setName = layout.id
            layout.id = setName.fileSafe()
            if let other = files[layout.id.lowercased()] {
                leave("survey `\(setName)` was not rebuilt: its file would be the one of the survey `\(other)`")
                continue
            }
            files[layout.id.lowercased()] = setName
            if existing.survey(layout.id) != nil {
                clashes.append(layout.id)
                continue
            }
            do {
                documents += try rebuild(layout, sources: sources)
                if layout.id != setName {
                    let links = relinkSurvey(setName, to: layout.id)
                    note("survey `\(setName)` is now `\(layout.id)`, the name of its file: its questions are "
                         + "`\(layout.id):…`" + (links == 0 ? "" : "; the imported codebook's \(links) "
                            + "`Survey: \(setName):…` line\(plural(links)) \(links == 1 ? "was" : "were") "
                            + "rewritten to `Survey: \(layout.id):…`"))
                }
            } catch let problem as RefiSurveyProblem {
                leave("survey `\(setName)` could not be rebuilt exactly (\(problem.reason)); its open questions "
                      + "became transcripts, and its other columns case attributes (in the header of a "
                      + "respondent's own transcript, else in the cases file); import the survey's own file (CSV) "
                      + "instead")
            }
        }
        if !clashes.isEmpty { throw RefiImportError.documentsExist(file: name, ids: clashes) }
        return documents
    }

    /// Rewrites the imported codebook's links to a survey rebuilt under a new id, so they resolve in the project
    /// as they did in the exported one. Returns how many links were rewritten.
    private mutating func relinkSurvey(_ old: String, to new: String) -> Int {
        let links = mapper.relinkSurvey(old, to: new)
        if links > 0, let index = plan.files.firstIndex(where: { $0.path == codebookPath }) {
            plan.files[index].text = codebookText()
        }
        return links
    }

    private mutating func rebuild(_ layout: RefiSurveyLayout, sources: [String: RefiReadSource]) throws
        -> [RefiImportedDocument] {
        var byRow: [Int: RefiCase] = [:]
        for record in model.cases {
            guard let value = record.values.first(where: { $0.variable == layout.rowVariable })?.value else { continue }
            guard let row = Int(value), row >= 1, byRow[row] == nil else {
                throw RefiSurveyProblem(reason: "case `\(record.name)` has the row `\(value)`, not a new row number")
            }
            byRow[row] = record
        }
        guard byRow.keys.max() ?? 0 == byRow.count else {
            throw RefiSurveyProblem(reason: "its respondents' row numbers have gaps")
        }
        var rows: [[String]] = []
        var answerSelections = Set<String>()
        var selections: [String: [String: RefiSelection]] = [:]  // by open question's source, by selection GUID
        for column in layout.columns where column.kind == .open {
            let list = sources[column.guid]?.source.selections ?? []
            selections[column.guid] = Dictionary(list.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for row in (0..<byRow.count).map({ $0 + 1 }) {
            guard let record = byRow[row] else { continue }
            rows.append(try layout.columns.map { column in
                switch column.kind {
                case .id: return record.name
                case .open:
                    guard let read = sources[column.guid] else {
                        throw RefiSurveyProblem(reason: "the source of the open question `\(column.key)` is missing")
                    }
                    let answers = record.selectionRefs.compactMap { selections[column.guid]?[$0] }
                    guard let selection = answers.first else { return "" }
                    answerSelections.insert(selection.guid)
                    return try Self.answer(selection, in: read.text)
                default:
                    return record.values.first { $0.variable == column.guid }?.value ?? ""
                }
            })
        }
        let csvPath = "\(Project.transcriptsFolder)/\(layout.id.fileSafe()).csv"
        let columnsPath = "\(Project.transcriptsFolder)/\(layout.id.fileSafe()).columns"
        // A survey whose numbers are written `3,5` is read so from a `;`-separated file.
        let separator = layout.decimalComma ? ";" : ","
        let csv = ([layout.columns.map(\.header)] + rows)
            .map { $0.map(Self.csvField).joined(separator: separator) + "\n" }
            .joined()
        let declared = layout.columns.map { "\($0.key): \($0.kind.rawValue)\n" }.joined()
        var columnsFile = layout.columnsFile
        var survey = try parsedSurvey(layout, csv: csv, path: csvPath, columns: columnsFile.map { (columnsPath, $0) })
        if survey.map({ Self.matches($0, layout, rows) }) != true {
            columnsFile = declared
            survey = try parsedSurvey(layout, csv: csv, path: csvPath, columns: (columnsPath, declared))
        }
        guard let survey, Self.matches(survey, layout, rows) else {
            throw RefiSurveyProblem(reason: "Coda reads its rebuilt file differently")
        }
        guard survey.decimalComma == layout.decimalComma, Swift.zip(survey.columns, layout.columns).allSatisfy({
            $0.kind != .multiple || $0.choiceSeparator == $1.choiceSeparator
        }) else {
            throw RefiSurveyProblem(reason: "its numbers or multiple-choice answers were written in a shape of "
                                    + "the survey tool's own that a rebuilt file cannot repeat")
        }
        var questions: [(guid: String, read: RefiReadSource, document: Transcript)] = []
        for column in survey.columns where column.kind == .open {
            let guid = layout.columns[column.index].guid
            guard let read = sources[guid] else { continue }
            let document = survey.openQuestionDocument(column)
            guard document.text == read.text.text else {
                throw RefiSurveyProblem(reason: "the answers to `\(column.key)` differ from the text of its source")
            }
            questions.append((guid, read, document))
        }
        var documents: [RefiImportedDocument] = []
        for (guid, read, document) in questions {
            var source = read.source
            source.selections.removeAll { answerSelections.contains($0.guid) }
            let codings = codings(for: source, label: read.label, text: read.text, document: document,
                                  unit: .codePoints)
            documents.append(RefiImportedDocument(id: document.id, sourceGUID: guid, path: csvPath,
                                                  transcript: document, codings: codings, caseName: nil))
        }
        plan.files.append((csvPath, csv))
        if let columnsFile { plan.files.append((columnsPath, columnsFile)) }
        surveyVariables.formUnion(layout.columns.map(\.guid))
        surveyCases.formUnion(byRow.values.map { $0.name.lowercased() })
        let count = survey.questions.count
        rebuiltSurveys.append("survey `\(layout.id)` rebuilt: \(rows.count) respondent\(plural(rows.count)), "
                               + "\(count) question\(plural(count)) → \(csvPath)")
        return documents
    }

    private func parsedSurvey(_ layout: RefiSurveyLayout, csv: String, path: String,
                              columns: (path: String, text: String)?) throws -> Survey? {
        try? SurveyParser(path: path, id: layout.id).parse(csv: csv, columnsFile: columns).0
    }

    /// Whether Coda reads the rebuilt file as the survey the layout describes: the same columns and answers.
    private static func matches(_ survey: Survey, _ layout: RefiSurveyLayout, _ rows: [[String]]) -> Bool {
        survey.columns.map { [$0.kind.rawValue, $0.key, $0.header] }
            == layout.columns.map { [$0.kind.rawValue, $0.key, $0.header] }
            && survey.respondents.map(\.values) == rows
    }

    /// The text of a respondent's answer: its selection in the question's source, counted in code points.
    private static func answer(_ selection: RefiSelection, in text: RefiSourceText) throws -> String {
        guard let start = text.offset(selection.start, in: .codePoints),
              let end = text.offset(selection.end, in: .codePoints), start <= end else {
            throw RefiSurveyProblem(reason: "the answer `\(selection.name ?? selection.guid)` lies outside its source")
        }
        return String(String.UnicodeScalarView(text.text.unicodeScalars.dropFirst(start).prefix(end - start)))
    }

    /// A CSV field, quoted when it holds any separator Coda's reader might choose (`,` `;` tab), a quote, a line
    /// break or outer spaces, so the separator detected is the one written. No formula guard: the file is the
    /// survey's data, which must read back as it was.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { ",;\t\"\n\r".contains($0) } || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// Why a survey described by a Coda export could not be rebuilt exactly.
struct RefiSurveyProblem: Error {
    var reason: String
}
