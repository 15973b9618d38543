import Foundation

extension CodebookRefactor {
    /// A `## CASE / CODE` heading of the framework summaries, with the code it names.
    struct SummaryLine {
        var index: Int
        var caseID: String
        var written: String
        var code: Code?
    }

    static func summaryLines(in project: Project) throws -> [SummaryLine] {
        let url = project.root.appendingPathComponent(FrameworkSummaries.path)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try ProjectLoader.text(of: url, path: FrameworkSummaries.path)
        return text.components(separatedBy: "\n").enumerated().compactMap { index, line in
            guard line.hasPrefix("## "), let slash = line.range(of: " / ") else { return nil }
            let caseID = line[line.index(line.startIndex, offsetBy: 3)..<slash.lowerBound].trimmingWhitespace()
            let written = line[slash.upperBound...].trimmingWhitespace()
            return SummaryLine(index: index, caseID: caseID, written: written,
                               code: try? project.codebook.resolve(written))
        }
    }

    /// Every file the change rewrites, with what it did.
    mutating func makePlan() throws -> Plan {
        var edited = text
        edited.rewriteOpposes { item in
            guard let mapped = newPath(for: item) else { return nil }
            guard let path = mapped else { return .some(nil) }
            return .some(item.contains("/") ? path : String(path.split(separator: "/").last ?? Substring(path)))
        }
        text = edited
        var changes = text.changedFiles.map { ProjectTransaction.Change(path: $0.path, bytes: Array($0.text.utf8)) }
        var perCoder: [String: Int] = [:]
        changes += try codingChanges(perCoder: &perCoder)
        changes += try memoChanges()
        changes += try summaryChanges()
        changes += noteChanges()
        let codes = mapping.keys.compactMap { project.codebook.code(path: $0)?.path } + mapping.values.compactMap { $0 }
        return Plan(changes: changes, summary: summary, notes: notes, codingsPerCoder: perCoder,
                    codes: Array(Set(codes)).sorted())
    }

    /// Every codings file under `Codings/` (people, suggestions and rejected suggestions) that names a changed code.
    private func codingChanges(perCoder: inout [String: Int]) throws -> [ProjectTransaction.Change] {
        let folder = project.root.appendingPathComponent(CodingStore.folder)
        var changes: [ProjectTransaction.Change] = []
        for path in CodebookRefactor.files(under: folder, ending: ".tsv") {
            let relative = "\(CodingStore.folder)/\(path)"
            let text = try ProjectLoader.text(of: folder.appendingPathComponent(path), path: relative)
            let contents = CodingFile.parse(text, path: relative)
            var changed = false
            var kept: [Coding] = []
            var seen: [Coding.Key: Int] = [:]
            for var coding in contents.codings {
                if let mapped = newPath(for: coding.code) {
                    changed = true
                    let who = path.hasPrefix("\(CodingStore.suggestionCoder)/\(CodingStore.rejectedFolder)/")
                        ? "\(CodingStore.suggestionCoder) (rejected)" : coding.coder
                    perCoder[who, default: 0] += 1
                    guard let mapped else { continue }
                    coding.code = mapped
                }
                // Two codes merged on the same words by the same coder become one coding, keeping both memos.
                if let earlier = seen[coding.key] {
                    let memos = [kept[earlier].memo, coding.memo].filter { !$0.isEmpty }
                    var seenMemos = Set<String>()
                    kept[earlier].memo = memos.filter { seenMemos.insert($0).inserted }.joined(separator: "\n")
                    kept[earlier].time = min(kept[earlier].time, coding.time)
                    continue
                }
                seen[coding.key] = kept.count
                kept.append(coding)
            }
            guard changed else { continue }
            let bytes = kept.isEmpty && contents.unreadable.isEmpty
                ? nil : Array(CodingFile.render(kept, unreadable: contents.unreadable).utf8)
            changes.append(ProjectTransaction.Change(path: relative, bytes: bytes))
        }
        return changes
    }

    /// Memo files on changed codes move to the new code's file (appended when it already has memos).
    private func memoChanges() throws -> [ProjectTransaction.Change] {
        let folder = project.root.appendingPathComponent(MemoStore.folder).appendingPathComponent("codes")
        var contents: [String: String] = [:]
        var removed: Set<String> = []
        for name in CodebookRefactor.files(under: folder, ending: ".md") where !name.contains("/") {
            let path = "\(MemoStore.folder)/codes/\(name)"
            let text = try ProjectLoader.text(of: folder.appendingPathComponent(name), path: path)
            var lines = text.components(separatedBy: "\n")
            guard case .code(let written)? = MemoStore.parseTarget(String(lines[0].dropFirst(2))),
                  let mapped = newPath(for: written), let newPath = mapped else { continue }
            let target = Memo.Target.code(newPath)
            lines[0] = MemoStore.heading(for: target)
            let newFile = target.path
            if newFile != path { removed.insert(path) }
            removed.remove(newFile)
            if let existing = contents[newFile] ?? (newFile != path ? existingText(newFile) : nil) {
                let body = lines.dropFirst().joined(separator: "\n").trimmingWhitespace()
                contents[newFile] = existing + (existing.hasSuffix("\n") ? "" : "\n") + "\n" + body + "\n"
            } else {
                contents[newFile] = lines.joined(separator: "\n")
            }
        }
        return contents.keys.sorted().map { ProjectTransaction.Change(path: $0, bytes: Array(contents[$0]!.utf8)) }
            + removed.sorted().map { ProjectTransaction.Change(path: $0, bytes: nil) }
    }

    private func existingText(_ path: String) -> String? {
        try? ProjectLoader.text(of: project.root.appendingPathComponent(path), path: path)
    }

    /// Framework summary headings `## CASE / CODE` follow their code.
    private mutating func summaryChanges() throws -> [ProjectTransaction.Change] {
        let headings = try CodebookRefactor.summaryLines(in: project)
        guard let text = existingText(FrameworkSummaries.path), !headings.isEmpty else { return [] }
        var lines = text.components(separatedBy: "\n")
        var cells: [String: (label: String, count: Int, touched: Bool)] = [:]
        var changed = false
        defer {
            for cell in cells.values.filter({ $0.count > 1 && $0.touched }).map(\.label).sorted() {
                notes.append("\(FrameworkSummaries.path) now has several summaries for \(cell); join them by hand")
            }
        }
        for heading in headings {
            let current = heading.code?.path ?? heading.written
            let mapped = newPath(for: heading.written).map { $0 ?? heading.written } ?? current
            let key = FrameworkSummaries.key(heading.caseID, mapped)
            cells[key, default: ("\(heading.caseID) / \(mapped)", 0, false)].count += 1
            if newPath(for: heading.written) != nil { cells[key]?.touched = true }
            guard mapped != current, newPath(for: heading.written) != nil else { continue }
            lines[heading.index] = "## \(heading.caseID) / \(mapped)"
            changed = true
        }
        guard changed else { return [] }
        let joined = lines.joined(separator: "\n")
        return [ProjectTransaction.Change(path: FrameworkSummaries.path, bytes: Array(joined.utf8))]
    }

    /// Review notes on a changed code or on one of its codings (`## N3 · open · code Problems/Queues`) follow it.
    private func noteChanges() -> [ProjectTransaction.Change] {
        guard let text = existingText(NoteStore.path) else { return [] }
        var lines = text.components(separatedBy: "\n")
        var changed = false
        for (index, line) in lines.enumerated() where line.hasPrefix("## ") {
            var parts = line.components(separatedBy: " · ")
            guard parts.count >= 3 else { continue }
            let target = parts[2...].joined(separator: " · ")
            var words = target.split(separator: " ", maxSplits: target.hasPrefix("coding ") ? 3 : 1).map(String.init)
            guard ["code", "coding"].contains(words.first ?? ""), words.count == (words[0] == "code" ? 2 : 4),
                  let mapped = newPath(for: words[words.count - 1]), let path = mapped else { continue }
            words[words.count - 1] = path
            parts = Array(parts[..<2]) + [words.joined(separator: " ")]
            lines[index] = parts.joined(separator: " · ")
            changed = true
        }
        guard changed else { return [] }
        return [ProjectTransaction.Change(path: NoteStore.path, bytes: Array(lines.joined(separator: "\n").utf8))]
    }

    /// Paths (relative to `folder`, sorted) of the files under it ending with `suffix`, hidden ones left out.
    static func files(under folder: URL, ending suffix: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if path.hasSuffix(suffix) { found.append(path) }
        }
        return found.sorted()
    }
}
