/// A survey's cells as read from its file, before column kinds are decided: the header, the short keys where
/// the export gives them apart from the question text, the respondents' rows, and what the exporting tool's
/// shape already says about some columns (metadata to leave out, multiple-choice questions, its own ids).
struct SurveyTable {
    var header: [String]
    var records: [CSVReader.Record]
    /// Keys the export gives (Qualtrics' `Q1`, Kobo's question name); nil where the key comes from the header.
    var keys: [String?]
    var dialect: SurveyDialect = .plain
    /// Kinds the tool's shape settles (metadata is `ignore`, option groups are `multiple`).
    var known: [Int: SurveyColumn.Kind] = [:]
    /// The tool's own response ids (Qualtrics `ResponseId`, Kobo `_uuid`), used when no better column fits.
    var idFallbacks: [Int] = []
    /// Numbers are written with a decimal comma (`3,5`), as in `;`-separated exports.
    var decimalComma = false

    init(header: [String], records: [CSVReader.Record]) {
        self.header = header
        self.records = records
        keys = Array(repeating: nil, count: header.count)
    }

    func values(_ index: Int) -> [String] { records.map { $0.fields[index] } }

    /// Recognises the exporting tool and applies what its shape says.
    mutating func applyDialect(separator: UInt8) {
        dialect = SurveyDialect.detect(self, separator: separator)
        decimalComma = separator == UInt8(ascii: ";")
        switch dialect {
        case .qualtrics: applyQualtrics()
        case .googleForms: known[0] = .ignore
        case .koboToolbox: applyKobo()
        case .limeSurvey: applyLimeSurvey()
        case .plain, .excel: break
        }
    }

    /// Marks columns whose lower-cased header is in `names` as metadata; those in `ids` become id fallbacks.
    mutating func ignore(_ names: Set<String>, ids: [String] = []) {
        for (index, name) in header.enumerated() {
            let folded = [name, keys[index] ?? name].map { $0.lowercased().trimmingWhitespace() }
            if folded.contains(where: names.contains) { known[index] = .ignore }
        }
        for id in ids {
            if let index = header.indices.first(where: {
                [header[$0], keys[$0] ?? ""].contains { $0.lowercased() == id }
            }) {
                known[index] = .ignore
                idFallbacks.append(index)
            }
        }
    }
}
