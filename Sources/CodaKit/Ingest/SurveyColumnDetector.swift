/// Decides what each survey column holds when the `.columns` file does not say.
///
/// - the id column: see `idColumn`; a row-number column is the last choice, and is otherwise ignored;
/// - multiple: answers joined as the tool joins checkboxes (`A, B`) from a few recurring options;
/// - number: every answer a number, more than seven different ones (ages, incomes);
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
        // A long question (a form tool's header) is keyed by its first four words.
        let words = header.split(whereSeparator: \.isWhitespace)
        let source = words.count > 4 ? words.prefix(4).joined(separator: " ") : header
        for scalar in source.lowercased().unicodeScalars {
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

    /// Indonesian and other headers that name a respondent's code.
    static let codeHeaders: Set<String> = [
        "kode", "kode responden", "id responden", "responden", "no responden", "nomor responden", "kode peserta",
        "respondent code", "participant code", "code", "kode informan", "informan",
    ]

    /// The respondent id column, in order of trust: a column named as an id (`id`, `respondent`, `kode`) that is
    /// not a mere row number; a column of unique codes such as `R001`; the export tool's own id; any column of
    /// unique short values that is not a row number; and only then a row-number column (`No` 1, 2, 3, …).
    /// With `anyUnique` false (form tools, whose columns are answers), only named and code columns qualify.
    static func idColumn(header: [String], rows: [[String]], skipping: Set<Int> = [], fallbacks: [Int] = [],
                         anyUnique: Bool = true) -> Int? {
        let values = { (index: Int) in rows.map { $0[index].trimmingWhitespace() } }
        let unique = { (index: Int) -> Bool in
            let v = values(index)
            return !v.isEmpty && v.allSatisfy { !$0.isEmpty && $0.count <= 40 } && Set(v).count == v.count
        }
        let open = header.indices.filter { !skipping.contains($0) }
        let named = open.filter { idHeaders.union(codeHeaders).contains(normalized(header[$0])) }
        if let best = named.first(where: { unique($0) && !isRowNumber(values($0)) }) { return best }
        if let codes = open.first(where: { unique($0) && looksLikeCodes(values($0)) }) { return codes }
        if let best = named.first(where: unique) { return best }
        if let tool = fallbacks.first(where: unique) { return tool }
        let plain = open.filter { unique($0) && !isRowNumber(values($0)) && !isTimestamp(values($0)) }
        if anyUnique, let any = plain.first { return any }
        return open.first { unique($0) && isRowNumber(values($0)) }
    }

    static func normalized(_ header: String) -> String {
        header.lowercased().trimmingWhitespace().trimmingCharacters(in: ".:#")
    }

    /// 1, 2, 3, … in row order: the numbering a spreadsheet adds, not an identity.
    static func isRowNumber(_ values: [String]) -> Bool {
        let numbers = values.compactMap { Int($0) }
        guard numbers.count == values.count, let first = numbers.first else { return false }
        return numbers.enumerated().allSatisfy { $0.element == first + $0.offset }
    }

    /// Codes such as `R001` or `P-12`: letters with digits, no spaces.
    static func looksLikeCodes(_ values: [String]) -> Bool {
        values.allSatisfy { v in
            !v.contains(" ") && v.contains(where: \.isLetter) && v.contains(where: \.isASCIIDigit) && !v.contains(":")
        }
    }

    static func isTimestamp(_ values: [String]) -> Bool {
        values.allSatisfy {
            $0.contains(":") && $0.contains(where: \.isASCIIDigit) && ($0.contains("/") || $0.contains("-"))
        }
    }

    static func kind(header: String, values: [String], dialect: SurveyDialect = .plain,
                     decimalComma: Bool = false) -> SurveyColumn.Kind {
        let answers = values.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !answers.isEmpty else { return .ignore }
        let distinct = Set(answers).count
        if answers.count == values.count, answers.count > 2, isRowNumber(answers) { return .ignore }
        let closedLimit = max(12, min(30, answers.count / 20))
        if dialect != .koboToolbox, dialect != .limeSurvey,
           SurveyChoices.looksMultiple(answers, separator: dialect.choiceSeparator, closedLimit: closedLimit) {
            return .multiple
        }
        let numbers = answers.compactMap { SurveyNumber.parse($0, decimalComma: decimalComma) }
        if numbers.count == answers.count && Set(numbers).count > 7 { return .number }
        let words = answers.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
        let averageWords = Double(words) / Double(answers.count)
        if LikertScale.matching(answers) != nil { return .closed }
        if averageWords >= 3 && Double(distinct) >= 0.8 * Double(answers.count) { return .open }
        if distinct <= closedLimit && (distinct < answers.count || distinct <= 2) {
            return looksLikeQuestion(header) || dialect.headersAreQuestions
                ? .closed : .attribute
        }
        if averageWords >= 3 && Double(distinct) >= 0.5 * Double(answers.count) { return .open }
        return .attribute
    }
}
