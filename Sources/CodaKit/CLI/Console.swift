import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes and what it knows of the terminal. Passed in, so tests capture output.
public struct Console: Sendable {
    /// Columns to wrap text at.
    public var width: Int
    /// True when stdin is a terminal (interactive prompts), false when answers are piped in.
    public var stdinIsTerminal: Bool
    /// True when stderr is a terminal, so progress lines may overwrite themselves.
    public var stderrIsTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: URL
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void
    private let readInput: @Sendable () -> String?

    public init(width: Int, stdinIsTerminal: Bool = false, stderrIsTerminal: Bool = false, environment: [String: String],
                currentDirectory: URL, out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                readLine: @escaping @Sendable () -> String?) {
        self.width = width
        self.stdinIsTerminal = stdinIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.writeOut = out
        self.writeErr = err
        self.readInput = readLine
    }

    public func out(_ text: String) { writeOut(text) }
    public func err(_ text: String) { writeErr(text) }
    public func line(_ text: String = "") { writeOut(text + "\n") }
    public func errorLine(_ text: String) { writeErr(text + "\n") }
    public func readLine() -> String? { readInput() }

    /// A progress message on stderr; a no-op unless someone watches.
    public func progress(_ text: String) {
        guard environment["CODA_QUIET"] == nil else { return }
        writeErr(text + "\n")
    }

    /// The real stdout, stderr and stdin of the process.
    public static func standard() -> Console {
        let environment = processEnvironment()
        var width = 100
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            width = columns
        } else if isatty(1) != 0 {
            var size = winsize()
            if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { width = Int(size.ws_col) }
        }
        return Console(
            width: width, stdinIsTerminal: isatty(0) != 0, stderrIsTerminal: isatty(2) != 0, environment: environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) })
    }

    /// The process's environment read from `environ` (the first of repeated names wins, as with `getenv`):
    /// `ProcessInfo` would be set up for this alone, a good part of a `coda --version`.
    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), result[String(text[..<equals])] == nil {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}

/// Output captured in memory, for tests and for commands that call other commands.
public final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    private var input: [String]

    public init(input: [String] = []) { self.input = input }

    public var stdout: String { lock.withLock { outText } }
    public var stderr: String { lock.withLock { errText } }

    public func console(width: Int = 100, environment: [String: String] = [:], currentDirectory: URL) -> Console {
        Console(width: width, environment: environment, currentDirectory: currentDirectory,
                out: { [self] text in lock.withLock { outText += text } },
                err: { [self] text in lock.withLock { errText += text } },
                readLine: { [self] in lock.withLock { input.isEmpty ? nil : input.removeFirst() } })
    }
}
