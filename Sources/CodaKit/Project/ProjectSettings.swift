import Foundation

/// The project's settings file, `Project.md` at the project root: `Field: value` lines a researcher can read
/// and edit by hand, such as the title the appendix carries and the main coder whose codings displays count.
/// Lines Coda does not know are kept as written and reported, so a hand edit is never lost.
public struct ProjectSettings: Sendable, Equatable {
    /// A setting Coda reads, with the name `coda config` takes and the field name written in the file.
    public enum Key: String, CaseIterable, Sendable {
        case title
        case mainCoder = "main-coder"

        /// The field as written in `Project.md`.
        public var field: String {
            switch self {
            case .title: return "Title"
            case .mainCoder: return "Main coder"
            }
        }

        /// What the setting is for, for help and `coda config` listings.
        public var summary: String {
            switch self {
            case .title: return "the study's title, used by the appendix and the review pack"
            case .mainCoder: return "whose codings matrices, drafts and the appendix count when several people code"
            }
        }

        /// The key a field or a `coda config` argument names: case, spaces, `-` and `_` do not matter.
        public init?(name: String) {
            let folded = ProjectSettings.fold(name)
            guard let key = Key.folded.first(where: { $0.folded == folded })?.key else { return nil }
            self = key
        }

        private static let folded = Key.allCases.map { (folded: ProjectSettings.fold($0.field), key: $0) }
    }

    public static let fileName = "Project.md"

    /// The file's lines as read, so writing a setting changes only its own line.
    private(set) var lines: [String]
    /// Values by key, from the last line that sets each.
    public private(set) var values: [Key: String] = [:]
    /// Lines that look like settings Coda does not know, or that it cannot read.
    public private(set) var problems: [Diagnostic] = []

    public var title: String? { values[.title] }
    public var mainCoder: String? { values[.mainCoder] }

    public init(text: String = "", path: String = ProjectSettings.fileName) {
        // Split by bytes: a CR before the LF stays part of its line, as written.
        lines = text.isEmpty ? [] : text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            guard let (name, value) = Self.field(in: line) else { continue }
            guard let key = Key(name: name) else {
                let known = Key.allCases.map(\.field)
                let close = EditDistance.suggestion(for: name, in: known)
                problems.append(Diagnostic(.warning, at: SourceLocation(file: path, line: index + 1),
                                           "`\(name)` is not a setting Coda knows",
                                           hint: (close.map { $0 + " " } ?? "") + "settings: " + known.joined(separator: ", ")))
                continue
            }
            values[key] = value.isEmpty ? nil : value
        }
    }

    /// The settings with one value set (or removed, when `value` is nil), changing only that setting's line.
    public func setting(_ key: Key, to value: String?) -> ProjectSettings {
        var newLines = lines
        let written = value.map { "\(key.field): \($0)" }
        let existing = newLines.indices.filter { Self.field(in: newLines[$0]).flatMap { Key(name: $0.name) } == key }
        if let last = existing.last {
            // One pass, however many lines set the key: the last becomes the new line, the others go.
            let earlier = Set(existing.dropLast())
            newLines = newLines.indices.compactMap { index in
                index == last ? written : earlier.contains(index) ? nil : newLines[index]
            }
        } else if let written {
            if newLines.isEmpty { newLines.append(Self.header) }
            newLines.append(written)
        }
        return ProjectSettings(text: newLines.joined(separator: "\n") + "\n")
    }

    /// The file's text.
    public var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    static let header = "# Project settings (`coda config` lists and changes them)"

    /// Reads the settings of the project at `root`; a missing file is empty settings.
    public static func load(root: URL) throws -> ProjectSettings {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return ProjectSettings() }
        let text = try ProjectLoader.text(of: url, path: fileName)
        return ProjectSettings(text: text)
    }

    /// Writes the settings atomically to the project at `root`.
    public func save(root: URL) throws {
        try AtomicFile.write(text, to: root.appendingPathComponent(Self.fileName))
    }

    /// `Name: value` on a line that is not a heading, list item or comment.
    static func field(in line: String) -> (name: String, value: String)? {
        let trimmed = trimmingSpaces(line[...])
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"), !trimmed.hasPrefix(">"),
              let colon = trimmed.firstIndex(of: ":") else { return nil }
        let name = trimmingSpaces(trimmed[..<colon])
        guard !name.isEmpty, name.utf8.count <= 40 || name.count <= 40 else { return nil }
        return (String(name), String(trimmingSpaces(trimmed[trimmed.index(after: colon)...])))
    }

    /// `text` without the spaces and tabs at either end (what `CharacterSet.whitespaces` holds: tab and the
    /// Unicode space separators), in one pass over the scalars.
    static func trimmingSpaces(_ text: Substring) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }

    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" -_".unicodeScalars.contains($0) }.map(Character.init))
    }
}
