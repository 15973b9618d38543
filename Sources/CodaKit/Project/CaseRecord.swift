/// A case: the person or unit a researcher compares, joined from transcript headers (`case:`) and
/// survey rows (a respondent id equal to a transcript's case is the same case).
public struct CaseRecord: Sendable {
    public var id: String
    /// Attributes from transcript headers and survey attribute/closed columns, keys in lower case.
    public var attributes: [String: String]
    public var transcriptIDs: [String]
    public var surveyIDs: [String]

    public func attribute(_ key: String) -> String? { attributes[key.lowercased()] }
}

extension Project {
    /// Header keys that describe the document rather than the case.
    static let documentKeys: Set<String> = ["id", "case", "speakers"]
    /// Keys that describe one interview rather than the person: a case may have several values (before and after).
    static let perDocumentKeys: Set<String> = ["phase", "date", "language", "interviewer", "wave", "time", "duration", "location", "mode"]

    public func caseRecord(_ id: String) -> CaseRecord? {
        if let i = caseIndex[id] { return cases[i] }
        return cases.first { $0.id.lowercased() == id.lowercased() }
    }

    /// Every value an attribute takes, in cases, interview headers and survey-wide attributes.
    func values(of attribute: String) -> [String] {
        let key = attribute.lowercased()
        var values = Set<String>()
        for c in cases { if let v = c.attribute(key) { values.insert(v) } }
        for t in transcripts { if let v = t.attribute(key) { values.insert(v) } }
        for s in surveys { for (k, v) in s.attributes where k == key { values.insert(v) } }
        if key == "month" {
            for t in transcripts { if let d = t.attribute("date"), d.count >= 7 { values.insert(String(d.prefix(7))) } }
            for c in cases { if let d = c.attribute("date"), d.count >= 7 { values.insert(String(d.prefix(7))) } }
        }
        return values.sorted(by: naturalOrder)
    }

    /// Checks `--where` conditions: the attribute must exist and the value must occur somewhere.
    func validate(_ conditions: [(attribute: String, value: String)]) throws(ProjectError) {
        for (attribute, value) in conditions {
            guard attributeNames.contains(attribute.lowercased()) else {
                throw .unknownAttribute(name: attribute, suggestions: EditDistance.closest(to: attribute, in: attributeNames))
            }
            let known = values(of: attribute)
            guard known.contains(where: { $0.lowercased() == value.lowercased() }) else {
                throw .unknownAttributeValue(name: attribute, value: value, known: known)
            }
        }
    }

    /// A test of `--where` conditions on what a coding sits in (its document and case), values compared
    /// ignoring case; the wanted values are lower-cased once, not once per coding.
    func conditionTest(_ conditions: [(attribute: String, value: String)]) -> (_ document: Transcript, _ caseID: String) -> Bool {
        let wanted = conditions.map { (attribute: $0.attribute, value: $0.value.lowercased()) }
        return { document, caseID in
            let record = self.caseIndex[caseID].map { self.cases[$0] }
            return wanted.allSatisfy { self.attribute($0.attribute, document: document, case: record)?.lowercased() == $0.value }
        }
    }

    /// Checks `--coder`: someone who made codings (in any case), or when `allowingSuggestions`, the `auto` coder.
    func validateCoder(_ name: String, allowingSuggestions: Bool = false) throws(ProjectError) {
        guard coders.contains(where: { $0.lowercased() == name.lowercased() }) || (allowingSuggestions && name == CodingStore.suggestionCoder) else {
            throw .unknownCoder(name: name, coders: coders)
        }
    }

    /// The case with this id (in any case), or an error that suggests the closest ids.
    func knownCase(_ id: String) throws(ProjectError) -> CaseRecord {
        guard let record = caseRecord(id) else { throw .unknownCase(id: id, suggestions: EditDistance.closest(to: id, in: cases.map(\.id))) }
        return record
    }

    /// The attribute names that cases have, in a stable order (transcript header keys, then survey columns).
    public var attributeNames: [String] {
        var names: [String] = []
        var seen = Set<String>()
        for t in transcripts {
            for (key, _) in t.attributes where !Project.documentKeys.contains(key) && seen.insert(key).inserted { names.append(key) }
        }
        for s in surveys {
            for c in s.columns where c.isAttributeLike && seen.insert(c.key.lowercased()).inserted { names.append(c.key.lowercased()) }
        }
        for s in surveys {
            for (key, _) in s.attributes where seen.insert(key).inserted { names.append(key) }
        }
        // `month` is derived from `date` (YYYY-MM), for time-ordered displays.
        if seen.contains("date") && !seen.contains("month") { names.append("month") }
        return names
    }

    func casesAndConflicts() -> (cases: [CaseRecord], conflicts: [Diagnostic]) {
        var records: [String: CaseRecord] = [:]
        var origin: [String: [String: String]] = [:]
        var conflicts: [Diagnostic] = []
        func set(_ caseID: String, _ key: String, _ value: String, from source: String) {
            guard !value.isEmpty else { return }
            if let old = records[caseID]?.attributes[key], old != value {
                if Project.perDocumentKeys.contains(key) { return }
                conflicts.append(Diagnostic(.warning, at: SourceLocation(file: source),
                                            "case `\(caseID)` has \(key) `\(value)` here but `\(old)` in \(origin[caseID]?[key] ?? "another file")",
                                            hint: "make the values agree; the first one is used"))
                return
            }
            records[caseID]!.attributes[key] = value
            origin[caseID, default: [:]][key] = source
        }
        for t in transcripts {
            if records[t.caseID] == nil { records[t.caseID] = CaseRecord(id: t.caseID, attributes: [:], transcriptIDs: [], surveyIDs: []) }
            records[t.caseID]!.transcriptIDs.append(t.id)
            for (key, value) in t.attributes where !Project.documentKeys.contains(key) {
                set(t.caseID, key, value, from: t.path)
            }
        }
        for s in surveys {
            let attributeColumns = s.columns.filter(\.isAttributeLike)
            for r in s.respondents {
                if records[r.id] == nil { records[r.id] = CaseRecord(id: r.id, attributes: [:], transcriptIDs: [], surveyIDs: []) }
                records[r.id]!.surveyIDs.append(s.id)
                for c in attributeColumns { set(r.id, c.key.lowercased(), r.values[c.index], from: "\(s.path):\(r.line)") }
            }
        }
        // Each id's sort key is made once, not once per comparison: a corpus has ten thousand cases.
        let sorted = records.values.map { (NaturalKey($0.id), $0) }.sorted { naturalOrder($0.0, $1.0) }.map(\.1)
        return (sorted, conflicts)
    }

    /// Computes the cases once, when the project is loaded.
    mutating func computeCases() -> [Diagnostic] {
        let (cases, conflicts) = casesAndConflicts()
        self.cases = cases
        caseIndex = Dictionary(cases.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return conflicts
    }
}

/// Orders names as people expect: `P2` before `P10`, digits compared as numbers, letters ignoring case.
func naturalOrder(_ a: String, _ b: String) -> Bool {
    naturalOrder(NaturalKey(a), NaturalKey(b))
}

/// A name with its lower-cased scalars, made once for sorting many names in natural order.
struct NaturalKey {
    var text: String
    var scalars: [Unicode.Scalar]

    init(_ text: String) {
        self.text = text
        scalars = Array(text.lowercased().unicodeScalars)
    }
}

func naturalOrder(_ first: NaturalKey, _ second: NaturalKey) -> Bool {
    let x = first.scalars, y = second.scalars
    let a = first.text, b = second.text
    var i = 0, j = 0
    func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    while i < x.count && j < y.count {
        if isDigit(x[i]) && isDigit(y[j]) {
            var ei = i, ej = j
            while ei < x.count && isDigit(x[ei]) { ei += 1 }
            while ej < y.count && isDigit(y[ej]) { ej += 1 }
            var ni = i, nj = j
            while ni < ei - 1 && x[ni] == "0" { ni += 1 }
            while nj < ej - 1 && y[nj] == "0" { nj += 1 }
            if ei - ni != ej - nj { return ei - ni < ej - nj }
            for k in 0..<(ei - ni) where x[ni + k] != y[nj + k] { return x[ni + k].value < y[nj + k].value }
            i = ei
            j = ej
        } else {
            if x[i] != y[j] { return x[i].value < y[j].value }
            i += 1
            j += 1
        }
    }
    if x.count - i != y.count - j { return x.count - i < y.count - j }
    return a < b
}
