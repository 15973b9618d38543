/// Help generated from the command table, so it never drifts from what the parser accepts.
enum HelpText {
    static func overview(_ commands: [CommandSpec], width: Int) -> String {
        var out = """
        coda \(codaVersion): qualitative analysis of interviews and surveys, from the terminal.

        Usage: coda COMMAND [ARGUMENTS] [OPTIONS]

        """
        let nameWidth = (commands.map(\.name.count).max() ?? 10) + 2
        for group in CommandSpec.Group.allCases {
            let members = commands.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            out += "\n\(group.rawValue):\n"
            for command in members {
                out += item("  " + command.name, command.summary, nameWidth: nameWidth + 2, width: width)
            }
        }
        out += """

        Global options:
          --project DIR   the project folder (default: the nearest folder upward holding Transcripts/ or Codebooks/)
          -h, --help      help for coda or a command (`coda help COMMAND` too)
          --version       print the version

        Exit codes: 0 ok, 1 a data or validation problem was found, 2 the command was mistyped.

        """
        return out
    }

    /// `Usage: coda …` wrapped between its bracketed parts, never inside one, with continuation lines indented.
    static func usageLines(_ usage: String, width: Int) -> [String] {
        let lead = "Usage: "
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in usage {
            if ch == " " && depth == 0 {
                if !current.isEmpty { parts.append(current) }
                current = ""
                continue
            }
            if ch == "[" { depth += 1 } else if ch == "]" { depth = max(0, depth - 1) }
            current.append(ch)
        }
        if !current.isEmpty { parts.append(current) }
        var lines: [String] = []
        var line = lead
        for part in parts {
            if line.count > lead.count && line.count + 1 + part.count > width {
                lines.append(line)
                line = String(repeating: " ", count: lead.count) + part
            } else {
                line += (line.count > lead.count ? " " : "") + part
            }
        }
        return lines + [line]
    }

    static func command(_ command: CommandSpec, width: Int) -> String {
        var out = DisplayWidth.wrap("coda \(command.name): \(command.summary)", width: width).joined(separator: "\n")
            + "\n\n" + usageLines(command.usage, width: width).joined(separator: "\n") + "\n"
        if !command.discussion.isEmpty {
            out += "\n" + DisplayWidth.wrap(command.discussion, width: width).joined(separator: "\n") + "\n"
        }
        if !command.arguments.isEmpty {
            out += "\nArguments:\n"
            let w = (command.arguments.map(\.name.count).max() ?? 4) + 4
            for argument in command.arguments { out += item("  " + argument.name, argument.help, nameWidth: w, width: width) }
        }
        out += "\nOptions:\n"
        let labels = command.allOptions.map { option -> (String, String) in
            var label = option.short.map { "-\($0), " } ?? ""
            label += "--" + option.name
            if let value = option.valueName { label += " " + value }
            var help = option.help
            if !option.choices.isEmpty && option.name != "format" { help += " (" + option.choices.joined(separator: ", ") + ")" }
            if command.isOutputFormat(option) {
                help = "output format: " + option.choices.joined(separator: ", ") + " (default: \(command.defaultFormat.rawValue))"
            }
            if option.repeatable { help += "; may be repeated" }
            return (label, help)
        }
        let w = (labels.map(\.0.count).max() ?? 10) + 4
        for (label, help) in labels { out += item("  " + label, help, nameWidth: w, width: width) }
        if !command.examples.isEmpty {
            out += "\nExamples:\n" + command.examples.map { "  \($0)\n" }.joined()
        }
        return out
    }

    private static func item(_ name: String, _ help: String, nameWidth: Int, width: Int) -> String {
        let lines = DisplayWidth.wrap(help, width: max(20, width - nameWidth))
        var out = ""
        for (i, line) in lines.enumerated() {
            let lead = i == 0 ? (name.count < nameWidth ? DisplayWidth.pad(name, to: nameWidth) : name + "  ") : String(repeating: " ", count: nameWidth)
            out += lead + line + "\n"
        }
        return out
    }
}
