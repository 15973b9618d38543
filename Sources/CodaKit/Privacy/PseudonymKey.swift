/// The key of a pseudonymisation: which identifier became which pseudonym, and, once applied, every line
/// it changed in every file (before and after), with a fingerprint of each file's bytes before and after.
/// The lines make `--reverse` exact to the byte and let a run that was interrupted be finished or undone.
///
///     person	José Nguyễn	P01
///     state	applied
///     file	Transcripts/P01.md	<before>	<after>
///     -	12	<the line as it was>
///     +	12	<the line as it is now>
struct PseudonymKey: Sendable {
    enum State: String, Sendable {
        /// Names and pseudonyms only: nothing has been changed yet.
        case proposed
        /// The files are being rewritten: each is either as before or as after.
        case applying
        case applied
        /// The files were restored; the names can be applied again.
        case reversed
    }

    struct FilePatch: Sendable, Equatable {
        struct Line: Sendable, Equatable {
            /// 0-based line number.
            var number: Int
            var old: String
            var new: String
        }

        var path: String
        var before: String
        var after: String
        var lines: [Line]
    }

    var entries: [PseudonymEntry]
    var state: State = .proposed
    var files: [FilePatch] = []

    static let header = """
        # Coda pseudonymisation key. Keep it private and out of the project (and out of git): it turns the
        # pseudonyms back into names, and, once applied, holds the original lines of every changed file.
        # One identifier per line: kind (person, email, phone), the real text, its pseudonym, separated by tabs.
        # Change a pseudonym (or add a line) before `coda pseudonymise --key FILE --apply`.
        """

    func render() -> String {
        var out = PseudonymKey.header + "\n"
        for entry in entries {
            let fields = [entry.kind.rawValue, entry.real, entry.pseudonym]
            out += fields.map(CodingFile.escape).joined(separator: "\t") + "\n"
        }
        out += "state\t\(state.rawValue)\n"
        for file in files {
            out += ["file", file.path, file.before, file.after].map(CodingFile.escape).joined(separator: "\t") + "\n"
            for line in file.lines {
                out += "-\t\(line.number + 1)\t\(CodingFile.escape(line.old))\n"
                out += "+\t\(line.number + 1)\t\(CodingFile.escape(line.new))\n"
            }
        }
        return out
    }

    static func parse(_ text: String, path: String) throws(PseudonymError) -> PseudonymKey {
        var key = PseudonymKey(entries: [])
        var pendingOld: (Int, String)?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { CodingFile.unescape($0) }
            let bad = PseudonymError.badKeyLine(path: path, line: index + 1)
            switch fields[0] {
            case "state":
                guard fields.count == 2, let state = State(rawValue: fields[1]) else { throw bad }
                key.state = state
            case "file":
                guard fields.count == 4 else { throw bad }
                key.files.append(FilePatch(path: fields[1], before: fields[2], after: fields[3], lines: []))
            case "-":
                guard fields.count == 3, let number = Int(fields[1]), number >= 1, !key.files.isEmpty else { throw bad }
                pendingOld = (number - 1, fields[2])
            case "+":
                guard fields.count == 3, let number = Int(fields[1]), let old = pendingOld, old.0 == number - 1 else {
                    throw bad
                }
                key.files[key.files.count - 1].lines.append(FilePatch.Line(number: old.0, old: old.1, new: fields[2]))
                pendingOld = nil
            default:
                guard let kind = PseudonymEntry.Kind(rawValue: fields[0]), fields.count == 3 else { throw bad }
                let real = fields[1].trimmingWhitespace()
                let pseudonym = fields[2].trimmingWhitespace()
                guard !real.isEmpty, !pseudonym.isEmpty else { throw bad }
                key.entries.append(PseudonymEntry(real: real, pseudonym: pseudonym, kind: kind))
            }
        }
        return key
    }
}
