/// How `coda` ends: 0 all well, 1 a data or validation problem was found, 2 the command was mistyped.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case problemsFound = 1
    case usage = 2
}

/// The version `coda --version` prints.
public let codaVersion = "0.1.0"
