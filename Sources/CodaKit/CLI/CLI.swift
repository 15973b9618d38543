/// The `coda` command line: parses the words, runs the command, prints errors, returns the exit code.
import Synchronization

public enum CLI {
    private static let lastInvocation = Mutex<Invocation?>(nil)

    static let commands: [CommandSpec] = CommandSpec.all

    public static func run(arguments: [String], console: Console) -> ExitCode {
        let parser = ArgumentParser(commands: commands)
        let outcome: ArgumentParser.Outcome
        do {
            outcome = try parser.parse(arguments)
        } catch {
            console.err(error.diagnostic.description + "\n")
            if let command = parser.match(arguments.filter { !$0.hasPrefix("-") })?.0 {
                console.err("usage: \(command.usage)\n")
            } else {
                console.err("usage: coda COMMAND [ARGUMENTS] [OPTIONS]   (see `coda --help`)\n")
            }
            return .usage
        }
        switch outcome {
        case .version:
            console.line("coda \(codaVersion)")
            return .success
        case .help(let command):
            console.out(command.map { HelpText.command($0, width: console.width) } ?? HelpText.overview(commands, width: console.width))
            return .success
        case let .helpFor(prefix, family):
            console.line("`coda \(prefix)` needs one of:\n")
            for command in family { console.line("  coda \(command.name): \(command.summary)") }
            console.line("\n`coda help \(family[0].name)` explains one.")
            return .success
        case let .run(command, arguments, options):
            let invocation = Invocation(command: command, console: console, arguments: arguments, options: options)
            // The process ends right after a command; freeing a large project object by object would only
            // delay that (a tenth of a second on ten thousand transcripts), so the last one is kept.
            defer { lastInvocation.withLock { $0 = invocation } }
            do {
                return try command.run(invocation)
            } catch let error as any CodaError {
                console.err(error.diagnostic.description + "\n")
                if error.isUsageError { console.err("usage: \(command.usage)\n") }
                return error.isUsageError ? .usage : .problemsFound
            } catch {
                console.err("error: \(error)\n")
                return .problemsFound
            }
        }
    }
}
