import Foundation

/// The researcher's own summaries for framework-matrix cells, in `Memos/framework.md`: one section per
/// cell, `## CASE / CODE`, then the summary. Plain text, so it survives re-runs and can be edited by hand.
public struct FrameworkSummaries: Sendable {
    public static let path = "\(MemoStore.folder)/\(MemoStore.frameworkFileName)"
    static let header = "# Framework summaries\n\nOne section per cell of the framework matrix: `## CASE / CODE`, then your summary. Edit freely, or add one with `coda summarize CASE CODE TEXT`.\n"

    /// (case, code path), lower-cased → summary.
    var entries: [String: String] = [:]
    var order: [(caseID: String, code: String, text: String)] = []

    static func key(_ caseID: String, _ code: String) -> String { caseID.lowercased() + "\u{1F}" + code.lowercased() }

    public func summary(case caseID: String, code: String) -> String? { entries[FrameworkSummaries.key(caseID, code)] }

    static func load(_ project: Project) -> (FrameworkSummaries, [Diagnostic]) {
        var summaries = FrameworkSummaries()
        var diagnostics: [Diagnostic] = []
        guard let data = FileManager.default.contents(atPath: project.root.appendingPathComponent(path).path) else { return (summaries, []) }
        let text = String(decoding: data, as: UTF8.self)
        var current: (String, String, Int)?
        var body: [String] = []
        func flush() {
            guard let (caseID, codeName, line) = current else { return }
            let summary = body.joined(separator: "\n").trimmingWhitespace()
            body = []
            guard let code = try? project.codebook.resolve(codeName) else {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: line), "no code `\(codeName)` for this summary"))
                return
            }
            summaries.entries[key(caseID, code.path)] = summary
            summaries.order.append((caseID, code.path, summary))
        }
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") {
                flush()
                let heading = line.dropFirst(3)
                if let slash = heading.range(of: " / ") {
                    current = (heading[..<slash.lowerBound].trimmingWhitespace(), heading[slash.upperBound...].trimmingWhitespace(), i + 1)
                } else {
                    current = nil
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: i + 1), "a summary heading is `## CASE / CODE`"))
                }
            } else if current != nil {
                body.append(String(line))
            }
        }
        flush()
        return (summaries, diagnostics)
    }

    /// Writes or replaces one cell's summary.
    static func save(_ text: String, case caseID: String, code: Code, project: Project) throws {
        let url = project.root.appendingPathComponent(path)
        try FileLock.withLock(CodingStore(root: project.root).lockURL) {
            var (summaries, _) = load(project)
            let key = FrameworkSummaries.key(caseID, code.path)
            if summaries.entries[key] != nil {
                summaries.order = summaries.order.map { FrameworkSummaries.key($0.caseID, $0.code) == key ? (caseID, code.path, text) : $0 }
            } else {
                summaries.order.append((caseID, code.path, text))
            }
            var out = header
            for entry in summaries.order.sorted(by: { naturalOrder($0.caseID, $1.caseID) || ($0.caseID == $1.caseID && $0.code < $1.code) }) {
                out += "\n## \(entry.caseID) / \(entry.code)\n\n\(entry.text.trimmingWhitespace())\n"
            }
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
