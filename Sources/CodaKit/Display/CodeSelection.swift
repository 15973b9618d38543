/// Which codes a display shows, and which shown code each coding counts for: `--codes PARENT` keeps a
/// subtree, `--depth N` folds deeper codes into their ancestor at depth N, `--rollup` makes every parent
/// count its children's codings too.
struct CodeSelection {
    var shown: [Code]
    /// How far each shown code sits below the selection's top, for indenting labels.
    var depths: [Int]
    /// Lower-cased code path of a coding → the shown codes it counts for.
    private var targets: [String: [Int]]
    /// Shown codes with codes under them that they do not count (`coda retrieve` needs `--exact`).
    private var exact: Set<Int>

    init(codebook: Codebook, roots: [Code], depth: Int?, rollup: Bool) {
        var pool = roots.isEmpty ? codebook.codes : roots.flatMap { codebook.subtree(of: $0) }
        var seen = Set<String>()
        pool = pool.filter { seen.insert($0.path.lowercased()).inserted }
        let base = roots.map(\.depth).min() ?? 1
        if let depth { pool = pool.filter { $0.depth - base + 1 <= depth } }
        shown = pool
        depths = pool.map { $0.depth - base }
        var targets: [String: [Int]] = [:]
        let index = Dictionary(pool.enumerated().map { ($1.path.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let deepest = depth.map { base + $0 - 1 }
        var hasDescendants = Set<Int>(), countsDescendants = Set<Int>()
        for code in codebook.codes {
            let path = code.path.lowercased()
            var hits: [Int] = []
            if let i = index[path] { hits.append(i) }
            // Ancestors that count this code: all of them with --rollup; with --depth, the one at the cut.
            var components = code.pathComponents
            while components.count > 1 {
                components.removeLast()
                let ancestor = components.joined(separator: "/").lowercased()
                guard let i = index[ancestor] else { continue }
                hasDescendants.insert(i)
                let atCut = deepest.map { code.depth > $0 && components.count == $0 } ?? false
                if rollup || atCut {
                    hits.append(i)
                    countsDescendants.insert(i)
                }
            }
            if !hits.isEmpty { targets[path] = hits }
        }
        self.targets = targets
        exact = hasDescendants.subtracting(countsDescendants)
    }

    func targets(of item: CodingFilter.Item) -> [Int] { targets[item.codeKey] ?? [] }

    /// The words that make `coda retrieve` list what a shown code counts.
    func retrieveArguments(_ index: Int) -> [String] { [shown[index].path] + (exact.contains(index) ? ["--exact"] : []) }

    /// The shown codes as a matrix axis.
    var axis: Matrix.Axis {
        Matrix.Axis(title: "Code", labels: shown.map(\.name), retrieveArguments: shown.indices.map(retrieveArguments), depths: depths)
    }
}
