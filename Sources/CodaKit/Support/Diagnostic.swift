/// A place in a project file, shown to the researcher as `file:line:column`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line = line, line > 0, let column { text += ":\(column)" }
        return text
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }
}

/// One problem found in a project, with where it is and how to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// An error a researcher can act on: it knows where it happened and what to do.
public protocol CodaError: Error, CustomStringConvertible, Sendable {
    var diagnostic: Diagnostic { get }
    /// Usage mistakes exit with 2, data problems with 1.
    var isUsageError: Bool { get }
}

extension CodaError {
    public var description: String { diagnostic.description }
    public var isUsageError: Bool { false }
}

extension Array where Element == Diagnostic {
    var errorCount: Int { filter { $0.severity == .error }.count }
    var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Errors first, then by file and line, so a report reads top to bottom.
    func sortedForDisplay() -> [Diagnostic] {
        sorted {
            if $0.severity != $1.severity { return $0.severity < $1.severity }
            switch ($0.location, $1.location) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return true
            case (_?, nil): return false
            default: return $0.message < $1.message
            }
        }
    }
}
