import Foundation

/// The Markdown codebook files as lines, for changes that touch only the lines they must: a heading's name or
/// level, a code's section cut out or moved, an `Opposes:` list. Everything else stays byte-identical.
struct CodebookText {
    private(set) var lines: [String: [String]] = [:]
    private var original: [String: String] = [:]
    private var finalNewline: [String: Bool] = [:]

    init(project: Project) throws {
        for path in project.codebook.files {
            let text = try ProjectLoader.text(of: project.root.appendingPathComponent(path), path: path)
            original[path] = text
            var split = text.components(separatedBy: "\n")
            finalNewline[path] = split.last == ""
            if split.last == "" { split.removeLast() }
            lines[path] = split
        }
    }

    /// The files whose text changed, with their new text.
    var changedFiles: [(path: String, text: String)] {
        lines.keys.sorted().compactMap { path in
            let text = lines[path, default: []].joined(separator: "\n") + (finalNewline[path] == true ? "\n" : "")
            return text == original[path] ? nil : (path, text)
        }
    }

    /// The lines (0-based, end exclusive) of the code's own section, or of it with every code below it.
    static func range(of code: Code, in codebook: Codebook, subtree: Bool) -> Range<Int> {
        let later = codebook.codes.filter {
            $0.location.file == code.location.file && $0.headingLine > code.headingLine
        }
        let next = subtree ? later.first { $0.depth <= code.depth } : later.first
        return code.headingLine..<(next?.headingLine ?? Int.max)
    }

    private func clamp(_ range: Range<Int>, _ path: String) -> Range<Int> {
        let count = lines[path, default: []].count
        return min(range.lowerBound, count)..<min(range.upperBound, count)
    }

    /// Gives the heading on `line` of `path` a new name, keeping its hashes and line ending.
    mutating func rename(line: Int, in path: String, to name: String) {
        guard let old = lines[path]?[line] else { return }
        let (hashes, ending) = CodebookText.parts(of: old)
        lines[path]?[line] = hashes + " " + name + ending
    }

    /// Removes the lines of `range` from `path` (a code's section).
    mutating func remove(_ range: Range<Int>, in path: String) {
        let range = clamp(range, path)
        lines[path]?.removeSubrange(range)
    }

    /// Cuts `range` out of `path` with its heading levels changed by `levelDelta`.
    mutating func cut(_ range: Range<Int>, in path: String, levelDelta: Int) -> [String] {
        let range = clamp(range, path)
        var block = Array(lines[path, default: []][range])
        lines[path]?.removeSubrange(range)
        var inFence = false
        for i in block.indices {
            let trimmed = block[i].trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, CodebookParser.heading(trimmed) != nil else { continue }
            let (hashes, ending) = CodebookText.parts(of: block[i])
            let name = block[i].trimmingWhitespace().drop { $0 == "#" }.trimmingWhitespace()
            block[i] = String(repeating: "#", count: hashes.count + levelDelta) + " " + name + ending
        }
        while block.last?.trimmingWhitespace().isEmpty == true { block.removeLast() }
        return block
    }

    /// Inserts `block` at `index` of `path`, with one blank line between it and its neighbours.
    mutating func insert(_ block: [String], at index: Int, in path: String) {
        var file = lines[path, default: []]
        let index = min(index, file.count)
        var inserted = block
        if index > 0, !file[index - 1].trimmingWhitespace().isEmpty { inserted.insert("", at: 0) }
        if index < file.count, !file[index].trimmingWhitespace().isEmpty { inserted.append("") }
        file.insert(contentsOf: inserted, at: index)
        lines[path] = file
    }

    /// The number of lines of `path`.
    func count(_ path: String) -> Int { lines[path, default: []].count }

    /// Rewrites `Opposes:` lists whose items name a changed code; `rename` gives an item's new text, nil drops it.
    mutating func rewriteOpposes(_ rename: (String) -> String??) {
        for path in lines.keys.sorted() {
            for (i, line) in lines[path, default: []].enumerated() {
                let trimmed = line.trimmingWhitespace()
                guard let (field, value) = CodebookParser.field(trimmed), field == .opposes,
                      let colon = line.firstIndex(of: ":") else { continue }
                let items = CodebookParser.splitList(value)
                var changed = false
                let mapped = items.compactMap { item -> String? in
                    guard let replacement = rename(item) else { return item }
                    changed = true
                    return replacement
                }
                guard changed else { continue }
                let (_, ending) = CodebookText.parts(of: line)
                lines[path]?[i] = String(line[...colon]) + " " + mapped.joined(separator: ", ") + ending
            }
        }
    }

    /// A heading line's hashes and its line ending (`\r` or nothing).
    static func parts(of line: String) -> (hashes: String, ending: String) {
        let trimmed = line.trimmingWhitespace()
        return (String(trimmed.prefix { $0 == "#" }), line.hasSuffix("\r") ? "\r" : "")
    }
}

extension Code {
    /// The 0-based line of the code's heading in its codebook file.
    var headingLine: Int { (location.line ?? 1) - 1 }
}
