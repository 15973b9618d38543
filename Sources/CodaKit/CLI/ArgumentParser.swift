/// Matches command-line words against the command table: finds the command, binds options and
/// arguments, and turns every mistake into a `UsageError` that names the closest valid choice.
struct ArgumentParser {
    var commands: [CommandSpec]

    enum Outcome {
        case run(CommandSpec, arguments: [String: [String]], options: [String: [String]])
        case help(CommandSpec?)
        /// Help for a word that only starts commands (`coda export --help`).
        case helpFor(prefix: String, commands: [CommandSpec])
        case version
    }

    func parse(_ words: [String]) throws(UsageError) -> Outcome {
        let tokens = Token.split(words)
        // Plain words, leaving out the values of options that take one, to find the command name.
        let valued = Set(commands.flatMap { $0.allOptions.filter { $0.valueName != nil }.map(\.name) })
        var plain: [String] = []
        var skipNext = false
        for token in tokens {
            switch token {
            case .argument(let a):
                if skipNext { skipNext = false } else { plain.append(a) }
            case let .option(name, value):
                skipNext = value == nil && valued.contains(name)
            }
        }
        let wantsHelp = tokens.contains { if case .option(let n, nil) = $0 { return n == "help" || n == "h" } else { return false } }
        let wantsVersion = tokens.contains { if case .option(let n, _) = $0 { return n == "version" } else { return false } }

        if plain.first == "help" {
            let rest = Array(plain.dropFirst())
            if rest.isEmpty { return .help(nil) }
            guard let (command, _) = match(rest) else {
                let family = subcommands(of: rest[0])
                if !family.isEmpty { return .helpFor(prefix: rest[0].lowercased(), commands: family) }
                throw unknownCommand(rest[0], next: rest.dropFirst().first)
            }
            return .help(command)
        }
        guard let first = plain.first else {
            if wantsVersion { return .version }
            // Only global options: anything else is a mistake worth naming.
            for case let .option(name, _) in tokens where !["help", "h", "version", "project"].contains(name) {
                let display = name.count == 1 ? "-\(name)" : "--\(name)"
                throw .unknownOption(display, command: nil,
                                     suggestion: EditDistance.suggestion(for: "--" + name, in: ["--help", "--version", "--project"]))
            }
            return .help(nil)
        }
        guard let (command, used) = match(plain) else {
            let family = subcommands(of: first)
            if wantsHelp { return family.isEmpty ? .help(nil) : .helpFor(prefix: first.lowercased(), commands: family) }
            throw unknownCommand(first, next: plain.dropFirst().first)
        }
        if wantsHelp { return .help(command) }

        // Bind options in order; the value of an option is the next word when not written with `=`.
        var options: [String: [String]] = [:]
        var positionals: [String] = []
        var skippedCommandWords = 0
        var index = 0
        let known = command.allOptions
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .argument(let word):
                if skippedCommandWords < used { skippedCommandWords += 1 } else { positionals.append(word) }
            case let .option(name, inlineValue):
                guard let spec = known.first(where: { $0.name == name || $0.short.map(String.init) == name }) else {
                    let display = name.count == 1 ? "-\(name)" : "--\(name)"
                    throw .unknownOption(display, command: command.name,
                                         suggestion: EditDistance.suggestion(for: "--" + name, in: known.map { "--" + $0.name }))
                }
                if spec.valueName == nil {
                    if inlineValue != nil { throw .flagWithValue(option: spec.name) }
                    options[spec.name, default: []].append("")
                    continue
                }
                var value = inlineValue
                if value == nil, index < tokens.count, case .argument(let next) = tokens[index] {
                    value = next
                    index += 1
                }
                guard let value else { throw .missingValue(option: spec.name, valueName: spec.valueName!) }
                if !spec.choices.isEmpty {
                    let normalized = command.isOutputFormat(spec) ? OutputFormat(name: value)?.rawValue : value.lowercased()
                    guard let normalized, spec.choices.contains(normalized) else {
                        throw .invalidChoice(option: spec.name, value: value, choices: spec.choices)
                    }
                    if options[spec.name] != nil && !spec.repeatable { throw .repeatedOption(spec.name) }
                    options[spec.name, default: []].append(normalized)
                    continue
                }
                if options[spec.name] != nil && !spec.repeatable && spec.name != "project" { throw .repeatedOption(spec.name) }
                options[spec.name, default: []].append(value)
            }
        }

        var arguments: [String: [String]] = [:]
        var remaining = positionals[...]
        for spec in command.arguments {
            if spec.variadic {
                if remaining.isEmpty && !spec.optional { throw .missingArgument(name: spec.name, command: command.name) }
                arguments[spec.name] = Array(remaining)
                remaining = []
            } else if let value = remaining.first {
                arguments[spec.name] = [value]
                remaining = remaining.dropFirst()
            } else if !spec.optional {
                throw .missingArgument(name: spec.name, command: command.name)
            }
        }
        if let extra = remaining.first {
            if let close = EditDistance.closest(to: extra, in: subcommandWords(of: command.name)).first {
                throw .unknownSubcommand(extra, command: command.name, suggestion: close)
            }
            throw command.arguments.isEmpty ? .noArguments(extra, command: command.name) : .unexpectedArgument(extra, command: command.name)
        }
        return .run(command, arguments: arguments, options: options)
    }

    /// The command whose name matches the most leading words (`codebook lint` before `codebook`).
    func match(_ words: [String]) -> (CommandSpec, Int)? {
        for length in stride(from: min(2, words.count), through: 1, by: -1) {
            let name = words.prefix(length).joined(separator: " ").lowercased()
            if let command = commands.first(where: { $0.name == name }) { return (command, length) }
        }
        return nil
    }

    /// The commands whose name starts with `word` and a space (`export` → `export appendix`, …).
    func subcommands(of word: String) -> [CommandSpec] {
        commands.filter { $0.name.hasPrefix(word.lowercased() + " ") }
    }

    /// The second words of the commands that start with `word` (`export` → `appendix`, `qdpx`).
    func subcommandWords(of word: String) -> [String] {
        subcommands(of: word).map { String($0.name.dropFirst(word.count + 1)) }
    }

    private func unknownCommand(_ name: String, next: String? = nil) -> UsageError {
        let kinds = subcommandWords(of: name)
        if !kinds.isEmpty {
            if let next, let close = EditDistance.closest(to: next, in: kinds).first {
                return .unknownSubcommand(next, command: name.lowercased(), suggestion: close)
            }
            return .needsSubcommand(name.lowercased(), choices: kinds)
        }
        let names = Array(Set(commands.map { String($0.name.split(separator: " ")[0]) })).sorted()
        return .unknownCommand(name, suggestion: EditDistance.suggestion(for: name, in: names))
    }
}
