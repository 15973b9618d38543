/// Folds a multiple-choice question exported as one yes/no column per option (Kobo's `media/video`,
/// LimeSurvey's `Q3[SQ001]`) back into one column whose cells list the chosen options.
enum SurveyOptionColumns {
    /// How folded cells join the chosen options.
    static let joiner = "; "
    static let chosen: Set<String> = ["1", "y", "yes", "ya", "true", "x"]
    static let notChosen: Set<String> = ["", "0", "n", "no", "tidak", "false"]

    /// Folds every group of at least two option columns sharing a base; returns the folded columns' indices.
    /// With `ownColumn`, only options whose question has a column of its own are folded (Kobo's groups are
    /// paths too: `household/age` is not an option of `household`).
    static func fold(
        _ table: inout SurveyTable, ownColumn: Bool = false,
        split: (String) -> (base: String, option: String)?
    ) -> [Int] {
        var groups: [String: [(index: Int, option: String)]] = [:]
        var order: [String] = []
        for (index, header) in table.header.enumerated() {
            guard let (base, option) = split(header), isYesNo(table.values(index)) else { continue }
            if groups[base] == nil { order.append(base) }
            groups[base, default: []].append((index, option))
        }
        var replaced: [Int: [(index: Int, option: String)]] = [:]
        var dropped = Set<Int>()
        for base in order {
            guard let members = groups[base], members.count >= 2 else { continue }
            if ownColumn && !table.header.contains(base) { continue }
            // Kobo keeps the question's own column before its options; LimeSurvey has none, so the first
            // option column takes the question's place.
            if let own = table.header.firstIndex(of: base) {
                replaced[own] = members
                dropped.formUnion(members.map(\.index))
            } else {
                replaced[members[0].index] = members
                dropped.formUnion(members.dropFirst().map(\.index))
                table.header[members[0].index] = base
                table.keys[members[0].index] = nil
            }
        }
        guard !replaced.isEmpty else { return [] }
        let kept = table.header.indices.filter { !dropped.contains($0) }
        for r in table.records.indices {
            let fields = table.records[r].fields
            table.records[r].fields = kept.map { index in
                guard let members = replaced[index] else { return fields[index] }
                let picked = members.filter { chosen.contains(fields[$0.index].lowercased().trimmingWhitespace()) }
                return picked.map(\.option).joined(separator: joiner)
            }
        }
        table.header = kept.map { table.header[$0] }
        table.keys = kept.map { table.keys[$0] }
        return kept.indices.filter { replaced[kept[$0]] != nil }
    }

    static func isYesNo(_ values: [String]) -> Bool {
        let folded = values.map { $0.lowercased().trimmingWhitespace() }
        return folded.allSatisfy { chosen.contains($0) || notChosen.contains($0) }
            && folded.contains { chosen.contains($0) }
    }
}
