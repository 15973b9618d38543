/// What Coda reads from a REFI-QDA codebook or project, before it becomes Coda files. GUIDs are kept
/// normalised (`RefiReader.key`): lower case, without braces, so `{ABC…}` and `abc…` are the same element.
struct RefiCodeNode: Sendable {
    var guid: String
    var name: String
    var color: String?
    var description: String
    var noteRefs: [String]
    var children: [RefiCodeNode]
    /// False for a folder (`isCodable="false"`); a missing attribute reads as codable.
    var isCodable = true
}

struct RefiCodingRef: Sendable {
    var codeGUID: String
    var user: String?
    var time: String?
    var noteRefs: [String]
}

struct RefiSelection: Sendable {
    var guid: String
    var name: String?
    var start: Int
    var end: Int
    var user: String?
    var time: String?
    var description: String
    var codings: [RefiCodingRef]
    var noteRefs: [String]
}

struct RefiTextSource: Sendable {
    var guid: String
    var name: String?
    var plainTextPath: String?
    var content: String?
    var description: String
    var selections: [RefiSelection]
    /// Codings of the whole source.
    var codings: [RefiCodingRef]
    var noteRefs: [String]
    var values: [(variable: String, value: String)]
}

struct RefiNote: Sendable {
    var name: String
    var text: String
    var user: String?
    var time: String?
}

struct RefiCase: Sendable {
    var name: String
    var values: [(variable: String, value: String)]
    var sourceRefs: [String]
    var selectionRefs: [String] = []
}

/// A `<Set>`: Coda reads the ones that describe its own surveys (`RefiSurveyLayout`).
struct RefiSet: Sendable {
    var name: String
    var description: String
    var memberSources: [String]
}

struct RefiProjectModel: Sendable {
    var name: String
    var origin: String
    var users: [String: String] = [:]
    var codes: [RefiCodeNode] = []
    var variables: [String: String] = [:]
    var variableOrder: [String] = []
    var cases: [RefiCase] = []
    var sources: [RefiTextSource] = []
    var notes: [String: RefiNote] = [:]
    var noteOrder: [String] = []
    var projectNoteRefs: [String] = []
    var projectDescription: String = ""
    var sets: [RefiSet] = []
    /// Other kinds of source (PDF, picture, audio, video) by element name, counted.
    var otherSources: [String: Int] = [:]
}
