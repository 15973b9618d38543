import Foundation

/// The researcher's own summaries for framework-matrix cells, in `Memos/framework.md`: one section per
/// cell, `## CASE / CODE`, then the summary. Plain text, so it survives re-runs and can be edited by hand.
public struct FrameworkSummaries: Sendable {
    public static let path = "\(MemoStore.folder)/\(MemoStore.frameworkFileName)"
    static let header = "# Framework summaries\n\nOne section per cell of the framework matrix: `## CASE / CODE`, then your summary. Edit freely, or add one with `coda summarize CASE CODE TEXT`.\n"

    /// (case, code path), lower-cased → summary.
    var entries: [String: String] = [:]
    var order: [(caseID: String, code: String, text: String)] = []
    /// The file's own text before the first section, when it is not Coda's standard header.
    var preamble: String?
    /// Sections that could not be read (a heading that is not `CASE / CODE`, a code the codebook lacks): kept as
    /// they stand, so saving another summary never drops them.
    var kept: [String] = []

    static func key(_ caseID: String, _ code: String) -> String { caseID.lowercased() + "\u{1F}" + code.lowercased() }

    public func summary(case caseID: String, code: String) -> String? { entries[FrameworkSummaries.key(caseID, code)] }

    static func load(_ project: Project) -> (FrameworkSummaries, [Diagnostic]) {
        var summaries = FrameworkSummaries()
        var diagnostics: [Diagnostic] = []
        let text: String
        do {
            guard let found = try ProjectLoader.textIfPresent(of: project.root.appendingPathComponent(path), path: path)
            else { return (summaries, []) }
            text = found
        } catch {
            return (summaries, [error.diagnostic])
        }
        let (preamble, sections) = PlainTextSections.split(text)
        if let before = PlainTextSections.content(of: preamble), before != header.trimmingWhitespace() {
            summaries.preamble = before
        }
        for section in sections {
            let place = SourceLocation(file: path, line: section.line)
            guard let slash = section.heading.range(of: " / ") else {
                diagnostics.append(Diagnostic(.warning, at: place, "a summary heading is `## CASE / CODE`; this section is kept as it is"))
                summaries.kept.append(section.raw.trimmingWhitespace())
                continue
            }
            let caseID = section.heading[..<slash.lowerBound].trimmingWhitespace()
            let codeName = section.heading[slash.upperBound...].trimmingWhitespace()
            guard let code = try? project.codebook.resolve(codeName) else {
                diagnostics.append(Diagnostic(.warning, at: place, "no code `\(codeName)` for this summary; it is kept as it is",
                                              hint: "correct the code's name in the heading"))
                summaries.kept.append(section.raw.trimmingWhitespace())
                continue
            }
            summaries.entries[key(caseID, code.path)] = section.text
            summaries.order.append((caseID, code.path, section.text))
        }
        return (summaries, diagnostics)
    }

    /// Writes or replaces one cell's summary; sections that could not be read are written back unchanged.
    static func save(_ text: String, case caseID: String, code: Code, project: Project) throws {
        let url = project.root.appendingPathComponent(path)
        try FileLock.withLock(CodingStore(root: project.root).lockURL) {
            // A file that exists but cannot be read is refused, never written over as if it were empty.
            _ = try ProjectLoader.textIfPresent(of: url, path: path)
            var (summaries, _) = load(project)
            let key = FrameworkSummaries.key(caseID, code.path)
            if summaries.entries[key] != nil {
                summaries.order = summaries.order.map {
                    FrameworkSummaries.key($0.caseID, $0.code) == key ? (caseID, code.path, text) : $0
                }
            } else {
                summaries.order.append((caseID, code.path, text))
            }
            var out = summaries.preamble.map { $0 + "\n" } ?? header
            let sorted = summaries.order.sorted {
                naturalOrder($0.caseID, $1.caseID) || ($0.caseID == $1.caseID && $0.code < $1.code)
            }
            for entry in sorted {
                out += "\n## \(PlainTextSections.oneLine(entry.caseID)) / \(entry.code)\n\n"
                out += PlainTextSections.escape(entry.text.trimmingWhitespace()) + "\n"
            }
            for section in summaries.kept { out += "\n" + section + "\n" }
            try AtomicFile.write(out, to: url)
        }
    }
}

/// The most typical quote of a set: the one whose words overlap most with the others'.
enum TypicalQuote {
    static func pick(_ texts: [String]) -> Int? {
        guard !texts.isEmpty else { return nil }
        if texts.count == 1 { return 0 }
        let sets = texts.map { text -> Set<String> in
            var words = Set<String>()
            KeywordMatcher.forEachWord(in: text) { word, _ in if word.count > 2 { words.insert(word) } }
            return words
        }
        var best = 0
        var bestScore = -1.0
        for i in sets.indices {
            var score = 0.0
            for j in sets.indices where j != i {
                let union = sets[i].union(sets[j]).count
                if union > 0 { score += Double(sets[i].intersection(sets[j]).count) / Double(union) }
            }
            if score > bestScore + 1e-12 { best = i; bestScore = score }
        }
        return best
    }
}
