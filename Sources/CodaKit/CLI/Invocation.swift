import Foundation

/// A parsed command line for one command, with the console and the project it runs on.
final class Invocation: @unchecked Sendable {
    let command: CommandSpec
    let console: Console
    private(set) var arguments: [String: [String]]
    private(set) var options: [String: [String]]
    private var loadedProject: Project?
    private var warnedAboutUnreadable = false

    init(command: CommandSpec, console: Console, arguments: [String: [String]], options: [String: [String]]) {
        self.command = command
        self.console = console
        self.arguments = arguments
        self.options = options
    }

    func argument(_ name: String) -> String? { arguments[name]?.first }
    func argumentList(_ name: String) -> [String] { arguments[name] ?? [] }
    func option(_ name: String) -> String? { options[name]?.last }
    func optionList(_ name: String) -> [String] { options[name] ?? [] }
    func flag(_ name: String) -> Bool { options[name] != nil }

    func intOption(_ name: String) throws -> Int? {
        guard let text = option(name) else { return nil }
        guard let value = Int(text), value >= 0 else { throw UsageError.invalidValue(option: name, value: text, expected: "a whole number") }
        return value
    }

    var format: OutputFormat {
        option("format").flatMap(OutputFormat.init(name:)) ?? command.defaultFormat
    }

    /// The project folder: `--project`, else the nearest one upward from the current folder.
    func projectRoot() throws -> URL {
        try ProjectLocator.locate(explicit: option("project"), currentDirectory: console.currentDirectory)
    }

    /// The loaded project, read once per command.
    func project() throws -> Project {
        if let loadedProject { return loadedProject }
        let project = Project.load(try projectRoot())
        loadedProject = project
        return project
    }

    /// Figures drawn from a project with a file left out would change without a word: every command that shows
    /// or exports what it read from the whole project says which files it could not read (`status` and `check`
    /// list them in full). Said once, just before the output.
    func warnAboutUnreadableFiles() {
        guard !warnedAboutUnreadable, let project = loadedProject, !["status", "check"].contains(command.name) else { return }
        warnedAboutUnreadable = true
        let paths = project.unreadable.keys.filter { $0.contains("/") }.sorted()
        guard !paths.isEmpty else { return }
        let listed = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
        console.errorLine("warning: \(paths.count) file\(plural(paths.count)) could not be read and \(paths.count == 1 ? "is" : "are") "
                          + "left out of everything below: \(listed)\n  hint: `coda check` shows what is wrong in each")
    }

    /// The project as far as one document needs it (codebook, the document, its codings): quick on large
    /// projects; everything when the document cannot be found by its file name.
    func project(forDocument id: String) throws -> Project {
        if let loadedProject { return loadedProject }
        if let light = Project.load(try projectRoot(), onlyDocument: id) { return light }
        return try project()
    }

    /// The project without its documents (the codebook and settings), for a command about the project or a code:
    /// quick on large projects.
    func projectWithoutDocuments() throws -> Project {
        if let loadedProject { return loadedProject }
        return Project.loadWithoutDocuments(try projectRoot())
    }

    /// Replaces the cached project after the command changed files.
    func reload() throws -> Project {
        loadedProject = nil
        return try project()
    }

    /// Writes a report to stdout in the chosen format. Displays, drafts and exports drawn on an undeclared main
    /// coder's codings say so on stderr.
    func emit(_ report: Report) {
        warnAboutUnreadableFiles()
        if [.display, .conclude, .export].contains(command.group), option("coder") == nil,
           let warning = loadedProject?.undeclaredMainCoderWarning {
            console.errorLine("warning: " + warning)
        }
        console.out(format.renderer(width: console.width).render(report))
    }
}

extension Invocation {
    /// `--coder`, else CODA_CODER, else git's user.name, else the login name.
    func coder() throws -> String {
        try CoderIdentity.resolve(option: option("coder"), environment: console.environment, projectRoot: try projectRoot())
    }

    /// The time stamped on new codings (SOURCE_DATE_EPOCH when set, for reproducible runs).
    var now: String { Clock.iso(Clock.now(console.environment)) }

    func codes(_ names: [String], in project: Project) throws -> [Code] {
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        return try names.map { name throws(CodebookError) in try project.codebook.resolve(name) }
    }

    func segments(_ name: String = "SEGMENTS") throws -> SegmentSelection {
        try SegmentSelection(parsing: argument(name) ?? "")
    }

    /// `--where ATTR=VALUE` options.
    func conditions() throws -> [(attribute: String, value: String)] {
        try keyValues("where")
    }

    /// The values of a repeatable `--NAME KEY=VALUE` option, key and value trimmed.
    func keyValues(_ name: String) throws(UsageError) -> [(String, String)] {
        try optionList(name).map { text throws(UsageError) in
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { throw .notKeyValue(option: name, value: text) }
            return (String(text[..<eq]).trimmingWhitespace(), String(text[text.index(after: eq)...]).trimmingWhitespace())
        }
    }
}

extension OptionSpec {
    static let coder = OptionSpec(name: "coder", valueName: "NAME", help: "who is coding (default: CODA_CODER, else git's user.name, else your login name)")
}
