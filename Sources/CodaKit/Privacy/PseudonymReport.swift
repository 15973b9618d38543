/// What `coda pseudonymise` tells the researcher: names shortened to initials unless the key is asked for,
/// every replacement with its place on a dry run, and what Coda is unsure about.
struct PseudonymReport {
    var outcome: Pseudonymiser.Outcome
    var keyPath: String

    /// `José Nguyễn` → `J… N…`: enough to recognise an entry without showing the name.
    static func masked(_ entry: PseudonymEntry) -> String {
        switch entry.kind {
        case .person:
            let words = entry.real.split(separator: " ")
            return words.map { word in word.first.map { "\($0)…" } ?? "" }.joined(separator: " ")
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
            for b in people where a != b && a.pseudonym != b.pseudonym {
                let short = a.nameParts
                let long = b.nameParts
                guard let word = short.first(where: { s in long.contains { $0 != s && $0.hasPrefix(s) } }),
                      let longer = long.first(where: { $0 != word && $0.hasPrefix(word) }) else { continue }
                notes.append("`\(word)` (\(a.pseudonym)) is the start of `\(longer)` (\(b.pseudonym)): "
                                 + "only whole words are replaced, so `\(longer)` is never read as `\(word)`")
            }
        }
        return notes
    }

    func print(to console: Console, dryRun: Bool, applied: Bool, showKey: Bool) {
        if outcome.finishedEarlierRun {
            let n = outcome.filesChanged
            console.line("finished the interrupted pseudonymisation recorded in \(keyPath): "
                             + "\(n) more file\(plural(n)) rewritten")
            return
        }
        guard let plan = outcome.plan else { return }
        if dryRun {
            for replacement in plan.replacements {
                console.line("\(replacement.place)  \(replacement.found) → \(replacement.pseudonym)")
            }
        }
        console.line(summary(plan, applied: applied))
        for entry in outcome.key.entries {
            let shown = showKey ? entry.real : PseudonymReport.masked(entry)
            console.line("  \(entry.pseudonym) ← \(shown) (\(entry.kind.rawValue))")
        }
        for note in notes(plan, showKey: showKey, dryRun: dryRun) { console.line(note) }
        if applied {
            console.line("key: \(keyPath) (keep it private; "
                             + "`coda pseudonymise --reverse --key \(keyPath)` restores the names)")
        } else if dryRun {
            console.line("nothing was written; `coda pseudonymise --key \(keyPath) --apply` applies this")
        } else {
            console.line("proposed pseudonyms written to \(keyPath); change any there, "
                             + "look at every place with `--dry-run`, then `--apply`")
        }
    }

    private func summary(_ plan: PseudonymPlan, applied: Bool) -> String {
        let entries = outcome.key.entries
        if entries.isEmpty {
            return "no names, email addresses or phone numbers found (speaker labels such as `Interviewer` or "
                + "`Participant` are roles); add the names Coda cannot know with `--names FILE`"
        }
        let counts = PseudonymEntry.Kind.allCases.compactMap { kind -> String? in
            let n = entries.filter { $0.kind == kind }.count
            let noun = kind == .person ? "name" : kind == .email ? "email address" : "phone number"
            return n == 0 ? nil : "\(n) \(noun)\(plural(n))"
        }
        let places = plan.replacements.count, files = plan.patches.count, codings = plan.carried.count
        return "\(entries.count) identifier\(plural(entries.count)) (\(counts.joined(separator: ", "))): "
            + "\(places) place\(plural(places)) \(applied ? "replaced" : "to replace") "
            + "in \(files) file\(plural(files)); "
            + "\(codings) coding\(plural(codings)) carried onto their words"
    }

    private func notes(_ plan: PseudonymPlan, showKey: Bool, dryRun: Bool) -> [String] {
        var lines = PseudonymReport.overlaps(outcome.key.entries).map { "note: " + $0 }
        let missing = outcome.notInKey
        if !missing.isEmpty {
            let listed = missing.map { showKey ? $0.real : PseudonymReport.masked($0) }.joined(separator: ", ")
            lines.append("note: \(missing.count) identifier\(plural(missing.count)) found in the project "
                             + "\(missing.count == 1 ? "is" : "are") not in the key (\(listed)): "
                             + "add a line to the key for each that should be replaced")
        }
        let unsure = plan.unsurePlaces
        if !unsure.isEmpty {
            lines.append("unsure: \(unsure.count) place\(plural(unsure.count)) where a name is also a common word "
                             + "(kept as written unless `--unsure replace`):")
            lines += unsure.map { "  " + $0 }
        }
        let likely = plan.likelyNameParts
        if !likely.isEmpty {
            lines.append("unsure: \(likely.count) word\(plural(likely.count)) that may be part of a name "
                             + "the key leaves out (kept as written):")
            lines += likely.map { "  " + $0.description(showingName: dryRun || showKey) }
        }
        if !plan.protectedPlaces.isEmpty {
            lines.append("warning: a document id, case id or code name holds a name and is not replaced "
                             + "(\(plan.protectedPlaces.joined(separator: ", "))): rename it by hand before you share "
                             + "the project")
        }
        for folder in outcome.generatedFolders {
            lines.append("warning: \(folder)/ was made before pseudonymising and still has the names; "
                             + "make it again (or delete it) before you share the project")
        }
        let originals = outcome.importedOriginals.count
        if originals > 0 {
            lines.append("warning: Sources/ keeps the originals of \(originals) imported file\(plural(originals)), "
                             + "with the names; leave it out of what you share")
        }
        return lines
    }
}
