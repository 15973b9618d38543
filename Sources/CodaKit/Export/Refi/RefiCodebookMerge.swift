import Foundation

/// Merges imported codes into a project's Markdown codebooks by path (any letter case). A code the project
/// already has is kept as it is, so its codings stay; a field the import gives differently is reported as a
/// conflict. A new code is written into the file of its nearest existing parent, at the end of that parent's
/// codes; a new top-level code goes at the end of the project's first codebook file.
struct RefiCodebookMerge {
    /// Codebook files with their new text, in the order of `Codebook.files`.
    private(set) var edits: [(path: String, text: String)] = []
    private(set) var added: [Code] = []
    private(set) var kept: [Code] = []
    /// One line per code whose imported definition or colour differs from the project's.
    private(set) var conflicts: [String] = []

    init(_ codes: [Code], into codebook: Codebook, root: URL) throws {
        guard let mainFile = codebook.files.first else { return }
        var insertions: [String: [(line: Int, codes: [Code])]] = [:]
        var placed: [String: (file: String, group: Int)] = [:]  // new code path (lower case) → its group
        for code in codes {
            if let existing = codebook.code(path: code.path) {
                kept.append(existing)
                conflicts += Self.differences(code, existing)
                continue
            }
            added.append(code)
            if let parent = code.parentPath?.lowercased(), let spot = placed[parent] {
                insertions[spot.file]?[spot.group].codes.append(code)
                placed[code.path.lowercased()] = spot
                continue
            }
            var file = mainFile
            var line = Int.max
            if let parentPath = code.parentPath, let parent = codebook.code(path: parentPath),
               let parentLine = parent.location.line {
                file = parent.location.file
                line = parentLine
            }
            insertions[file, default: []].append((line, [code]))
            placed[code.path.lowercased()] = (file, insertions[file, default: []].count - 1)
        }
        for file in codebook.files {
            guard let planned = insertions[file] else { continue }
            let url = root.appendingPathComponent(file)
            let text = String(decoding: try AtomicFile.readBytes(url), as: UTF8.self)
            edits.append((file, Self.insert(planned, into: text)))
        }
    }

    /// The imported definition or colour, where it is set and differs from the project's.
    private static func differences(_ imported: Code, _ existing: Code) -> [String] {
        var lines: [String] = []
        let definition = imported.definition.collapsingWhitespace()
        if !definition.isEmpty && definition != existing.definition.collapsingWhitespace() {
            let quoted = definition.truncated(to: 80)
            lines.append("code `\(existing.path)`: the imported definition “\(quoted)” differs from the "
                         + "project's, which was kept (\(existing.location))")
        }
        if let color = imported.color, let own = existing.color, color.lowercased() != own.lowercased() {
            lines.append("code `\(existing.path)`: the imported colour \(color) differs from the project's \(own), "
                         + "which was kept")
        }
        return lines
    }

    /// Inserts each group of codes after the subtree of the heading on its 1-based line (`Int.max`: at the end).
    private static func insert(_ planned: [(line: Int, codes: [Code])], into text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var byTarget: [Int: [Code]] = [:]
        for group in planned {
            let target = group.line == Int.max ? lines.count : subtreeEnd(after: group.line, in: lines)
            byTarget[target, default: []] += group.codes
        }
        for (at, codes) in byTarget.sorted(by: { $0.key > $1.key }) {
            var block = codes.map { CodebookWriter.section($0) }.joined(separator: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if block.last == "" { block.removeLast() }
            if at > 0 && !lines[at - 1].trimmingWhitespace().isEmpty { block.insert("", at: 0) }
            if at < lines.count { block.append("") }
            lines.insert(contentsOf: block, at: at)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 0-based index of the first line after the code whose heading is on 1-based `line` and its children.
    private static func subtreeEnd(after line: Int, in lines: [String]) -> Int {
        guard line >= 1, line <= lines.count,
              let (level, _) = CodebookParser.heading(lines[line - 1].trimmingWhitespace()) else {
            return lines.count
        }
        var inFence = false
        var end = lines.count
        for index in line..<lines.count {
            let trimmed = lines[index].trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let (other, _) = CodebookParser.heading(trimmed), other <= level {
                end = index
                break
            }
        }
        while end > line && lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
        return end
    }
}
