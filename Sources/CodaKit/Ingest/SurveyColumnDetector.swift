/// Decides what each survey column holds when the `.columns` file does not say.
///
/// - the id column: a header such as `id`, `respondent`, `case`; else the first column whose values are all
///   present and different;
/// - open: free text (three words or more on average, and most answers different from each other);
/// - closed: at most 12 distinct answers (or at most 5% of respondents, up to 30);
/// - attribute: anything else, and closed-looking columns whose header is not a question
///   (a question ends with `?` or starts with a number such as `Q3`).
enum SurveyColumnDetector {
    static let idHeaders: Set<String> = [
        "id", "respondent", "respondent id", "respondent_id", "respondentid", "response id", "responseid", "response_id",
        "case", "case id", "case_id", "caseid", "participant", "participant id", "participant_id", "record id", "record_id",
    ]

    /// `Q5` for `Q5. What would…`, `3` for `3) How…`: a short numbering token at the start of a header.
    static func numberingToken(_ header: String) -> String? {
        let scalars = Array(header.unicodeScalars)
        var i = 0
        while i < scalars.count, i < 3, scalars[i].properties.isAlphabetic { i += 1 }
        var digits = 0
        while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1; digits += 1 }
        guard digits > 0 else { return nil }
        // An optional sub-question letter: Q5a.
        if i < scalars.count, scalars[i].properties.isLowercase,
           i + 1 == scalars.count || !scalars[i + 1].properties.isAlphabetic { i += 1 }
        guard i == scalars.count || ".:)_- \t".unicodeScalars.contains(scalars[i]) else { return nil }
        return String(String.UnicodeScalarView(scalars[0..<i]))
    }

    static func key(for header: String) -> String {
        if let token = numberingToken(header) { return token }
        var slug = ""
        var pendingUnderscore = false
        for scalar in header.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingUnderscore && !slug.isEmpty { slug += "_" }
                slug.unicodeScalars.append(scalar)
                pendingUnderscore = false
            } else {
                pendingUnderscore = true
            }
        }
        return slug.isEmpty ? "column" : String(slug.prefix(40))
    }

    static func looksLikeQuestion(_ header: String) -> Bool {
        header.trimmingWhitespace().hasSuffix("?") || numberingToken(header) != nil
    }

    static func idColumn(header: [String], rows: [[String]]) -> Int? {
        if let named = header.firstIndex(where: { idHeaders.contains($0.lowercased().trimmingWhitespace()) }) { return named }
        for index in header.indices {
            let values = rows.map { $0[index].trimmingWhitespace() }
            if values.allSatisfy({ !$0.isEmpty && $0.count <= 40 }), Set(values).count == values.count, !values.isEmpty {
                return index
            }
        }
        return nil
    }

    static func kind(header: String, values: [String]) -> SurveyColumn.Kind {
        let answers = values.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !answers.isEmpty else { return .ignore }
        let distinct = Set(answers).count
        let words = answers.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
        let averageWords = Double(words) / Double(answers.count)
        if averageWords >= 3 && Double(distinct) >= 0.8 * Double(answers.count) { return .open }
        let closedLimit = max(12, min(30, answers.count / 20))
        if distinct <= closedLimit && (distinct < answers.count || distinct <= 2) {
            return looksLikeQuestion(header) ? .closed : .attribute
        }
        if averageWords >= 3 && Double(distinct) >= 0.5 * Double(answers.count) { return .open }
        return .attribute
    }
}
