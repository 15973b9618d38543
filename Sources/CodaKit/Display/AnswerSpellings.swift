/// Closed answers that differ only in case or in spaces around them (`Tidak`, `tidak`, ` Tidak `) are one
/// answer: counted together and shown in their most common spelling, so a table and a sentence that
/// quotes it never disagree. Which spellings were merged is kept, for a note under the table.
struct AnswerSpellings {
    /// Folded answer → the spelling shown.
    private var shown: [String: String] = [:]
    /// Spellings counted under another one: (spelling, how many respondents wrote it, the spelling shown).
    private(set) var merged: [(spelling: String, count: Int, shownAs: String)] = []

    static func key(_ answer: String) -> String { answer.trimmingWhitespace().lowercased() }

    init(_ answers: [String]) {
        var counts: [String: [String: Int]] = [:]
        for answer in answers where !answer.trimmingWhitespace().isEmpty {
            counts[Self.key(answer), default: [:]][answer.trimmingWhitespace(), default: 0] += 1
        }
        for (key, spellings) in counts {
            let best = spellings.max { $0.value != $1.value ? $0.value < $1.value : naturalOrder($1.key, $0.key) }!.key
            shown[key] = best
            for (spelling, count) in spellings where spelling != best { merged.append((spelling, count, best)) }
        }
        merged.sort { a, b in
            a.shownAs != b.shownAs ? naturalOrder(a.shownAs, b.shownAs) : naturalOrder(a.spelling, b.spelling)
        }
    }

    /// The spelling an answer is counted and shown under; empty for a blank answer.
    func canonical(_ answer: String) -> String { shown[Self.key(answer)] ?? "" }

    /// A note naming the merged spellings, or nil when every answer was written one way.
    var note: String? {
        guard !merged.isEmpty else { return nil }
        let list = merged.map { "“\($0.spelling)” (\($0.count)) as “\($0.shownAs)”" }.joined(separator: ", ")
        return "Answers that differ only in case or surrounding spaces are counted as one, in their most common "
            + "spelling: \(list)."
    }
}
