import Foundation

/// Finds what identifies participants in a project: speaker labels, names in transcript headers, the
/// survey's name, phone and email columns, email addresses and phone numbers anywhere in the text, and a
/// researcher's own list. Each becomes a key entry with a proposed pseudonym.
struct IdentifierFinder {
    static let nameHeaderKeys: Set<String> = [
        "name", "names", "nama", "full_name", "participant", "participant_name", "interviewee", "interviewer",
        "interviewer_name", "respondent_name", "speakers",
    ]
    static let columnWords = ["name", "nama", "phone", "telephone", "telepon", "mobile", "email", "e-mail", "whatsapp"]

    /// Candidates in order of discovery, before pseudonyms are chosen.
    var found: [(real: String, kind: PseudonymEntry.Kind)] = []

    mutating func add(_ real: String, _ kind: PseudonymEntry.Kind) {
        let real = real.trimmingWhitespace()
        guard !real.isEmpty else { return }
        if kind == .person && PseudonymEntry.isRole(real) { return }
        found.append((real, kind))
    }

    mutating func scan(_ project: Project) {
        for transcript in project.transcripts {
            for (key, value) in transcript.attributes where IdentifierFinder.nameHeaderKeys.contains(key) {
                for part in value.split(separator: ",") { add(String(part), .person) }
            }
            for speaker in transcript.speakers { add(speaker, .person) }
        }
        for survey in project.surveys {
            for column in survey.columns where column.kind != .id && isIdentifierColumn(column.header) {
                for respondent in survey.respondents where column.index < respondent.values.count {
                    let value = respondent.values[column.index]
                    add(value, value.contains("@") ? .email : value.filter(\.isNumber).count >= 7 ? .phone : .person)
                }
            }
            // Respondents identified by their names rather than by codes such as `R017`.
            if let id = survey.idColumn {
                for respondent in survey.respondents where id < respondent.values.count {
                    let value = respondent.values[id]
                    if value.first?.isUppercase == true, !value.contains(where: \.isNumber), value.count >= 3 {
                        add(value, .person)
                    }
                }
            }
        }
    }

    /// A short header (not a question) that names a name, phone or email column: `Name`, `Mobile phone`, `E-mail`.
    func isIdentifierColumn(_ header: String) -> Bool {
        let words = NameToken.tokens(Array(header.unicodeScalars)).map(\.folded)
        guard words.count <= 4, !header.contains("?") else { return false }
        return IdentifierFinder.columnWords.contains { word in words.contains(word) || header.lowercased() == word }
    }

    /// Email addresses and phone numbers (9 to 15 digits, with `+`, spaces, dots, hyphens or brackets) in a text.
    mutating func scanContacts(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "@", let email = email(around: i, in: scalars) {
                add(email.text, .email)
                i = email.end
            } else if let phone = phone(at: i, in: scalars) {
                add(phone.text, .phone)
                i = phone.end
            } else {
                i += 1
            }
        }
    }

    private func email(around at: Int, in s: [Unicode.Scalar]) -> (text: String, end: Int)? {
        func local(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (NameFolding.isWordScalar(c) || "._%+-".unicodeScalars.contains(c))
        }
        func domain(_ c: Unicode.Scalar) -> Bool { c.isASCII && (NameFolding.isWordScalar(c) || c == "." || c == "-") }
        var start = at
        while start > 0, local(s[start - 1]) { start -= 1 }
        var end = at + 1
        while end < s.count, domain(s[end]) { end += 1 }
        while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
        let host = String(String.UnicodeScalarView(s[(at + 1)..<end]))
        guard start < at, host.contains("."), !host.hasPrefix(".") else { return nil }
        return (String(String.UnicodeScalarView(s[start..<end])), end)
    }

    private func phone(at start: Int, in s: [Unicode.Scalar]) -> (text: String, end: Int)? {
        let first = s[start]
        guard first == "+" || first == "(" || ("0"..."9").contains(first) else { return nil }
        if start > 0, NameFolding.isWordScalar(s[start - 1]) || s[start - 1] == "." || s[start - 1] == "+" {
            return nil
        }
        var end = start
        var digits = 0
        var lastDigitEnd = start
        var gap = 0
        while end < s.count, gap < 2 {
            let c = s[end]
            if ("0"..."9").contains(c) {
                digits += 1
                lastDigitEnd = end + 1
                gap = 0
            } else if c == "(" || c == ")" {
                // Brackets around an area code do not count as a gap: `(0411) 123 4567`.
            } else if " -.+".unicodeScalars.contains(c) {
                gap += 1
            } else {
                break
            }
            end += 1
        }
        if lastDigitEnd < s.count, NameFolding.isWordScalar(s[lastDigitEnd]) || s[lastDigitEnd] == ":" { return nil }
        let text = String(String.UnicodeScalarView(s[start..<lastDigitEnd]))
        if text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil { return nil }
        guard (9...15).contains(digits) else { return nil }
        return (text, lastDigitEnd)
    }

    /// A researcher's list: one name per line, optionally `Name = Pseudonym`; `#` starts a comment.
    static func readNames(_ text: String) -> [(real: String, pseudonym: String?)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let line = line.trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            guard let equals = line.firstIndex(of: "=") else { return (line, nil) }
            let pseudonym = line[line.index(after: equals)...].trimmingWhitespace()
            return (line[..<equals].trimmingWhitespace(), pseudonym.isEmpty ? nil : pseudonym)
        }
    }
}
