/// A name people type in any case (a document id, a case id, a code path, a coder): it keeps the spelling
/// it was given for display and compares, hashes and sorts by its case-folded form, folded once.
public struct FoldedName<Kind>: Hashable, Sendable, CustomStringConvertible {
    /// The name as written.
    public let text: String
    /// The name folded to lower case: what comparisons use.
    public let key: String

    public init(_ text: String) {
        self.text = text
        key = text.lowercased()
    }

    public static func == (a: Self, b: Self) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public var description: String { text }
}

public enum DocumentName {}
public enum CaseName {}
public enum CodeName {}
public enum CoderName {}

/// A document id (`R017`, `pre-survey:Q4`), compared ignoring case.
public typealias DocumentID = FoldedName<DocumentName>
/// A case id (`R017`), compared ignoring case.
public typealias CaseID = FoldedName<CaseName>
/// A code's path (`Problems/Queues`), compared ignoring case.
public typealias CodePath = FoldedName<CodeName>
/// A coder's name, compared ignoring case.
public typealias CoderID = FoldedName<CoderName>
