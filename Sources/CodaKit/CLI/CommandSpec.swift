/// One command described as data: its name, arguments, options and help. The parser, the help text
/// and the "did you mean" suggestions all come from these descriptions.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var discussion: String = ""
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    /// The formats the command can print; adds `--format`.
    var formats: [OutputFormat] = []
    var defaultFormat: OutputFormat = .table
    var examples: [String] = []
    /// Which part of the guide the command belongs to in `coda --help`.
    var group: Group
    var run: @Sendable (Invocation) throws -> ExitCode

    enum Group: String, CaseIterable {
        case project = "Project"
        case ingest = "Ingest"
        case condense = "Condense"
        case display = "Display"
        case conclude = "Conclude and review"
        case export = "Export"
    }

    var allOptions: [OptionSpec] {
        var all = options
        if !formats.isEmpty {
            all.append(OptionSpec(name: "format", valueName: "FORMAT", help: "output format (default: \(defaultFormat.rawValue))",
                                  choices: formats.map(\.rawValue)))
        }
        return all + OptionSpec.global
    }

    /// Whether `option` is the `--format` that `formats` adds, whose values name output formats.
    func isOutputFormat(_ option: OptionSpec) -> Bool { option.name == "format" && !formats.isEmpty }

    var usage: String {
        var parts = ["coda", name]
        for argument in arguments {
            var text = argument.name + (argument.variadic ? "..." : "")
            if argument.optional { text = "[\(text)]" }
            parts.append(text)
        }
        for option in options {
            let text = option.valueName.map { "--\(option.name) \($0)" } ?? "--\(option.name)"
            parts.append("[\(text)]" + (option.repeatable ? "..." : ""))
        }
        if !formats.isEmpty { parts.append("[--format \(formats.map(\.rawValue).joined(separator: "|"))]") }
        return parts.joined(separator: " ")
    }
}

struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    var optional: Bool = false
    var variadic: Bool = false
}

struct OptionSpec: Sendable {
    var name: String
    /// nil for a flag that takes no value.
    var valueName: String?
    var help: String
    var repeatable: Bool = false
    var choices: [String] = []
    var short: Character? = nil

    static let project = OptionSpec(name: "project", valueName: "DIR",
                                    help: "the project folder (default: the nearest folder upward holding Transcripts/ or Codebooks/)")
    static let help = OptionSpec(name: "help", valueName: nil, help: "show help for the command", short: "h")
    static let global = [project, help]
}
