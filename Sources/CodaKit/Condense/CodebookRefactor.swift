import Foundation

/// A change to the code tree that the researcher's work follows: `coda codebook rename|merge|move|delete`.
public enum CodebookChange: Sendable, Equatable {
    case rename(code: String, to: String)
    case merge(codes: [String], into: String)
    /// `under` nil moves the code to the top level.
    case move(code: String, under: String?)
    case delete(code: String, reassign: String?)

    /// The log's name for the change.
    var action: String {
        switch self {
        case .rename: return "rename"
        case .merge: return "merge"
        case .move: return "move"
        case .delete: return "delete"
        }
    }
}

/// Works out every file a codebook change touches: the Markdown codebook (only the lines it must), every
/// coder's codings, suggestions and rejected suggestions, memos on the codes and framework summaries.
/// Nothing is written here; `CodebookRefactor.apply` commits the files as one all-or-nothing change.
struct CodebookRefactor {
    let project: Project
    /// Old code path, lower-cased → its new path, or nil when its codings go away.
    private(set) var mapping: [String: String?] = [:]
    var text: CodebookText
    /// One line saying what was done, e.g. "renamed `Problems/Cost` to `Problems/Contribution cost`".
    private(set) var summary = ""
    var notes: [String] = []

    /// What a change did, for the console and the change log.
    struct Plan {
        var changes: [ProjectTransaction.Change]
        var summary: String
        var notes: [String]
        /// Codings whose code changed, per coder (`auto` counts suggestions).
        var codingsPerCoder: [String: Int]
        /// The code paths named before and after the change.
        var codes: [String]
    }

    init(project: Project) throws {
        self.project = project
        text = try CodebookText(project: project)
    }

    /// The files that `change` rewrites, checked and computed on `project` as it is now.
    static func plan(_ change: CodebookChange, in project: Project) throws -> Plan {
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        var refactor = try CodebookRefactor(project: project)
        switch change {
        case let .rename(code, name):
            if project.codebook.code(path: code) == nil, let orphan = refactor.orphanPath(code) {
                let parent = orphan.contains("/") ? String(orphan[..<orphan.lastIndex(of: "/")!]) + "/" : ""
                let target = try project.codebook.code(path: parent + name) ?? project.codebook.resolve(name)
                refactor.attach(orphans: [orphan], to: target)
            } else {
                try refactor.rename(project.codebook.resolve(code), to: name)
            }
        case let .merge(codes, target):
            let target = try project.codebook.resolve(target)
            let orphans = codes.compactMap { project.codebook.code(path: $0) == nil ? refactor.orphanPath($0) : nil }
            let known = codes.filter { project.codebook.code(path: $0) != nil || refactor.orphanPath($0) == nil }
            if !known.isEmpty || orphans.isEmpty {
                let codes = try known.map { name throws(CodebookError) in try project.codebook.resolve(name) }
                try refactor.merge(codes, into: target)
            }
            if !orphans.isEmpty { refactor.attach(orphans: orphans, to: target) }
        case let .move(code, parent):
            try refactor.move(project.codebook.resolve(code),
                              under: parent.map { name throws(CodebookError) in try project.codebook.resolve(name) })
        case let .delete(code, reassign):
            try refactor.delete(project.codebook.resolve(code),
                                reassign: reassign.map { name throws(CodebookError) in
                                    try project.codebook.resolve(name)
                                })
        }
        return try refactor.makePlan()
    }

    // MARK: the four changes

    mutating func rename(_ code: Code, to newName: String) throws {
        let name = newName.trimmingWhitespace()
        try CodebookRefactor.checkName(name)
        guard name != code.name else {
            throw CodebookChangeError.alreadyThere(code: code.path, place: "named `\(name)`")
        }
        try checkFree(name, under: code.parentPath, except: code)
        text.rename(line: code.headingLine, in: code.location.file, to: name)
        mapSubtree(of: code, to: (code.pathComponents.dropLast() + [name]).joined(separator: "/"))
        summary = "renamed `\(code.path)` to `\(mapping[code.path.lowercased()]!!)`"
    }

    mutating func merge(_ codes: [Code], into target: Code) throws {
        for code in codes {
            guard code.path.lowercased() != target.path.lowercased() else {
                throw CodebookChangeError.sameCode(path: code.path)
            }
            if isInside(target, code) { throw CodebookChangeError.insideItself(code: code.path, target: target.path) }
            let children = project.codebook.children(of: code)
            if !children.isEmpty {
                throw CodebookChangeError.hasChildren(code: code.path, children: children.map(\.name))
            }
        }
        removeSections(of: codes)
        for code in codes { mapping[code.path.lowercased()] = .some(target.path) }
        summary = "merged " + codes.map { "`\($0.path)`" }.joined(separator: ", ") + " into `\(target.path)`"
    }

    mutating func move(_ code: Code, under parent: Code?) throws {
        if let parent, isInside(parent, code) {
            throw CodebookChangeError.insideItself(code: code.path, target: parent.path)
        }
        guard code.parentPath?.lowercased() != parent?.path.lowercased() else {
            let place = parent.map { "under `\($0.path)`" } ?? "at the top level"
            throw CodebookChangeError.alreadyThere(code: code.path, place: place)
        }
        try checkFree(code.name, under: parent?.path, except: code)
        let newDepth = (parent?.depth ?? 0) + 1
        let deepest = project.codebook.subtree(of: code).map(\.depth).max() ?? code.depth
        guard deepest - code.depth + newDepth + 1 <= 6 else { throw CodebookChangeError.tooDeep(code: code.path) }
        let from = code.location.file
        let range = CodebookText.range(of: code, in: project.codebook, subtree: true)
        // Where the subtree goes: after the parent's subtree, or at the end of the code's own file for the top level.
        let (to, endLine) = parent.map {
            ($0.location.file, CodebookText.range(of: $0, in: project.codebook, subtree: true).upperBound)
        }
            ?? (from, Int.max)
        let block = text.cut(range, in: from, levelDelta: newDepth - code.depth)
        var index = min(endLine, from == to ? text.count(to) + range.count : text.count(to))
        if from == to && index >= range.upperBound { index -= range.count }
        // Trailing blank lines of the place stay after the moved block.
        while index > 0, index <= text.count(to), text.lines[to]?[index - 1].trimmingWhitespace().isEmpty == true {
            index -= 1
        }
        text.insert(block, at: index, in: to)
        mapSubtree(of: code, to: ((parent?.pathComponents ?? []) + [code.name]).joined(separator: "/"))
        summary = "moved `\(code.path)` " + (parent.map { "under `\($0.path)`" } ?? "to the top level")
            + " (now `\(mapping[code.path.lowercased()]!!)`)"
    }

    mutating func delete(_ code: Code, reassign: Code?) throws {
        if let reassign {
            try merge([code], into: reassign)
            summary = "deleted `\(code.path)`; its work now belongs to `\(reassign.path)`"
            return
        }
        let children = project.codebook.children(of: code)
        if !children.isEmpty { throw CodebookChangeError.hasChildren(code: code.path, children: children.map(\.name)) }
        let key = code.path.lowercased()
        var uses: [String: Int] = [:]
        for coding in project.humanCodings where coding.code.lowercased() == key { uses[coding.coder, default: 0] += 1 }
        for (coding, _) in project.unplacedCodings where coding.code.lowercased() == key {
            uses[coding.coder, default: 0] += 1
        }
        let memos = project.memos.filter { memoCode($0.target)?.lowercased() == key }.count
        let headings = (try? CodebookRefactor.summaryLines(in: project)) ?? []
        let summaries = headings.filter { $0.code?.path.lowercased() == key }.count
        guard uses.isEmpty, memos == 0, summaries == 0 else {
            throw CodebookChangeError.inUse(code: code.path, codings: uses, memos: memos, summaries: summaries)
        }
        removeSections(of: [code])
        mapping[key] = .some(nil)
        summary = "deleted `\(code.path)`"
    }

    /// Codings whose code left the codebook (renamed or deleted by hand) go to `target`.
    mutating func attach(orphans: [String], to target: Code) {
        for orphan in orphans { mapping[orphan.lowercased()] = .some(target.path) }
        let attached = "attached the codings of " + orphans.map { "`\($0)`" }.joined(separator: ", ")
            + " (no longer in the codebook) to `\(target.path)`"
        summary = summary.isEmpty ? attached : summary + "; " + attached
    }

    /// The code path, as the codings files write it, of codings on `name` when no code in the codebook has it.
    func orphanPath(_ name: String) -> String? {
        let wanted = name.trimmingWhitespace().lowercased()
        let loaded = CodingStore(root: project.root).loadAll(relativeTo: project.root)
        let orphans = Set((loaded.codings + loaded.rejected).map(\.code)
            .filter { project.codebook.code(path: $0) == nil })
        if let exact = orphans.first(where: { $0.lowercased() == wanted }) { return exact }
        let byName = orphans.filter { $0.split(separator: "/").last.map { $0.lowercased() } == wanted }
        return byName.count == 1 ? byName.first : nil
    }

    // MARK: helpers

    private mutating func removeSections(of codes: [Code]) {
        let ordered = codes.sorted { ($0.location.file, $0.headingLine) > ($1.location.file, $1.headingLine) }
        for code in ordered {
            text.remove(CodebookText.range(of: code, in: project.codebook, subtree: false), in: code.location.file)
        }
    }

    private mutating func mapSubtree(of code: Code, to newPath: String) {
        let old = code.path.lowercased()
        for member in project.codebook.subtree(of: code) {
            mapping[member.path.lowercased()] = .some(newPath + String(member.path.dropFirst(old.count)))
        }
    }

    private func isInside(_ candidate: Code, _ code: Code) -> Bool {
        let path = candidate.path.lowercased(), root = code.path.lowercased()
        return path == root || path.hasPrefix(root + "/")
    }

    private func checkFree(_ name: String, under parentPath: String?, except code: Code) throws {
        let siblings = project.codebook.codes.filter { $0.parentPath?.lowercased() == parentPath?.lowercased() }
        if let clash = siblings.first(where: { $0.name.lowercased() == name.lowercased() && $0.path != code.path }) {
            throw CodebookChangeError.nameTaken(name: code.path, parent: parentPath, existing: clash.path)
        }
    }

    static func checkName(_ name: String) throws {
        if name.isEmpty { throw CodebookChangeError.badName(name: name, reason: "it is empty") }
        if name.contains("/") {
            throw CodebookChangeError.badName(name: name, reason: "`/` separates a parent from its child")
        }
        if name.contains(where: \.isNewline) || name.contains("\t") {
            throw CodebookChangeError.badName(name: name, reason: "it holds a line break or a tab")
        }
        if name.hasPrefix("#") || name.hasSuffix("#") {
            throw CodebookChangeError.badName(name: name, reason: "it starts or ends with `#`")
        }
    }

    func memoCode(_ target: Memo.Target) -> String? {
        guard case .code(let name) = target else { return nil }
        return (try? project.codebook.resolve(name))?.path
    }

    /// The new path for a code path written anywhere (`.none`: not changed; `.some(nil)`: its code is gone).
    func newPath(for written: String) -> String?? {
        if let direct = mapping[written.lowercased()] { return direct }
        guard let code = try? project.codebook.resolve(written) else { return .none }
        return mapping[code.path.lowercased()]
    }
}

extension CodebookRefactor {
    /// Loads the project under the lock, works out the change and commits every file it touches at once, with
    /// its entry in `coder`'s change log (so `coda undo` can put all of it back).
    static func apply(_ change: CodebookChange, root: URL, coder: String, time: String) throws -> Plan {
        try FileLock.withLock(CodingStore(root: root).lockURL) {
            // Loading the project finishes or drops an interrupted change first (`recoverIfNeeded`).
            let transaction = ProjectTransaction(root: root)
            let plan = try CodebookRefactor.plan(change, in: Project.load(root))
            var before: [String: [UInt8]?] = [:]
            var after: [String: [UInt8]?] = [:]
            for file in plan.changes {
                let url = root.appendingPathComponent(file.path)
                let old = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
                before.updateValue(old, forKey: file.path)
                after.updateValue(file.bytes, forKey: file.path)
            }
            let perCoder = plan.codingsPerCoder.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let entry = ChangeLog.Entry(time: time, id: ChangeLog.newID(time: time), coder: coder.fileSafe(),
                                        action: change.action, codes: plan.codes, documents: [],
                                        summary: plan.summary
                                            + (perCoder.isEmpty ? "" : " (codings: "
                                                + "\(perCoder.joined(separator: ", ")))"))
            let record = ChangeLog(root: root).changes(appending: entry, before: before, after: after)
            try transaction.commit(plan.changes + record)
            return plan
        }
    }
}
