extension CommandSpec {
    static let config = CommandSpec(
        name: "config", summary: "show or change the project settings in Project.md (title, main coder)",
        discussion: "With no KEY, lists every setting. With KEY, prints its value; with KEY VALUE, sets it (only "
            + "that line of Project.md changes). Settings: "
            + ProjectSettings.Key.allCases.map { "`\($0.rawValue)`, \($0.summary)" }.joined(separator: "; ") + ".",
        arguments: [ArgumentSpec(name: "KEY", help: "title or main-coder", optional: true),
                    ArgumentSpec(name: "VALUE", help: "the new value", optional: true)],
        options: [OptionSpec(name: "unset", valueName: nil, help: "remove the setting")],
        examples: ["coda config", "coda config main-coder nurul", "coda config title \"JMO promotion study\""],
        group: .project
    ) { invocation in
        let root = try invocation.projectRoot()
        let console = invocation.console
        guard let name = invocation.argument("KEY") else {
            let settings = try ProjectSettings.load(root: root)
            for key in ProjectSettings.Key.allCases {
                console.line("\(key.rawValue): \(settings.values[key] ?? "(not set)")")
            }
            for problem in settings.problems { console.errorLine(problem.description) }
            return .success
        }
        guard let key = ProjectSettings.Key(name: name) else {
            let keys = ProjectSettings.Key.allCases.map(\.rawValue)
            throw UsageError.invalidArgument(name: "KEY", value: name, choices: keys)
        }
        let value = invocation.argument("VALUE")?.trimmingWhitespace()
        if value == nil && !invocation.flag("unset") {
            console.line(try ProjectSettings.load(root: root).values[key] ?? "(not set)")
            return .success
        }
        if value != nil && invocation.flag("unset") { throw UsageError.conflicting("VALUE", "--unset") }
        if key == .mainCoder, let value {
            let coders = try invocation.project().coders
            // Displays would count nobody's codings: refuse rather than show zeros.
            if !coders.isEmpty, !coders.contains(where: { $0.lowercased() == value.lowercased() }) {
                throw ProjectError.unknownCoder(name: value, coders: coders)
            }
        }
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            try ProjectSettings.load(root: root).setting(key, to: value?.isEmpty == true ? nil : value).save(root: root)
        }
        console.line(value.map { "\(key.rawValue) set to \($0)" } ?? "\(key.rawValue) removed")
        return .success
    }
}
