/// A network of codes for Graphviz or Mermaid: co-occurrence (edges weighted by how often two codes
/// share a segment) or the codebook hierarchy (parent → child, nodes labelled with their counts).
public struct Network: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case cooccurrence = "co-occurrence"
        case hierarchy

        /// The kind a user named: its raw value, or `cooccurrence` (lower case).
        init?(name: String) {
            guard let kind = Kind(rawValue: name) ?? (name == "cooccurrence" ? .cooccurrence : nil) else { return nil }
            self = kind
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case dot, mermaid, json
    }

    public struct Node: Sendable {
        public var id: String
        public var label: String
        public var count: Int
        public var color: String?
    }

    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var weight: Int?
    }

    public var kind: Kind
    public var nodes: [Node]
    public var edges: [Edge]

    public static func build(_ project: Project, kind: Kind, options: MatrixOptions, minimum: Int) throws -> Network {
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        let filter = try CodingFilter(project: project, coder: options.coder, conditions: options.conditions,
                                      withInterviewer: options.withInterviewer)
        let selection = CodeSelection(codebook: project.codebook, roots: options.codeRoots, depth: options.depth, rollup: options.rollup)
        let counts = Cooccurrence.sparseTally(filter.items(), selection: selection, within: options.within, withCodings: false)
        let shown = selection.shown
        func id(_ i: Int) -> String { "c\(i + 1)" }
        var nodes: [Node] = []
        for (i, code) in shown.enumerated() {
            nodes.append(Node(id: id(i), label: code.name, count: counts.diagonal[i], color: code.color))
        }
        var edges: [Edge] = []
        switch kind {
        case .cooccurrence:
            // Only the pairs that occur, in order.
            for key in counts.pairs.keys.sorted() where key / counts.size < key % counts.size {
                let (a, b) = (key / counts.size, key % counts.size)
                if counts.count(a, b) >= max(1, minimum) { edges.append(Edge(from: id(a), to: id(b), weight: counts.count(a, b))) }
            }
            // Codes on no segment are left out (a code with an edge is always on some).
            nodes = nodes.filter { $0.count > 0 }
        case .hierarchy:
            let index = Dictionary(shown.enumerated().map { ($1.path.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            for (i, code) in shown.enumerated() {
                if let parent = code.parentPath, let p = index[parent.lowercased()] { edges.append(Edge(from: id(p), to: id(i), weight: nil)) }
            }
        }
        return Network(kind: kind, nodes: nodes, edges: edges)
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: return dot()
        case .mermaid: return mermaid()
        case .json:
            return JSONValue.object([
                ("kind", .string(kind.rawValue)),
                ("nodes", .array(nodes.map { .object([("id", .string($0.id)), ("label", .string($0.label)), ("count", .int($0.count)), ("color", .optional($0.color))]) })),
                ("edges", .array(edges.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("weight", $0.weight.map(JSONValue.int) ?? .null)]) })),
            ]).serialized()
        }
    }

    func dot() -> String {
        let directed = kind == .hierarchy
        var out = "\(directed ? "digraph" : "graph") coda {\n  graph [rankdir=\(directed ? "LR" : "TB"), fontname=\"Helvetica\"];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f3f3f3\", fontname=\"Helvetica\"];\n"
        let heaviest = max(1, edges.compactMap(\.weight).max() ?? 1)
        for node in nodes {
            var attributes = "label=\"\(Network.dotEscape(node.label)) (\(node.count))\""
            if let color = node.color, CodebookParser.isColor(color) { attributes += ", color=\"\(color)\"" }
            out += "  \(node.id) [\(attributes)];\n"
        }
        for edge in edges {
            var attributes = ""
            if let w = edge.weight {
                attributes = " [label=\"\(w)\", penwidth=\(formatDecimal(1 + 4 * Double(w) / Double(heaviest), places: 1))]"
            }
            out += "  \(edge.from) \(directed ? "->" : "--") \(edge.to)\(attributes);\n"
        }
        return out + "}\n"
    }

    func mermaid() -> String {
        var out = "graph \(kind == .hierarchy ? "LR" : "TD")\n"
        for node in nodes { out += "  \(node.id)[\"\(Network.mermaidEscape(node.label)) (\(node.count))\"]\n" }
        for edge in edges {
            if let w = edge.weight { out += "  \(edge.from) ---|\(w)| \(edge.to)\n" } else { out += "  \(edge.from) --> \(edge.to)\n" }
        }
        return out
    }

    static func dotEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }

    /// Mermaid labels in quotes take entity codes for the characters that would end or break them.
    static func mermaidEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "#": out += "#35;"
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
