/// A mistyped command line. Printed with the usage line; `coda` exits with 2.
enum UsageError: CodaError {
    case unknownCommand(String, suggestion: String?)
    case needsSubcommand(String, choices: [String])
    case unknownOption(String, command: String?, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case flagWithValue(option: String)
    case invalidChoice(option: String, value: String, choices: [String])
    case missingArgument(name: String, command: String)
    case unexpectedArgument(String, command: String)
    case unknownSubcommand(String, command: String, suggestion: String)
    case noArguments(String, command: String)
    case invalidArgument(name: String, value: String, choices: [String])
    case repeatedOption(String)
    case invalidValue(option: String, value: String, expected: String)
    case conflicting(String, String)
    case notKeyValue(option: String, value: String)

    var diagnostic: Diagnostic {
        switch self {
        case let .unknownCommand(name, suggestion):
            return Diagnostic(.error, at: nil, "unknown command `\(name)`", hint: suggestion ?? "`coda --help` lists the commands")
        case let .needsSubcommand(name, choices):
            return Diagnostic(.error, at: nil, "`coda \(name)` needs one of: " + choices.joined(separator: ", "),
                              hint: "e.g. `coda \(name) \(choices.first ?? "")`; `coda help \(name) \(choices.first ?? "")` explains it")
        case let .unknownOption(name, command, suggestion):
            let context = command.map { " for `coda \($0)`" } ?? ""
            return Diagnostic(.error, at: nil, "unknown option `\(name)`\(context)",
                              hint: suggestion ?? command.map { "`coda help \($0)` lists its options" })
        case let .missingValue(option, valueName):
            return Diagnostic(.error, at: nil, "`--\(option)` needs a value", hint: "write `--\(option) \(valueName)`")
        case let .flagWithValue(option):
            return Diagnostic(.error, at: nil, "`--\(option)` takes no value", hint: "write just `--\(option)`")
        case let .invalidChoice(option, value, choices):
            let close = EditDistance.suggestion(for: value, in: choices)
            return Diagnostic(.error, at: nil, "`\(value)` is not a valid value for `--\(option)`",
                              hint: (close.map { $0 + " " } ?? "") + "choose one of: " + choices.joined(separator: ", "))
        case let .missingArgument(name, command):
            return Diagnostic(.error, at: nil, "`coda \(command)` needs \(name)")
        case let .unexpectedArgument(value, command):
            return Diagnostic(.error, at: nil, "unexpected argument `\(value)` for `coda \(command)`",
                              hint: "quote text that holds spaces, e.g. \"two words\"")
        case let .noArguments(value, command):
            return Diagnostic(.error, at: nil, "`coda \(command)` takes no argument, so `\(value)` is not understood",
                              hint: "`coda help \(command)` shows what it takes")
        case let .invalidArgument(name, value, choices):
            let close = EditDistance.suggestion(for: value, in: choices)
            return Diagnostic(.error, at: nil, "`\(value)` is not a \(name)", hint: (close.map { $0 + " " } ?? "") + "choose one of: " + choices.joined(separator: ", "))
        case let .unknownSubcommand(value, command, suggestion):
            return Diagnostic(.error, at: nil, "unexpected argument `\(value)` for `coda \(command)`", hint: "did you mean `coda \(command) \(suggestion)`?")
        case let .repeatedOption(name):
            return Diagnostic(.error, at: nil, "`--\(name)` is given more than once", hint: "give it once")
        case let .invalidValue(option, value, expected):
            return Diagnostic(.error, at: nil, "`\(value)` is not a valid value for `--\(option)`", hint: "expected \(expected)")
        case let .conflicting(a, b):
            return Diagnostic(.error, at: nil, "`\(a)` and `\(b)` cannot be used together")
        case let .notKeyValue(option, value):
            return Diagnostic(.error, at: nil, "`\(value)` is not ATTRIBUTE=VALUE", hint: "write e.g. `--\(option) role=participant`")
        }
    }

    var isUsageError: Bool { true }
}
