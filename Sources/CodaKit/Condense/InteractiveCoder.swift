/// `coda code DOC`: coding segment by segment from the terminal. Each answer is saved at once, so
/// nothing is lost on Ctrl-C. Answers come from the keyboard or, piped, from stdin (one per line).
///
/// At the prompt: code names or unique prefixes, separated by commas (`info, queue`), optionally followed
/// by `-- memo`; `-name` removes a code. Commands start with `:` or are whole words, so no code's start is
/// ever taken for one: `:?`/`help` lists the codebook, `:m TEXT`/`memo TEXT` writes a memo on the document at
/// this segment, Enter, `:s` or `skip` skips, `:b` or `back` goes back, `:q` or `quit` quits. Every segment the coder moves past
/// (coded or skipped) is recorded as read, so agreement counts "read, no code applies" as a decision.
public struct InteractiveCoder {
    public var project: Project
    public var document: Transcript
    public var coder: String
    public var console: Console
    public var time: String
    public var onlyUncoded: Bool
    /// The segment to start at (`coda code DOC 3`); the first one when nil.
    public var startSegment: Int?

    public init(project: Project, document: Transcript, coder: String, console: Console, time: String, onlyUncoded: Bool,
                startSegment: Int? = nil) {
        self.project = project
        self.document = document
        self.coder = coder
        self.console = console
        self.time = time
        self.onlyUncoded = onlyUncoded
        self.startSegment = startSegment
    }

    enum Answer: Equatable {
        case codes([String], memo: String?)
        case remove([String])
        case help, skip, back, quit
        case memo(String)
    }

    static func parse(_ line: String) -> Answer {
        let text = line.trimmingWhitespace()
        switch text.lowercased() {
        case "", ":s", "skip": return .skip
        case ":b", "back": return .back
        case ":q", "quit", "exit": return .quit
        case "?", ":?", ":h", "help": return .help
        default: break
        }
        if text.lowercased().hasPrefix(":m ") || text.lowercased().hasPrefix("memo ") {
            return .memo(String(text.drop { $0 != " " }).trimmingWhitespace())
        }
        var codesPart = text
        var memo: String?
        if let separator = text.range(of: "--") {
            codesPart = String(text[..<separator.lowerBound])
            memo = String(text[separator.upperBound...]).trimmingWhitespace().nilIfEmpty
        }
        let names = codesPart.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if !names.isEmpty, names.allSatisfy({ $0.hasPrefix("-") }) {
            return .remove(names.map { String($0.dropFirst()).trimmingWhitespace() })
        }
        return .codes(names, memo: memo)
    }

    /// A code from a name, a path, or a unique start of either (case-insensitive).
    static func match(_ text: String, in codebook: Codebook) -> Result<Code, CodebookError> {
        if let exact = try? codebook.resolve(text) { return .success(exact) }
        let lowered = text.lowercased()
        let hits = codebook.codes.filter { $0.name.lowercased().hasPrefix(lowered) || $0.path.lowercased().hasPrefix(lowered) }
        if hits.count == 1 { return .success(hits[0]) }
        if hits.count > 1 { return .failure(.ambiguous(name: text, paths: hits.map(\.path))) }
        return .failure(.unknownCode(name: text, suggestions: EditDistance.closest(to: text, in: codebook.codes.map(\.name), limit: 5)))
    }

    /// This document's codings by coders (not suggestions) as they are on disk now, so codings made
    /// meanwhile in another terminal show too.
    func codingsOnDisk() -> [Coding] {
        CodingStore(root: project.root).loadAll(relativeTo: project.root, onlyDocument: document.id).codings
            .filter { $0.document.lowercased() == document.id.lowercased() && $0.coder != CodingStore.suggestionCoder }
    }

    /// Codes the document; `unknownCodes` counts answers that named no code (a piped script then fails).
    public func run() throws -> (tagged: Int, removed: Int, unknownCodes: Int) {
        let tagger = Tagger(project: project, coder: coder, time: time)
        var here = project.codings.filter { $0.document == document.id && $0.coder != CodingStore.suggestionCoder }
        let codedByMe = Set(here.filter { $0.coder == coder }.flatMap { Array($0.segments) })
        let numbers = document.segments.filter { !$0.range.isEmpty && (!onlyUncoded || !codedByMe.contains($0.number)) }.map(\.number)
        console.line("Coding \(document.id) as \(coder): \(numbers.count) segment\(plural(numbers.count)). Type code names (unique starts are enough, comma-separated), `?` for the codebook and commands, Enter to skip, `:b` to go back, `:q` to quit.")
        var position = startSegment.map { start in numbers.firstIndex { $0 >= start } ?? numbers.count } ?? 0
        var tagged = 0
        var removed = 0
        let review = ReviewStore(root: project.root)
        var unknownCodes = 0
        while position <= numbers.count && !numbers.isEmpty {
            // After the last segment: a chance to go back before the session ends.
            if position == numbers.count {
                console.out("End of \(document.id). Enter or `:q` finishes, `:b` goes back to ¶\(numbers[numbers.count - 1]): ")
                guard let line = console.readLine() else { console.line(""); break }
                if InteractiveCoder.parse(line) == .back { position -= 1; continue }
                break
            }
            let segment = document.segments[numbers[position] - 1]
            here = codingsOnDisk()
            show(segment, codings: here)
            console.out("codes> ")
            guard let line = console.readLine() else {
                console.line("")
                break
            }
            switch InteractiveCoder.parse(line) {
            case .quit:
                position = numbers.count + 1
                continue
            case .skip:
                try review.mark(coder: coder, document: document, segments: [segment.number])
                position += 1
            case .back:
                position = max(0, position - 1)
            case .help:
                printHelp()
            case .memo(let text):
                let path = try MemoStore(root: project.root).append("¶\(segment.number): \(text)", to: .document(document.id), author: coder, date: Clock.minute(iso: time))
                console.line("  memo saved in \(path)")
            case .codes(let names, let memo):
                guard let codes = resolve(names) else { unknownCodes += 1; continue }
                let result = try tagger.tag(document, spans: [segment.range], codes: codes, memo: memo)
                tagged += result.added.count
                console.line("  saved: " + codes.map(\.path).joined(separator: ", "))
                here += result.added
                try review.mark(coder: coder, document: document, segments: [segment.number])
                position += 1
            case .remove(let names):
                guard let codes = resolve(names) else { unknownCodes += 1; continue }
                let gone = try tagger.remove(document, spans: [segment.range], codes: codes)
                removed += gone.count
                console.line(gone.isEmpty ? "  nothing to remove" : "  removed: " + gone.map(\.code).joined(separator: ", "))
                let goneKeys = Set(gone.map(\.key))
                here.removeAll { goneKeys.contains($0.key) }
            }
        }
        console.line("Done: \(tagged) coding\(plural(tagged)) added, \(removed) removed.")
        return (tagged, removed, unknownCodes)
    }

    private func resolve(_ names: [String]) -> [Code]? {
        var codes: [Code] = []
        for name in names {
            switch InteractiveCoder.match(name, in: project.codebook) {
            case .success(let code): codes.append(code)
            case .failure(let error):
                console.line("  " + error.diagnostic.message + (error.diagnostic.hint.map { " (\($0))" } ?? ""))
                return nil
            }
        }
        return codes.isEmpty ? nil : codes
    }

    /// Shows the segment between its neighbours, and which of `codings` (this document's) lie on it.
    private func show(_ segment: Segment, codings: [Coding]) {
        let width = max(40, console.width)
        console.line("")
        if let previous = document.segment(segment.number - 1) {
            console.line("  ¶\(previous.number) \(previous.speaker.map { $0 + ": " } ?? "")\(previous.text.collapsingWhitespace().truncated(to: width - 12))")
        }
        let label = "¶\(segment.number)" + (segment.timestamp.map { " [\($0.text)]" } ?? "") + (segment.speaker.map { " \($0):" } ?? "")
        console.line("▶ " + label)
        for line in DisplayWidth.wrap(String(segment.text), width: width - 4) { console.line("    " + line) }
        if let next = document.segment(segment.number + 1) {
            console.line("  ¶\(next.number) \(next.speaker.map { $0 + ": " } ?? "")\(next.text.collapsingWhitespace().truncated(to: width - 12))")
        }
        let here = codings.filter { $0.segments.contains(segment.number) }
        if !here.isEmpty {
            console.line("  coded: " + here.map { "\($0.code) (\($0.coder))" }.joined(separator: ", "))
        }
    }

    private func printHelp() {
        for code in project.codebook.codes {
            console.line(String(repeating: "  ", count: code.depth) + code.name + (code.definition.isEmpty ? "" : " — " + code.definition.truncated(to: 70)))
        }
        console.line("Commands: names or unique starts separated by commas, then `-- memo` if you like; `-name` removes; "
            + "`:m TEXT` memo; Enter or `:s` skip; `:b` back; `:q` quit (or the words memo, skip, back, quit).")
    }
}
