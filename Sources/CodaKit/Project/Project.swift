import Foundation

/// A project folder as loaded: transcripts, surveys and the codebook, with every problem found on the way.
/// Loading never stops at the first bad file: the files that read well are kept and the others are reported.
public struct Project: Sendable {
    public var root: URL
    public var transcripts: [Transcript]
    public var surveys: [Survey]
    public var codebook: Codebook
    /// Problems in the files, sorted for display.
    public var diagnostics: [Diagnostic]
    /// Files that could not be read at all (path → the error), so commands can explain why a document is missing.
    public var unreadable: [String: Diagnostic]
    /// Every codable document by lower-cased id: transcripts and survey open questions.
    var documentsByID: [String: Transcript] = [:]
    /// Transcripts then survey open questions, in a stable order (set when loading).
    public internal(set) var documentsInOrder: [Transcript] = []
    /// All codings, placed on the current text of their documents (including the `auto` coder's suggestions).
    public internal(set) var codings: [Coding] = []
    /// Codings by people, leaving out autocoding suggestions (set with `codings` when loading).
    public internal(set) var humanCodings: [Coding] = []
    /// The `auto` coder's suggestions.
    public internal(set) var suggestions: [Coding] = []
    /// Codings whose words could not be found again, kept apart so nothing is lost.
    public var unplacedCodings: [(coding: Coding, reason: String)] = []
    /// How many codings were found at other positions than their files say (saved by `coda check --fix`).
    public var movedCodings: [Coding] = []
    /// Suggestions the researcher rejected, so autocoding does not make them again.
    public var rejectedSuggestions: [Coding] = []
    public var memos: [Memo] = []
    /// Tables of figures the researcher collected, from `Figures/*.csv`.
    public var figures: [Figure] = []
    /// The settings in `Project.md` (title, main coder); empty when the file is missing.
    public internal(set) var settings = ProjectSettings()
    /// Every case, sorted by id: transcripts' cases merged with survey respondents of the same id.
    public internal(set) var cases: [CaseRecord] = []
    var caseIndex: [String: Int] = [:]
    /// What describes each survey answer (its row and its survey, never an interview's header).
    var answerAttributes = SurveyAnswerAttributes()
    /// Segments each coder marked as read, coded or not (`coda tag --none`, `coda code`): coder → document → numbers.
    public internal(set) var reviewMarks: [CoderID: [DocumentID: Set<Int>]] = [:]

    public static let transcriptsFolder = "Transcripts"
    public static let codebooksFolder = "Codebooks"

    /// The coders who made codings, sorted.
    public internal(set) var coders: [String] = []
    /// With several coders, the one with the most codings: displays use theirs unless told otherwise.
    public internal(set) var mainCoder: String?

    public func transcript(_ id: String) -> Transcript? {
        transcripts.first { $0.id == id } ?? transcripts.first { $0.id.lowercased() == id.lowercased() }
    }

    public func survey(_ id: String) -> Survey? {
        surveys.first { $0.id.lowercased() == id.lowercased() }
    }
}

/// Problems finding or opening a project.
public enum ProjectError: CodaError {
    case notFound(start: String)
    case notAFolder(path: String)
    case unknownDocument(id: String, suggestions: [String], unreadableCount: Int)
    case unreadableDocument(id: String, problem: Diagnostic)
    case segmentOutOfRange(document: String, number: Int, count: Int)
    case unknownSurvey(id: String, available: [String])
    case unknownQuestion(survey: String, reference: String, suggestions: [String])
    case ambiguousQuestion(reference: String, candidates: [String])
    case exists(path: String)
    case unknownAttribute(name: String, suggestions: [String])
    case unknownCase(id: String, suggestions: [String])
    case unknownCoder(name: String, coders: [String])
    case unknownAttributeValue(name: String, value: String, known: [String])
    case unreadableSurvey(path: String, problem: Diagnostic?)

    public var diagnostic: Diagnostic {
        switch self {
        case .notFound(let start):
            return Diagnostic(.error, at: nil, "no Coda project here: neither \(start) nor a folder above it holds Transcripts/ or Codebooks/",
                              hint: "run inside a project, pass `--project DIR`, or make one with `coda init DIR`")
        case .notAFolder(let path):
            return Diagnostic(.error, at: nil, "`\(path)` is not a folder", hint: "pass the project folder to `--project`")
        case let .unreadableDocument(id, problem):
            return Diagnostic(.error, at: problem.location, "document `\(id)` could not be read: \(problem.message)", hint: problem.hint)
        case let .unknownDocument(id, suggestions, unreadableCount):
            var hint = suggestions.isEmpty ? "`coda transcripts` lists the documents"
                : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            if unreadableCount > 0 {
                hint += "; \(unreadableCount) file\(unreadableCount == 1 ? "" : "s") in Transcripts/ could not be read (see `coda status`)"
            }
            return Diagnostic(.error, at: nil, "there is no document `\(id)`", hint: hint)
        case let .segmentOutOfRange(document, number, count):
            return Diagnostic(.error, at: nil, "`\(document)` has \(count) segment\(count == 1 ? "" : "s"); there is no segment \(number)",
                              hint: count == 0 ? "the document has no text" : "segments are numbered 1 to \(count); `coda show \(document)` lists them")
        case let .unknownSurvey(id, available):
            let hint = available.isEmpty ? "put survey CSV files in Transcripts/" : "surveys: " + available.joined(separator: ", ")
            return Diagnostic(.error, at: nil, "there is no survey `\(id)`", hint: hint)
        case let .unknownQuestion(survey, reference, suggestions):
            let hint = suggestions.isEmpty ? "`coda survey` lists the questions with their keys"
                : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            return Diagnostic(.error, at: nil, "survey `\(survey)` has no question `\(reference)`", hint: hint)
        case let .ambiguousQuestion(reference, candidates):
            return Diagnostic(.error, at: nil, "several surveys have a question `\(reference)`",
                              hint: "name the survey: " + candidates.map { "`\($0)`" }.joined(separator: " or "))
        case let .unknownAttribute(name, suggestions):
            let hint = suggestions.isEmpty ? "`coda status` lists the attributes"
                : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            return Diagnostic(.error, at: nil, "no case has the attribute `\(name)`", hint: hint)
        case let .unknownCase(id, suggestions):
            let hint = suggestions.isEmpty ? "`coda status` counts the cases; transcript headers name them with `case:`"
                : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            return Diagnostic(.error, at: nil, "there is no case `\(id)`", hint: hint)
        case let .unknownCoder(name, coders):
            let close = EditDistance.suggestion(for: name, in: coders)
            return Diagnostic(.error, at: nil, "no codings by a coder `\(name)`",
                              hint: (close.map { $0 + " " } ?? "") + (coders.isEmpty ? "nobody has coded yet" : "coders: " + coders.joined(separator: ", ") + ", or `all`"))
        case let .unknownAttributeValue(name, value, known):
            let close = EditDistance.suggestion(for: value, in: known)
            let listed = known.count <= 12 ? known.joined(separator: ", ") : known.prefix(12).joined(separator: ", ") + ", …"
            return Diagnostic(.error, at: nil, "no case has \(name) = `\(value)`",
                              hint: (close.map { $0 + " " } ?? "") + "values of \(name): " + listed)
        case let .unreadableSurvey(path, problem):
            return Diagnostic(.error, at: problem?.location ?? SourceLocation(file: path),
                              "the survey in \(path) could not be read" + (problem.map { ": \($0.message)" } ?? ""),
                              hint: problem?.hint ?? "`coda check` shows what is wrong")
        case .exists(let path):
            return Diagnostic(.error, at: nil, "`\(path)` already holds a Coda project", hint: "choose an empty or new folder")
        }
    }
}
