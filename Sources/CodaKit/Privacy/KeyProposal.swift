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
            for token in NameToken.tokens(Array(text.unicodeScalars)) {
                all.insert(token.folded)
                if token.startsLower { lower.insert(token.folded) }
            }
        }
        lowerCaseWords = lower
        allWords = all
    }

    mutating func collect(project: Project, names: [(real: String, pseudonym: String?)], key: PseudonymKey?) {
        var pending: [(real: String, kind: PseudonymEntry.Kind, pseudonym: String?)] = []
        for entry in key?.entries ?? [] { pending.append((entry.real, entry.kind, entry.pseudonym)) }
        for name in names {
            let kind: PseudonymEntry.Kind = name.real.contains("@") ? .email : name.real.filter(\.isNumber).count >= 7 ? .phone : .person
            pending.append((name.real, kind, name.pseudonym))
        }
        var finder = IdentifierFinder()
        finder.scan(project)
        for (_, text) in texts { finder.scanContacts(text) }
        for (real, kind) in finder.found { pending.append((real, kind, nil)) }
        for item in pending { merge(item.real, item.kind, pseudonym: item.pseudonym) }
        var counters: [PseudonymEntry.Kind: Int] = [:]
        let width = max(2, String(entries.filter { $0.kind == .person }.count).count)
        for index in entries.indices where entries[index].pseudonym.isEmpty {
            let kind = entries[index].kind
            var candidate: String
            repeat {
                counters[kind, default: 0] += 1
                let n = counters[kind] ?? 1
                switch kind {
                case .person: candidate = "P" + String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
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
        return texts.first { !probe.matches(in: Array($0.text.unicodeScalars)).isEmpty || $0.text.contains(pseudonym) }?.path
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
            owners[entry.pseudonym, default: []].append(entry.real)
        }
        if let (pseudonym, reals) = owners.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicatePseudonym(pseudonym: pseudonym, reals: reals)
        }
        for entry in entries {
            if let path = occurs(entry.pseudonym) { throw .pseudonymInText(pseudonym: entry.pseudonym, place: path) }
        }
    }
}
