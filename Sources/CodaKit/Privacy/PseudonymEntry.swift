/// One identifier of a participant and the pseudonym that replaces it: a person's name (with all its
/// variants), an email address or a phone number.
struct PseudonymEntry: Sendable, Hashable {
    enum Kind: String, Sendable, CaseIterable {
        case person, email, phone
    }

    var real: String
    var pseudonym: String
    var kind: Kind

    /// Titles that go before a name and are not part of it (`Pak Hasan` is also just `Hasan`).
    static let honorifics: Set<String> = [
        "pak", "bu", "ibu", "bapak", "mas", "mbak", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam",
        "sr", "sra", "don", "dona", "herr", "frau",
    ]

    /// Speaker labels that name a role, not a person.
    static let roleWords: Set<String> = [
        "interviewer", "researcher", "moderator", "facilitator", "participant", "respondent", "interviewee",
        "speaker", "unknown", "host", "guest", "all", "everyone", "both", "several", "group", "note", "notes",
        "translator", "interpreter", "assistant", "observer", "q", "a", "i", "r", "p",
    ]

    /// The words a person's name is written with, each a folded word sequence: the whole name, and each
    /// part of it that is not a title (`José Nguyễn` → `jose nguyen`, `jose`, `nguyen`).
    var variants: [[String]] {
        switch kind {
        case .email, .phone:
            return []
        case .person:
            let words = NameToken.tokens(Array(real.unicodeScalars)).map(\.folded)
            guard !words.isEmpty else { return [] }
            var result = [words]
            let parts = words.filter { !PseudonymEntry.honorifics.contains($0) }
            if parts.count < words.count, !parts.isEmpty { result.append(parts) }
            if parts.count > 1 {
                for part in parts where part.count >= 2 && !result.contains([part]) { result.append([part]) }
            }
            return result
        }
    }

    /// The words of a person's name without titles (all of them when there is nothing but titles).
    var nameParts: [String] {
        let words = NameToken.tokens(Array(real.unicodeScalars)).map(\.folded)
        let parts = words.filter { !PseudonymEntry.honorifics.contains($0) }
        return parts.isEmpty ? words : parts
    }

    /// Whether a label or header value names a role (`Interviewer`, `Speaker 2`) rather than a person.
    static func isRole(_ name: String) -> Bool {
        let words = NameToken.tokens(Array(name.unicodeScalars)).map(\.folded)
        if words.isEmpty { return true }
        return words.allSatisfy { word in
            roleWords.contains(word) || honorifics.contains(word)
                || word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        }
    }
}
