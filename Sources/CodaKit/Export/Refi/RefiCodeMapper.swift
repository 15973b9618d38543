/// Turns REFI-QDA codes into Coda codes. What Markdown headings cannot hold is renamed, never dropped, and each
/// rename is explained in the outcome and in the code's memo:
/// - a `/` in a name (Coda writes paths `Parent/Child`) becomes `-`;
/// - codes deeper than five levels (`######`) are placed on the fifth level, named `Level5 › Level6 › …`;
/// - a name used twice under one parent (in any case) gets ` (2)`, ` (3)`, …; an empty name becomes `Unnamed code`.
struct RefiCodeMapper {
    private(set) var codes: [Code] = []
    /// Coda code path by REFI code GUID (normalised).
    private(set) var pathByGUID: [String: String] = [:]
    private(set) var adjustments: [String] = []
    /// Note GUIDs referenced from codes, with the Coda path they are about.
    private(set) var codeNotes: [(note: String, path: String)] = []
    private var taken: [String: Set<String>] = [:]
    /// Renamed codes by kind of reason, as `was → now`, for one adjustment line per kind.
    private var renamed: [Reason: [String]] = [:]
    let file: String

    enum Reason: Int, CaseIterable {
        case unnamed, slash, depth, duplicate

        var summary: String {
            switch self {
            case .unnamed: return "had no name and became `Unnamed code`"
            case .slash: return "had a `/` in the name, which Coda uses between a code and its child; it became `-`"
            case .depth: return "were nested deeper than the 5 levels a Markdown codebook holds; they sit on the fifth level, named with their path (`a › b`)"
            case .duplicate: return "had the name of another code under the same parent and got a number"
            }
        }
    }

    init(nodes: [RefiCodeNode], file: String) {
        self.file = file
        for node in nodes { add(node, parentNames: [], originalPath: []) }
        for reason in Reason.allCases {
            guard let list = renamed[reason], !list.isEmpty else { continue }
            let examples = list.prefix(3).joined(separator: "; ") + (list.count > 3 ? "; …" : "")
            adjustments.append("\(list.count) code\(plural(list.count)) \(reason.summary) (each code's memo says so): \(examples)")
        }
    }

    private mutating func add(_ node: RefiCodeNode, parentNames: [String], originalPath: [String]) {
        let original = node.name.trimmingWhitespace()
        let originalPath = originalPath + [original]
        var reasons: [String] = []
        var kinds: [Reason] = []
        var name = original.collapsingWhitespace()
        if name.isEmpty {
            name = "Unnamed code"
            reasons.append("it had no name")
            kinds.append(.unnamed)
        }
        if name.contains("/") {
            name = name.replacingOccurrences(of: "/", with: "-")
            reasons.append("Coda uses `/` between a code and its child, so `/` became `-`")
            kinds.append(.slash)
        }
        var parent = parentNames
        if parent.count >= CodebookWriter.maxDepth {
            name = parent[(CodebookWriter.maxDepth - 1)...].joined(separator: " › ") + " › " + name
            parent = Array(parent.prefix(CodebookWriter.maxDepth - 1))
            reasons.append("it was nested \(originalPath.count) levels deep and a Markdown codebook holds \(CodebookWriter.maxDepth)")
            kinds.append(.depth)
        }
        let parentKey = parent.joined(separator: "/").lowercased()
        let base = name
        var counter = 1
        while taken[parentKey, default: []].contains(name.lowercased()) {
            counter += 1
            name = "\(base) (\(counter))"
        }
        if counter > 1 {
            reasons.append("another code under the same parent already had the name `\(base)`")
            kinds.append(.duplicate)
        }
        taken[parentKey, default: []].insert(name.lowercased())

        let pathComponents = parent + [name]
        var code = Code(name: name, pathComponents: pathComponents, location: SourceLocation(file: file))
        code.color = node.color
        RefiCodeDescription.apply(node.description, to: &code)
        if !reasons.isEmpty {
            let was = originalPath.joined(separator: " → ")
            for kind in kinds { renamed[kind, default: []].append("`\(was)` → `\(code.path)`") }
            let note = "Imported from REFI-QDA as `\(was)`; renamed because " + reasons.joined(separator: "; ") + "."
            code.memo = code.memo.isEmpty ? note : code.memo + "\n\n" + note
        }
        codes.append(code)
        if pathByGUID[node.guid] == nil { pathByGUID[node.guid] = code.path }
        for note in node.noteRefs { codeNotes.append((note, code.path)) }
        // Children of a code on the last level are folded into names beside it (see above).
        for child in node.children { add(child, parentNames: pathComponents, originalPath: originalPath) }
    }

    /// Points the codes' `Survey: old:…` links (the survey named in any letter case, as Coda resolves it) at the
    /// survey's new id, keeping the question and answer as written. Returns how many links changed.
    mutating func relinkSurvey(_ old: String, to new: String) -> Int {
        var count = 0
        for index in codes.indices {
            // With a survey named, the first `:` of the line ends its name (a name cannot hold one).
            guard let text = codes[index].survey, SurveyLink(text)?.survey?.lowercased() == old.lowercased(),
                  let colon = text.firstIndex(of: ":") else { continue }
            codes[index].survey = new + text[colon...]
            count += 1
        }
        return count
    }
}
