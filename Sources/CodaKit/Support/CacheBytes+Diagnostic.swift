extension CacheWriter {
    /// A diagnostic as the caches keep it: severity, place, message and hint.
    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        optionalString(diagnostic.location?.file)
        optionalInt(diagnostic.location?.line)
        optionalInt(diagnostic.location?.column)
        string(diagnostic.message)
        optionalString(diagnostic.hint)
    }
}

extension CacheReader {
    mutating func diagnostic() throws(Damaged) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        let file = try optionalString()
        let line = try optionalInt()
        let column = try optionalInt()
        let message = try string()
        let hint = try optionalString()
        let location = file.map { SourceLocation(file: $0, line: line, column: column) }
        return Diagnostic(severity, at: location, message, hint: hint)
    }
}
