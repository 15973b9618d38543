/// The entries of a key: the researcher's key and list first (their pseudonyms are kept), then what Coda
/// finds, each variant of one person merged into one entry, with new pseudonyms that occur nowhere in the
/// project (`P01`, `P02`, …; `[email 1]`, `[phone 1]`).
struct KeyProposal {
    let texts: [(path: String, text: String)]
    private(set) var entries: [PseudonymEntry] = []
    /// Folded words seen starting with a lower-case letter: a name among them is also a common word.
    let lowerCaseWords: Set<String>
    private let allWords: Set<String>

    init(texts: [(path: String, text: String)]) {
        self.texts = texts
        var lower = Set<String>()
        var all = Set<String>()
        for (_, text) in texts {
            let scalars = Array(text.unicodeScalars)
            for token in NameToken.tokens(scalars) {
                all.insert(token.folded)
                if token.startsLower && !KeyProposal.isInAddress(token, scalars) { lower.insert(token.folded) }
            }
        }
        lowerCaseWords = lower
        allWords = all
    }

    /// Identifiers Coda finds that a given key leaves out (it may have been edited on purpose).
    private(set) var notInKey: [PseudonymEntry] = []

    /// A word of an email address or web address (`jose` in `jose.nguyen@example.org`) is not a common word.
    static func isInAddress(_ token: NameToken, _ scalars: [Unicode.Scalar]) -> Bool {
        let before = token.range.lowerBound > 0 ? scalars[token.range.lowerBound - 1] : " "
        let after = token.range.upperBound < scalars.count ? scalars[token.range.upperBound] : " "
        let next = token.range.upperBound + 1 < scalars.count ? scalars[token.range.upperBound + 1] : " "
        return "@./_".unicodeScalars.contains(before) || after == "@" || after == "_"
            || (after == "." && NameFolding.isWordScalar(next))
    }

    /// With a key, its entries and the researcher's list are used as they are, so a line deleted from the key
    /// stays deleted; what Coda finds besides is only reported. Without one, everything found is proposed.
    mutating func collect(project: Project, names: [(real: String, pseudonym: String?)], key: PseudonymKey?) {
        for entry in key?.entries ?? [] { merge(entry.real, entry.kind, pseudonym: entry.pseudonym) }
        // Without a key, names given with a pseudonym come after the proposal, so `Nurhayati = P03` joins the
        // person a dry run showed as `P03` and the other pseudonyms stay as that run showed them.
        let later = key == nil ? names.filter { !($0.pseudonym ?? "").isEmpty } : []
        let mergeName = { (proposal: inout KeyProposal, name: (real: String, pseudonym: String?)) in
            let kind: PseudonymEntry.Kind = name.real.contains("@") ? .email
                : name.real.filter(\.isNumber).count >= 7 ? .phone : .person
            proposal.merge(name.real, kind, pseudonym: name.pseudonym)
        }
        for name in names where key != nil || (name.pseudonym ?? "").isEmpty { mergeName(&self, name) }
        var finder = IdentifierFinder()
        finder.scan(project)
        for (_, text) in texts { finder.scanContacts(text) }
        if key != nil {
            // The key stays as it is; what it leaves out is worked out on a copy.
            var scratch = self
            for (real, kind) in finder.found { scratch.merge(real, kind, pseudonym: nil) }
            notInKey = Array(scratch.entries[entries.count...])
        } else {
            for (real, kind) in finder.found { merge(real, kind, pseudonym: nil) }
            proposePseudonyms()
        }
        for name in later { mergeName(&self, name) }
        proposePseudonyms()
    }

    /// `P01`, `P02`, … (as many digits as the count needs), `[email 1]`, `[phone 1]` for entries without one,
    /// skipping any that already occur in the project.
    private mutating func proposePseudonyms() {
        var counters: [PseudonymEntry.Kind: Int] = [:]
        let width = max(2, String(entries.filter { $0.kind == .person }.count).count)
        for index in entries.indices where entries[index].pseudonym.isEmpty {
            let kind = entries[index].kind
            var candidate: String
            repeat {
                counters[kind, default: 0] += 1
                let n = counters[kind] ?? 1
                switch kind {
                case .person:
                    candidate = "P" + String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
                case .email: candidate = "[email \(n)]"
                case .phone: candidate = "[phone \(n)]"
                }
            } while isTaken(candidate)
            entries[index].pseudonym = candidate
        }
    }

    private func isTaken(_ pseudonym: String) -> Bool {
        entries.contains { $0.pseudonym == pseudonym } || occurs(pseudonym) != nil
    }

    /// The first file holding `pseudonym` as whole words, ignoring case.
    func occurs(_ pseudonym: String) -> String? {
        let words = NameToken.tokens(Array(pseudonym.unicodeScalars)).map(\.folded)
        guard !words.isEmpty, words.allSatisfy(allWords.contains) else { return nil }
        let probe = PseudonymMatcher([PseudonymEntry(real: pseudonym, pseudonym: pseudonym, kind: .person)])
        return texts.first { file in
            file.text.contains(pseudonym) || !probe.matches(in: Array(file.text.unicodeScalars)).isEmpty
        }?.path
    }

    /// Adds an identifier, or folds it into the entry of the same person: same words once titles are
    /// dropped, or one word of a longer name (`Jose` joins `José Nguyễn`, which keeps the longer spelling).
    private mutating func merge(_ real: String, _ kind: PseudonymEntry.Kind, pseudonym: String?) {
        let new = PseudonymEntry(real: real, pseudonym: pseudonym ?? "", kind: kind)
        guard kind == .person else {
            if !entries.contains(where: { $0.kind == kind && NameFolding.fold($0.real) == NameFolding.fold(real) }) {
                entries.append(new)
            }
            return
        }
        let parts = new.nameParts
        let people = entries.indices.filter { entries[$0].kind == .person }
        if let pseudonym, !pseudonym.isEmpty {
            if let same = people.first(where: { entries[$0].nameParts == parts }) {
                entries[same].pseudonym = pseudonym
                return
            }
            // Another spelling of a person already in the key (`Nurhayati` of `Bu Nur`): its own entry.
            if people.contains(where: { entries[$0].pseudonym == pseudonym }) {
                entries.append(new)
                return
            }
        }
        if people.contains(where: { entries[$0].nameParts == parts }) { return }
        if parts.count == 1 {
            let holders = people.filter { entries[$0].nameParts.contains(parts[0]) }
            if holders.count == 1 { return }
        }
        for index in people where entries[index].nameParts.count == 1 && parts.contains(entries[index].nameParts[0]) {
            let word = entries[index].nameParts[0]
            if people.filter({ entries[$0].nameParts.contains(word) }).count == 1 {
                entries[index].real = real
                if let pseudonym, !pseudonym.isEmpty { entries[index].pseudonym = pseudonym }
                return
            }
        }
        entries.append(new)
    }

    /// Pseudonyms that would break a file, be shared, or already stand in the text.
    func validate(_ entries: [PseudonymEntry]) throws(PseudonymError) {
        var owners: [String: [String]] = [:]
        for entry in entries {
            if entry.pseudonym.unicodeScalars.contains(where: { "\t\n\r,;:\"".unicodeScalars.contains($0) }) {
                throw .badPseudonym(real: entry.real, pseudonym: entry.pseudonym)
            }
            // A person's pseudonym may stand where the name was a speaker label (`P01: …`).
            if entry.kind == .person, !SpeakerLabel.isPlausibleName(entry.pseudonym) {
                throw .badPseudonym(real: entry.real, pseudonym: entry.pseudonym)
            }
            owners[entry.pseudonym, default: []].append(entry.real)
        }
        // Several spellings of one person (`Bu Nur`, `Nurhayati = P03`) may share a pseudonym; nothing else may.
        let shared = owners.filter { pseudonym, reals in
            reals.count > 1 && entries.contains { $0.pseudonym == pseudonym && $0.kind != .person }
        }
        if let (pseudonym, reals) = shared.min(by: { $0.key < $1.key }) {
            throw .duplicatePseudonym(pseudonym: pseudonym, reals: reals)
        }
        for entry in entries {
            if let path = occurs(entry.pseudonym) { throw .pseudonymInText(pseudonym: entry.pseudonym, place: path) }
        }
    }
}
