/// The people in an exported project (coders and memo authors) as REFI-QDA `<User>`s with GUIDs from their names.
struct RefiUsers {
    let names: [String]
    let identities: RefiIdentities

    init(names: [String], identities: RefiIdentities = RefiIdentities()) {
        self.identities = identities
        var seen = Set<String>()
        var unique: [String] = []
        for name in names.filter({ !$0.isEmpty }).sorted(by: naturalOrder) where seen.insert(name.lowercased()).inserted { unique.append(name) }
        self.names = unique
    }

    /// The user's GUID from an import, else one derived from the name.
    func guid(_ name: String) -> String { identities.guid(.user, name) ?? RefiIdentities.derivedGUID(.user, name) }

    func node() -> RefiXMLNode? {
        guard !names.isEmpty else { return nil }
        return RefiXMLNode("Users", children: names.map { RefiXMLNode("User", [("guid", guid($0)), ("name", $0)]) })
    }
}
