import Foundation

/// Imports a .qdpx: its codebook, every text source as a transcript whose body is the source text (so the
/// selections' offsets still point at the same words), the codings per coder, the cases' variables as header
/// attributes, and the notes as memos. See `RefiImport` for the rules on leniency and conflicts.
struct RefiProjectImport {
    let file: URL
    let root: URL
    let options: ImportOptions
    let name: String
    /// The project's name, else the file's: the title of the imported codebook and the stem of its files.
    let title: String
    var codebookPath: String
    let zip: ZipReader
    /// The folder of the archive that holds the .qde (`""` at the top, else ending in `/`): sources are beside it.
    let base: String
    var outcome = ImportOutcome()
    var plan = RefiImportPlan()
    var model: RefiProjectModel
    var mapper: RefiCodeMapper
    let existing: Project
    var notedKinds = Set<String>()
    var missingSources: [(label: String, path: String, codings: Int)] = []
    /// The REFI-QDA elements' GUIDs and fields, for `Exchange/` (see `RefiIdentities`).
    var identities: [RefiIdentities.Entry] = []
    /// The variables and cases of the surveys rebuilt from a Coda export (GUIDs; names in lower case).
    var surveyVariables = Set<String>()
    var surveyCases = Set<String>()
    /// The variables numbering the rows of every survey a Coda export described, rebuilt or not: never attributes.
    var surveyRowVariables = Set<String>()
    /// One summary line per survey rebuilt.
    var rebuiltSurveys: [String] = []

    init(file: URL, root: URL, options: ImportOptions) throws {
        self.file = file
        self.root = root
        self.options = options
        name = file.lastPathComponent
        do {
            zip = try ZipReader(bytes: try RefiImport.readFile(file), fileName: name)
        } catch let error as ZipError {
            throw ImportError.invalid(file: name, reason: "the file is not a readable zip archive: \(error.diagnostic.message)",
                                      hint: "a .qdpx is a zip holding project.qde and sources/; export it again from the other tool")
        }
        var adjustments: [String] = []
        let entry = try RefiProjectImport.projectEntry(in: zip, file: name, adjustments: &adjustments)
        base = entry.name.lastIndex(of: "/").map { String(entry.name[...$0]) } ?? ""
        let tree = try RefiXMLTree.parse(try zip.data(for: entry), file: "\(name)/\(entry.name)")
        var reader = RefiReader(file: name)
        try reader.checkRoot(tree, expected: "Project", kind: "project")
        model = reader.project(tree)
        title = model.name.isEmpty ? file.deletingPathExtension().lastPathComponent : model.name
        codebookPath = "\(Project.codebooksFolder)/\(RefiTranscriptFile.fileStem(title)).md"
        mapper = RefiCodeMapper(nodes: model.codes, file: codebookPath)
        outcome.adjustments = adjustments + reader.adjustments + mapper.adjustments
        existing = Project.load(root)
    }

    /// `project.qde`; else the same name in another case (`Project.qde`); else the one .qde in the archive
    /// (ATLAS.ti 26 names it after the project), at the top or inside a folder (a project folder zipped whole).
    static func projectEntry(in zip: ZipReader, file: String, adjustments: inout [String]) throws -> ZipEntry {
        if let exact = zip.entry(named: "project.qde") { return exact }
        if let folded = zip.entry(named: "project.qde", caseInsensitive: true) {
            adjustments.append("the project file is named `\(folded.name)`, not `project.qde`")
            return folded
        }
        // macOS's Archive Utility adds `__MACOSX/…/._name.qde` resource forks beside the real file.
        let candidates = zip.entries.filter { !$0.isDirectory && $0.name.lowercased().hasSuffix(".qde")
            && !$0.name.hasPrefix("__MACOSX/") && !($0.name.split(separator: "/").last ?? "").hasPrefix("._") }
            .sorted { ($0.name.split(separator: "/").count, $0.name) < ($1.name.split(separator: "/").count, $1.name) }
        if let first = candidates.first {
            let folder = first.name.split(separator: "/").dropLast().joined(separator: "/")
            let place = folder.isEmpty ? "is named `\(first.name)`, not `project.qde`"
                : "is `\(first.name)`, inside the folder `\(folder)/`; its sources were read from beside it"
            adjustments.append("the project file " + place
                               + (candidates.count > 1 ? " (\(candidates.count) .qde files; the first was read)" : ""))
            return first
        }
        throw RefiImportError.noProjectFile(file: file, entries: zip.entries.map(\.name))
    }

    mutating func run() throws -> ImportOutcome {
        let starter = mapper.codes.isEmpty ? nil : RefiStarterCodebook.untouched(in: existing)
        if let starter {
            codebookPath = starter
            plan.replaceable[starter] = ProjectInitializer.exampleCodebook
            let examples = RefiStarterCodebook.examplesStillThere(in: root)
            note("\(starter) was the example codebook `coda init` wrote, unchanged and unused: the imported codebook "
                 + "took its place" + (examples.isEmpty ? "" : " (the example\(plural(examples.count)) "
                    + examples.map { "`\($0)`" }.joined(separator: " and ")
                    + (examples.count == 1 ? " is" : " are") + " still there)"))
        }
        try RefiImport.checkCodes(mapper.codes, against: existing, file: name, replacing: starter)
        if !mapper.codes.isEmpty {
            plan.files.append((codebookPath, codebookText()))
        }
        let documents = try importSources()
        planCases(documents)
        planMemos(documents)
        planIdentities(documents)
        summarize(documents)
        outcome.written = try plan.commit(into: root, file: name, record: options.record, summary: outcome.summary)
        return outcome
    }

    /// The imported codebook as written: its title, where it came from, and the mapped codes.
    func codebookText() -> String {
        let origin = model.origin.isEmpty ? "" : " (made by \(model.origin))"
        return CodebookWriter.render(title: title, intro: "Imported from `\(name)`\(origin).", codes: mapper.codes)
    }

    private mutating func summarize(_ documents: [RefiImportedDocument]) {
        outcome.summary.append("codebook: " + RefiImport.codeSummary(mapper.codes))
        let codings = documents.flatMap(\.codings)
        let transcripts = documents.filter { !$0.transcript.isSurveyAnswers }.count
        outcome.summary.append("\(transcripts) text source\(plural(transcripts)) → transcripts"
                               + (model.sources.count > documents.count ? " (\(model.sources.count - documents.count) without text not imported)" : ""))
        outcome.summary += rebuiltSurveys
        let coders = Set(codings.map(\.coder)).sorted(by: naturalOrder)
        outcome.summary.append("\(codings.count) coding\(plural(codings.count))" + (coders.isEmpty ? "" : " by " + coders.joined(separator: ", ")))
        // Variables outside a Coda survey are the cases' attributes (transcript headers, or the cases file); the
        // variables numbering a survey's rows are neither.
        let rows = model.variables.keys.filter { surveyRowVariables.contains($0) }.count
        let survey = model.variables.keys.filter {
            surveyVariables.contains($0) && !surveyRowVariables.contains($0)
        }.count
        let attributes = model.variables.count - survey - rows
        let cases = model.cases.count, variables = model.variables.count
        let kinds = [(survey, "rebuilt as survey columns"), (attributes, "as case attributes"),
                     (rows, rows == 1 ? "numbering a survey's rows" : "numbering survey rows")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        outcome.summary.append("\(cases) case\(plural(cases)), \(variables) variable\(plural(variables))"
                               + (kinds.isEmpty ? "" : ": " + kinds.joined(separator: ", ")))
        outcome.summary.append("\(plan.memos.count) memo\(plural(plan.memos.count))")
        let other = model.otherSources.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if !other.isEmpty { leave("sources Coda cannot code were not imported: " + other.joined(separator: ", ")) }
    }

    /// A REFI user's name, for codings and memos.
    func userName(_ guid: String?) -> String? {
        guard let guid, let name = model.users[guid] else { return nil }
        let clean = name.collapsingWhitespace()
        return clean.lowercased() == CodingStore.suggestionCoder ? clean + "-imported" : clean
    }
}
