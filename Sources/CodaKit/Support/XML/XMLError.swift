/// Why an XML document could not be read, and where: line and column (in characters, from 1) of the fault.
struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    var reason: String

    var description: String { "\(reason) (line \(line), column \(column))" }
}

/// The limits `XMLReader` enforces, so a hostile document ends in a clear error, never in a crash or a blow-up.
/// Elements nest at most 256 deep (as libxml2 allows by default); a tag has at most 1,024 attributes; a name is at
/// most 1,024 bytes; a document is at most 1 GiB. Exchange files and Word documents stay far inside all of these.
struct XMLLimits: Sendable {
    var maxDepth = 256
    var maxAttributes = 1024
    var maxNameLength = 1024
    var maxBytes = 1 << 30

    static let standard = XMLLimits()
}
