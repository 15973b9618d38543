/// A code of the codebook, with the guidance coders need to apply it consistently.
public struct Code: Sendable, Hashable {
    public var name: String
    /// Names from the top-level code down to this one.
    public var pathComponents: [String]
    public var definition: String = ""
    public var include: String = ""
    public var exclude: String = ""
    public var examples: [String] = []
    /// Words, "quoted phrases" or `re:` regular expressions that suggest this code (autocoding).
    public var keywords: [String] = []
    /// `#rrggbb`, or nil.
    public var color: String?
    /// Speakers whose turns get this code when autocoding (`*` matches any run of characters).
    public var speakers: [String] = []
    /// A survey question this code is triangulated with, e.g. `pre-survey:Q1 = No`.
    public var survey: String?
    /// Codes whose presence argues against this one (for negative cases).
    public var opposes: [String] = []
    /// Names or paths the code had before a rename by hand (`Formerly:`): codings that still name them stay with it.
    public var formerly: [String] = []
    /// Free text under the heading: the code memo.
    public var memo: String = ""
    public var location: SourceLocation

    /// `Parent/Child`: how codings refer to the code.
    public var path: String { pathComponents.joined(separator: "/") }
    public var depth: Int { pathComponents.count }
    public var parentPath: String? { depth > 1 ? pathComponents.dropLast().joined(separator: "/") : nil }

    public init(name: String, pathComponents: [String], location: SourceLocation) {
        self.name = name
        self.pathComponents = pathComponents
        self.location = location
    }
}
