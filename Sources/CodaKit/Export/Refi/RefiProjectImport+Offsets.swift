extension RefiProjectImport {
    /// The unit each source's selection positions count in, decided from all the evidence and never silently:
    /// `--offsets` when given; else the source's own selections when they decide (`RefiOffsetDetector`); else
    /// the unit the project's other sources were found to use; else the writing tool's known unit. When nothing
    /// decides, the import says it is unsure, so the researcher can check and choose with `--offsets`.
    mutating func offsetUnits(
        _ sources: [(source: RefiTextSource, label: String, text: RefiSourceText)]
    ) -> [RefiSourceText.Unit] {
        let choices = sources.map { RefiOffsetDetector.choose(for: $0.source.selections, in: $0.text) }
        if let asked = options.offsets.flatMap(RefiSourceText.Unit.init(option:)) {
            let affected = Swift.zip(sources, choices).filter { $1.mattered }.map(\.0.label)
            if !affected.isEmpty {
                note("selection positions read as \(asked.rawValue), as `--offsets` asks, in " + Self.list(affected))
            }
            return sources.map { _ in asked }
        }
        var votes: [RefiSourceText.Unit: Int] = [:]
        for choice in choices where choice.mattered && choice.confident { votes[choice.unit, default: 0] += 1 }
        let weight = { (vote: (key: RefiSourceText.Unit, value: Int)) in (vote.value, vote.key == .codePoints ? 1 : 0) }
        let project = votes.sorted { weight($0) > weight($1) }.first
        let tool = RefiOffsetDetector.toolUnit(origin: model.origin)
        var units: [RefiSourceText.Unit] = []
        for ((_, label, _), choice) in Swift.zip(sources, choices) {
            guard choice.mattered else { units.append(.codePoints); continue }
            if choice.confident {
                if choice.unit != .codePoints {
                    note("source `\(label)`: selection positions read as \(choice.unit.rawValue), not code points"
                         + (choice.namedSelections == 0 ? "" : " (then \(choice.matchingNames) of "
                            + "\(choice.namedSelections) selections match the text their name gives)"))
                }
                units.append(choice.unit)
            } else if let project {
                note("source `\(label)`: its selections do not tell how positions are counted; read as "
                     + "\(project.key.rawValue), like "
                     + "\(project.value) other source\(plural(project.value)) of the project")
                units.append(project.key)
            } else if let tool {
                note("source `\(label)`: its selections do not tell how positions are counted; read as "
                     + "\(tool.rawValue), as `\(model.origin)` counts them")
                units.append(tool)
            } else {
                leave("source `\(label)`: unsure whether selection positions count "
                      + "\(RefiSourceText.Unit.codePoints.rawValue) (read so, as the standard says) or another unit: "
                      + "its selections fit both; check its codings, or import again with `--offsets utf16` or "
                      + "`--offsets codepoints`")
                units.append(.codePoints)
            }
        }
        return units
    }

    private static func list(_ labels: [String]) -> String {
        labels.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
            + (labels.count > 5 ? " and \(labels.count - 5) more" : "")
    }
}

extension RefiSourceText.Unit {
    /// The `--offsets` values: `codepoints`, `utf16`, `utf8`.
    static let optionNames: [String: RefiSourceText.Unit] = ["codepoints": .codePoints, "utf16": .utf16, "utf8": .utf8]

    init?(option: String) {
        guard let unit = Self.optionNames[option.lowercased()] else { return nil }
        self = unit
    }
}
