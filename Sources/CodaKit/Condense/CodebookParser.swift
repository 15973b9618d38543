/// Reads a Markdown codebook: `# Title`, then one heading per code, nested by level (`##` a top-level
/// code, `###` its child, …). Under a heading, `Field: value` lines (Definition, Include, Exclude, Example,
/// Keywords, Color, Speakers, Survey, Opposes); any other text is the code's memo.
struct CodebookParser {
    var path: String

    enum FieldName: String, CaseIterable {
        case definition, include, exclude, example, keywords, color, speakers, survey, opposes, formerly

        static let spellings: [String: FieldName] = [
            "definition": .definition, "include": .include, "inclusion": .include, "inclusion criteria": .include,
            "exclude": .exclude, "exclusion": .exclude, "exclusion criteria": .exclude, "example": .example,
            "examples": .example, "keywords": .keywords, "keyword": .keywords, "color": .color, "colour": .color,
            "speakers": .speakers, "speaker": .speakers, "survey": .survey, "opposes": .opposes, "opposite": .opposes,
            "formerly": .formerly, "former name": .formerly, "former names": .formerly,
        ]
    }

    struct Result {
        var title: String?
        var codes: [Code]
        var diagnostics: [Diagnostic]
    }

    func parse(_ text: String) -> Result {
        var title: String?
        var codes: [Code] = []
        var diagnostics: [Diagnostic] = []
        var stack: [String] = []
        var currentField: FieldName?
        var memoLines: [String] = []
        var inFence = false

        func flushMemo() {
            guard !codes.isEmpty else { memoLines = []; return }
            let memo = memoLines.joined(separator: "\n").trimmingWhitespace()
            if !memo.isEmpty {
                codes[codes.count - 1].memo += (codes[codes.count - 1].memo.isEmpty ? "" : "\n\n") + memo
            }
            memoLines = []
        }

        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = n + 1
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let (level, heading) = CodebookParser.heading(line) {
                flushMemo()
                currentField = nil
                if level == 1 {
                    if title == nil { title = heading } else {
                        diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: lineNumber),
                                                      "a second `#` title; codes are `##` headings and deeper",
                                                      hint: "make this a `##` heading if it is a code"))
                    }
                    continue
                }
                var depth = level - 1
                if depth > stack.count + 1 {
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: lineNumber),
                                                  "heading level jumps from \(stack.count + 1) to \(level); `\(heading)` is placed under `\(stack.last ?? "the top")`",
                                                  hint: "use \(String(repeating: "#", count: stack.count + 2)) for a child of the code above"))
                    depth = stack.count + 1
                }
                stack = Array(stack.prefix(depth - 1)) + [heading]
                codes.append(Code(name: heading, pathComponents: stack, location: SourceLocation(file: path, line: lineNumber)))
                continue
            }
            if !inFence, let hashes = CodebookParser.headingWithoutSpace(line) {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: lineNumber),
                                              "`\(line.prefix(40))` is not a heading: Markdown needs a space after the hashes",
                                              hint: "write `\(hashes) \(line.dropFirst(hashes.count))`"))
            }
            guard !codes.isEmpty else { continue }
            if line.isEmpty {
                currentField = nil
                memoLines.append("")
                continue
            }
            if !inFence, let (field, value) = CodebookParser.field(line) {
                currentField = field
                apply(field, value, to: &codes[codes.count - 1], line: lineNumber, diagnostics: &diagnostics, continuing: false)
                continue
            }
            if let field = currentField, field != .color {
                apply(field, line, to: &codes[codes.count - 1], line: lineNumber, diagnostics: &diagnostics, continuing: true)
                continue
            }
            memoLines.append(String(raw))
        }
        flushMemo()
        return Result(title: title, codes: codes, diagnostics: diagnostics)
    }

    private func apply(_ field: FieldName, _ value: String, to code: inout Code, line: Int,
                       diagnostics: inout [Diagnostic], continuing: Bool) {
        func join(_ old: String) -> String { old.isEmpty ? value : old + " " + value }
        switch field {
        case .definition: code.definition = join(code.definition)
        case .include: code.include = join(code.include)
        case .exclude: code.exclude = join(code.exclude)
        case .example:
            if continuing, !code.examples.isEmpty { code.examples[code.examples.count - 1] += " " + value } else { code.examples.append(value) }
        case .keywords: code.keywords += CodebookParser.splitList(value)
        case .speakers: code.speakers += CodebookParser.splitList(value)
        case .opposes: code.opposes += CodebookParser.splitList(value)
        case .formerly: code.formerly += CodebookParser.splitList(value)
        case .survey: code.survey = join(code.survey ?? "")
        case .color:
            // Only a valid colour is kept: the value goes into DOT, SVG and HTML output unquoted by design.
            code.color = CodebookParser.isColor(value) ? value : nil
            if !CodebookParser.isColor(value) {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: code.location.file, line: line),
                                              "colour `\(value)` of `\(code.name)` is not `#rrggbb`",
                                              hint: "write six hex digits, e.g. `Color: #1f77b4`"))
            }
        }
    }

    static func isColor(_ value: String) -> Bool {
        value.count == 7 && value.hasPrefix("#") && value.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// `## Name` → (2, "Name"); trailing `#`s and surrounding spaces are dropped.
    static func heading(_ line: String) -> (Int, String)? {
        guard line.hasPrefix("#") else { return nil }
        let level = line.prefix { $0 == "#" }.count
        guard level <= 6 else { return nil }
        let rest = line.dropFirst(level)
        guard rest.first == " " || rest.first == "\t" else { return nil }
        var name = rest.trimmingWhitespace()
        while name.hasSuffix("#") { name.removeLast() }
        name = name.trimmingWhitespace()
        return name.isEmpty ? nil : (level, name)
    }

    /// `##Name`: hashes then a letter, which Markdown does not read as a heading; the hashes, or nil.
    static func headingWithoutSpace(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard hashes.count >= 2, hashes.count <= 6, let next = line.dropFirst(hashes.count).first, next.isLetter else {
            return nil
        }
        return String(hashes)
    }

    /// `Definition: …`, also written `- Definition: …` or `**Definition:** …`.
    static func field(_ line: String) -> (FieldName, String)? {
        var text = Substring(line)
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
        var bold = false
        if text.hasPrefix("**") { text = text.dropFirst(2); bold = true }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        var name = text[..<colon]
        var rest = text[text.index(after: colon)...]
        if bold {
            if name.hasSuffix("**") { name = name.dropLast(2) } else if rest.hasPrefix("**") { rest = rest.dropFirst(2) } else { return nil }
        }
        guard name.count <= 20, let field = FieldName.spellings[name.trimmingWhitespace().lowercased()] else { return nil }
        return (field, rest.trimmingWhitespace())
    }

    /// Comma-separated items; a "quoted phrase" may hold commas.
    static func splitList(_ text: String) -> [String] {
        // Over scalars, copying runs between quotes and commas: every codebook line of keywords comes through here.
        var items: [String] = []
        var current = ""
        var quoted = false
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        for index in scalars.indices {
            let scalar = scalars[index]
            let isQuote = scalar == "\"" || scalar == "“" || scalar == "”"
            guard isQuote || (scalar == "," && !quoted) else { continue }
            current += text[runStart..<index]
            runStart = scalars.index(after: index)
            if isQuote {
                quoted.toggle()
            } else {
                items.append(current)
                current = ""
            }
        }
        current += text[runStart...]
        items.append(current)
        return items.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
