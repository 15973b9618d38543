/// The hint for codings whose code is no longer in the codebook: the nearest codes, and the exact command that
/// attaches the codings to one of them (never a command that deletes them).
enum OrphanCodeHint {
    static func hint(for orphan: String, codebook: Codebook, used: Set<String>) -> String {
        let name = orphan.split(separator: "/").last.map(String.init) ?? orphan
        let parent = orphan.contains("/") ? String(orphan[..<orphan.lastIndex(of: "/")!]) : nil
        let nearest = nearestCodes(to: orphan, codebook: codebook, used: used)
        guard let best = nearest.first else {
            return "put `\(name)` back in the codebook (a `##` heading), or tag the words with another code"
        }
        let command = best.parentPath?.lowercased() == parent?.lowercased()
            ? "coda codebook rename '\(orphan)' '\(best.name)'"
            : "coda codebook merge '\(orphan)' --into '\(best.path)'"
        return "nearest codes: " + nearest.map { "`\($0.path)`" }.joined(separator: ", ")
            + "; if it became `\(best.path)`, run `\(command)` (or add `Formerly: \(name)` under its heading)"
    }

    /// Codes close by name, with codes nobody has used yet under the same parent first (a fresh rename by hand).
    static func nearestCodes(to orphan: String, codebook: Codebook, used: Set<String>) -> [Code] {
        let name = orphan.split(separator: "/").last.map(String.init) ?? orphan
        let parent = orphan.contains("/") ? orphan[..<orphan.lastIndex(of: "/")!].lowercased() : nil
        let unusedSiblings = codebook.codes.filter {
            $0.parentPath?.lowercased() == parent && !used.contains($0.path.lowercased())
        }
        let close = EditDistance.closest(to: name, in: codebook.codes.map(\.name), limit: 3)
            .flatMap { closeName in codebook.codes.filter { $0.name == closeName } }
        var seen = Set<String>()
        return (unusedSiblings + close).filter { seen.insert($0.path.lowercased()).inserted }.prefix(3).map { $0 }
    }
}
