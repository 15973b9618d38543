/// Where a pseudonymisation leaves a word that is probably part of a name (see `LikelyNamePart`), and
/// how to add it to the key.
struct LikelyNamePlace: Sendable, Equatable {
    var place: String
    var word: String
    /// The name it starts like or stands beside, as written.
    var name: String
    var pseudonym: String
    /// Whether the word stands before the name (`Muhammad Hasan`) rather than after it.
    var before: Bool
    var reason: LikelyNamePart.Reason

    /// The place, the word and the line to add; the name beside it only when names may be shown.
    func description(showingName: Bool) -> String {
        let shown = showingName ? name : "…"
        let whole = reason == .startsLikeName ? word : before ? "\(word) \(shown)" : "\(shown) \(word)"
        let which = showingName ? "`\(name)` (→ \(pseudonym))" : "the name of \(pseudonym)"
        let why = reason == .startsLikeName ? "starts like \(which)" : "stands beside \(which)"
        return "\(place): `\(word)` \(why); if it is the same person, "
            + "add `\(whole) = \(pseudonym)` to a `--names FILE` or to the key"
    }
}
