/// Makes the speaker names of a source valid Coda speaker labels (`SpeakerLabel.isPlausibleName`), so every
/// written turn reads back with its speaker. Names that differ only in letter case become one speaker (the
/// first spelling wins), as Coda's parser would merge them anyway. Each change is reported once.
struct SpeakerNames {
    private var byRaw: [String: String] = [:]
    private var byFolded: [String: String] = [:]
    private(set) var adjustments: [String] = []

    /// The name to write for `raw`.
    mutating func name(for raw: String) -> String {
        if let known = byRaw[raw] { return known }
        var name = Self.sanitized(raw)
        if let existing = byFolded[name.lowercased()] {
            name = existing
        } else {
            byFolded[name.lowercased()] = name
        }
        if name != raw {
            adjustments.append("speaker `\(raw)` is written as `\(name)`"
                               + (raw.lowercased() == name.lowercased() ? " (the same name in other letter case)" : ""))
        }
        byRaw[raw] = name
        return name
    }

    /// Keeps letters, digits, marks, spaces and `.-'’_`; anything else becomes a space. The result is cut to
    /// `SpeakerLabel`'s limits; a name with no letter left is called `Speaker …`.
    static func sanitized(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let category = scalar.properties.generalCategory
            let keep = scalar.properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark
                || category == .spacingMark || ".-'’_".unicodeScalars.contains(scalar)
            scalars.append(keep ? scalar : " ")
        }
        var words = String(scalars).split(separator: " ").prefix(SpeakerLabel.maxNameWords).map(String.init)
        var name = words.joined(separator: " ")
        while name.unicodeScalars.count > SpeakerLabel.maxNameLength, words.count > 1 {
            words.removeLast()
            name = words.joined(separator: " ")
        }
        if name.unicodeScalars.count > SpeakerLabel.maxNameLength {
            name = String(String.UnicodeScalarView(name.unicodeScalars.prefix(SpeakerLabel.maxNameLength)))
        }
        if !SpeakerLabel.isPlausibleName(name) {
            let digits = raw.unicodeScalars.filter { ("0"..."9").contains($0) }
            name = digits.isEmpty ? "Speaker" : "Speaker " + String(String.UnicodeScalarView(digits.prefix(8)))
        }
        return name
    }
}
