/// What `coda pseudonymise` tells the researcher: names shortened to initials unless the key is asked for,
/// every replacement with its place on a dry run, and what Coda is unsure about.
struct PseudonymReport {
    var outcome: Pseudonymiser.Outcome
    var keyPath: String

    /// `José Nguyễn` → `J… N…`: enough to recognise an entry without showing the name.
    static func masked(_ entry: PseudonymEntry) -> String {
        switch entry.kind {
        case .person:
            return entry.real.split(separator: " ").map { word in word.first.map { "\($0)…" } ?? "" }.joined(separator: " ")
        case .email:
            return "\(entry.real.first.map(String.init) ?? "")…@…"
        case .phone:
            return "…" + String(entry.real.suffix(2))
        }
    }

    /// Names of which one is the start of a word of the other (`Ana`, `Anastasia`): only whole words are replaced.
    static func overlaps(_ entries: [PseudonymEntry]) -> [String] {
        let people = entries.filter { $0.kind == .person }
        var notes: [String] = []
        for a in people {
            for b in people where a != b {
                let short = a.nameParts
                let long = b.nameParts
                guard let word = short.first(where: { s in long.contains { $0 != s && $0.hasPrefix(s) } }),
                      let longer = long.first(where: { $0 != word && $0.hasPrefix(word) }) else { continue }
                notes.append("`\(word)` (\(a.pseudonym)) is the start of `\(longer)` (\(b.pseudonym)): only whole words "
                             + "are replaced, so `\(longer)` is never read as `\(word)`")
            }
        }
        return notes
    }

    func print(to console: Console, dryRun: Bool, applied: Bool, showKey: Bool) {
        let key = outcome.key
        if outcome.finishedEarlierRun {
            console.line("finished the interrupted pseudonymisation recorded in \(keyPath): \(outcome.filesChanged) more "
                         + "file\(plural(outcome.filesChanged)) rewritten")
            return
        }
        guard let plan = outcome.plan else { return }
        if dryRun {
            for replacement in plan.replacements {
                console.line("\(replacement.place)  \(replacement.found) → \(replacement.pseudonym)")
            }
        }
        let counts = PseudonymEntry.Kind.allCases.compactMap { kind -> String? in
            let n = key.entries.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(kind == .person ? "name" : kind == .email ? "email address" : "phone number")\(plural(n))"
        }
        let verb = applied ? "replaced" : "to replace"
        console.line("\(key.entries.count) identifier\(plural(key.entries.count)) (\(counts.joined(separator: ", "))): "
                     + "\(plan.replacements.count) place\(plural(plan.replacements.count)) \(verb) in \(plan.patches.count) "
                     + "file\(plural(plan.patches.count)); \(plan.carried.count) coding\(plural(plan.carried.count)) carried onto their words")
        for entry in key.entries {
            console.line("  \(entry.pseudonym) ← \(showKey ? entry.real : PseudonymReport.masked(entry)) (\(entry.kind.rawValue))")
        }
        for note in PseudonymReport.overlaps(key.entries) { console.line("note: " + note) }
        if !outcome.notInKey.isEmpty {
            let listed = outcome.notInKey.map { showKey ? $0.real : PseudonymReport.masked($0) }.joined(separator: ", ")
            console.line("note: \(outcome.notInKey.count) identifier\(plural(outcome.notInKey.count)) found in the project "
                         + "\(outcome.notInKey.count == 1 ? "is" : "are") not in the key (\(listed)): add a line to the key for "
                         + "each that should be replaced")
        }
        if !plan.unsurePlaces.isEmpty {
            console.line("unsure: \(plan.unsurePlaces.count) place\(plural(plan.unsurePlaces.count)) where a name is also a common word "
                         + "(kept as written unless `--unsure replace`):")
            for place in plan.unsurePlaces { console.line("  " + place) }
        }
        if !outcome.importedOriginals.isEmpty {
            console.line("warning: Sources/ keeps the originals of \(outcome.importedOriginals.count) imported "
                         + "file\(plural(outcome.importedOriginals.count)), with the names; leave it out of what you share")
        }
        if applied {
            console.line("key: \(keyPath) (keep it private; `coda pseudonymise --reverse --key \(keyPath)` restores the names)")
        } else if dryRun {
            console.line("nothing was written; `coda pseudonymise --key \(keyPath) --apply` applies this")
        } else {
            console.line("proposed pseudonyms written to \(keyPath); change any there, look at every place with `--dry-run`, "
                         + "then `--apply`")
        }
    }
}
