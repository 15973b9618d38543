/// Gathers the evidence for each theme from the codings. Every number and quote in a draft comes from here.
struct ConclusionBuilder {
    var project: Project
    var filter: CodingFilter
    var attributes: [String]
    /// The codings drawn on, gathered once for all themes.
    var allItems: [CodingFilter.Item]
    /// Which codes (path, and its lower-cased key) apply to each segment (`document#number`), for co-occurrence.
    var codesBySegment: [String: [(path: String, key: String)]] = [:]
    /// The cases that have an interview, sorted.
    var interviewCases: [String] = []
    /// For each attribute: its values in display order, and each interview's value (by document id).
    var attributeValues: [(attribute: String, order: [String], valueOf: [String: String], interviews: [String: Int])] = []

    /// Contrasts are mentioned when two groups' shares of interviews with the theme differ by at least this many points.
    static let contrastPoints = 25.0

    /// `items`: the codings of `coder`, when the caller already gathered them (the appendix draws its matrices from the same).
    init(project: Project, coder: String?, by: [String], items: [CodingFilter.Item]? = nil, withInterviewer: Bool = false) throws {
        self.project = project
        self.filter = try CodingFilter(project: project, coder: coder, conditions: [], withInterviewer: withInterviewer)
        let names = project.attributeNames
        for a in by where !names.contains(a.lowercased()) {
            throw ProjectError.unknownAttribute(name: a, suggestions: EditDistance.closest(to: a, in: names))
        }
        self.attributes = by.isEmpty ? ["role", "phase"].filter { names.contains($0) } : by.map { $0.lowercased() }
        self.allItems = items ?? filter.items()
        interviewCases = Array(Set(project.transcripts.map(\.caseID))).sorted(by: naturalOrder)
        for item in allItems {
            for s in item.coding.segments { codesBySegment["\(item.coding.document)#\(s)", default: []].append((item.coding.code, item.codeKey)) }
        }
        // Interviews' attribute values do not depend on the theme: work them out once.
        let cases = Dictionary(project.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for attribute in attributes {
            var valueOf: [String: String] = [:]
            var counts: [String: Int] = [:]
            for t in project.transcripts {
                let v = project.attribute(attribute, document: t, case: cases[t.caseID]) ?? "(no \(attribute))"
                valueOf[t.id] = v
                counts[v, default: 0] += 1
            }
            let order = MatrixBuilder.orderedValues(project, Array(counts.keys), key: attribute)
            attributeValues.append((attribute, order, valueOf, counts))
        }
    }

    /// The evidence for one theme, with its verification checks; `agreement` is the main coder's with a second coder.
    func evidence(for theme: Code, agreement: Agreement? = nil) -> ThemeEvidence {
        let subtree = project.codebook.subtree(of: theme)
        let paths = Set(subtree.map { $0.path.lowercased() })
        let items = allItems.filter { paths.contains($0.codeKey) }
        let interviewCases = self.interviewCases
        let interviewItems = items.filter { !$0.isSurvey }
        let casesWithTheme = Array(Set(items.map(\.caseID)).intersection(interviewCases)).sorted(by: naturalOrder)
        var segmentKeys = Set<String>()
        for item in items { for s in item.coding.segments { segmentKeys.insert("\(item.coding.document)#\(s)") } }

        // Survey answers of respondents who were not interviewed.
        var surveyLines: [String] = []
        let interviewed = Set(interviewCases)
        for document in project.documentsInOrder where document.isSurveyAnswers {
            let answered = document.segments.filter { !$0.range.isEmpty && !interviewed.contains($0.speaker ?? "") }
            guard !answered.isEmpty else { continue }
            let coded = Set(items.filter { $0.documentID == document.id && !interviewed.contains($0.caseID) }.map(\.caseID))
            if coded.isEmpty && !items.contains(where: { $0.documentID == document.id }) { continue }
            let interviewees = document.segments.filter { !$0.range.isEmpty && interviewed.contains($0.speaker ?? "") }.count
            surveyLines.append("\(document.id), \(coded.count) of \(answered.count) respondents who answered (\(formatPercent(percent(coded.count, of: answered.count))))"
                + (interviewees > 0 ? "; the \(interviewees) interviewee\(plural(interviewees)) who answered count with their interviews" : ""))
        }

        let groups = attributeValues.map { groupsFor($0, items: interviewItems) }
        let contrasts = groups.flatMap(contrastsIn).sorted { $0.difference > $1.difference }

        // Codes outside the theme that share segments with it.
        var cooccurring: [String: Set<String>] = [:]
        for key in segmentKeys {
            for code in codesBySegment[key] ?? [] where !paths.contains(code.key) {
                cooccurring[code.path, default: []].insert(key)
            }
        }
        let topCooccurring = cooccurring.map { (code: $0.key, segments: $0.value.count) }
            .sorted { $0.segments != $1.segments ? $0.segments > $1.segments : $0.code < $1.code }.prefix(3)

        var evidence = ThemeEvidence(
            theme: theme, codes: subtree.map(\.path), interviewCases: interviewCases, casesWithTheme: casesWithTheme,
            segments: segmentKeys.count, codings: items.count, surveyLines: surveyLines, groups: groups, contrasts: Array(contrasts.prefix(3)),
            cooccurring: Array(topCooccurring), exemplars: exemplars(items), negativeCases: { let with = Set(casesWithTheme); return interviewCases.filter { !with.contains($0) } }(),
            oppositions: oppositions(subtree), triangulation: triangulation(subtree, items: items),
            checks: [])
        let memos = project.memos.filter { m in
            switch m.target {
            case .code(let p): return paths.contains(p.lowercased())
            case .project: return true
            case .document: return false
            }
        }.map(\.text) + items.map(\.coding.memo).filter { !$0.isEmpty }
        let marked = items.filter { EvidenceMark.negative.isIn($0.coding.memo) }.map(citation)
        evidence.checks = VerificationChecks.run(evidence, items: items, memos: memos, negativeCases: marked,
                                                 agreement: agreement.flatMap { ConclusionBuilder.themeAgreement($0, paths: paths) })
        return evidence
    }

    /// The kappa of each of one theme's codes that either coder used.
    static func themeAgreement(_ agreement: Agreement, paths: Set<String>) -> VerificationChecks.ThemeAgreement? {
        let rows = agreement.rows.filter { paths.contains($0.code.path.lowercased()) }
        guard !rows.isEmpty else { return nil }
        return VerificationChecks.ThemeAgreement(coders: "\(agreement.coderA) and \(agreement.coderB)",
                                                 kappas: rows.map { ($0.code.path, $0.result.cohensKappa) })
    }

    func groupsFor(_ values: (attribute: String, order: [String], valueOf: [String: String], interviews: [String: Int]),
                   items: [CodingFilter.Item]) -> [ThemeEvidence.Group] {
        var documents: [String: Set<String>] = [:]
        var segments: [String: Set<String>] = [:]
        for item in items {
            guard let v = values.valueOf[item.documentID] else { continue }
            documents[v, default: []].insert(item.documentID)
            for s in item.coding.segments { segments[v, default: []].insert("\(item.coding.document)#\(s)") }
        }
        return values.order.map { v in
            ThemeEvidence.Group(attribute: values.attribute, value: v, interviews: values.interviews[v] ?? 0,
                                withTheme: documents[v]?.count ?? 0, segments: segments[v]?.count ?? 0)
        }
    }

    func contrastsIn(_ groups: [ThemeEvidence.Group]) -> [ThemeEvidence.Contrast] {
        var result: [ThemeEvidence.Contrast] = []
        let named = groups.filter { !$0.value.hasPrefix("(no ") && $0.interviews > 0 }
        for (i, a) in named.enumerated() {
            for b in named[(i + 1)...] {
                guard let pa = a.share, let pb = b.share else { continue }
                let difference = abs(pa - pb)
                guard difference >= ConclusionBuilder.contrastPoints else { continue }
                let (high, low) = pa >= pb ? (a, b) : (b, a)
                result.append(ThemeEvidence.Contrast(attribute: a.attribute, high: high, low: low, difference: difference,
                                                     smallGroups: min(a.interviews, b.interviews) < 2))
            }
        }
        return result
    }

    /// Up to three quotes from different cases, the most typical of each, cases with the most codings first.
    func exemplars(_ items: [CodingFilter.Item]) -> [ThemeEvidence.Exemplar] {
        let byCase = Dictionary(grouping: items, by: \.caseID)
        let keys = byCase.map { (id: $0.key, interview: $0.value.contains { !$0.isSurvey }, count: $0.value.count) }
        let order = keys.sorted { a, b in
            if a.interview != b.interview { return a.interview }
            return a.count != b.count ? a.count > b.count : naturalOrder(a.id, b.id)
        }.map(\.id)
        var result: [ThemeEvidence.Exemplar] = []
        for caseID in order.prefix(3) {
            let group = (byCase[caseID] ?? []).sorted { ($0.coding.document, $0.coding.start) < ($1.coding.document, $1.coding.start) }
            guard let (best, words) = MatrixReport.typical(group.map(\.coding), project: project, limit: 320) else { continue }
            result.append(ThemeEvidence.Exemplar(text: words, citation: citation(group[best])))
        }
        return result
    }

    func citation(_ item: CodingFilter.Item) -> String {
        Citation.text(document: item.documentID, caseID: item.caseID, segments: item.coding.segmentLabel)
    }

    func oppositions(_ subtree: [Code]) -> [ThemeEvidence.Opposition] {
        var result: [ThemeEvidence.Opposition] = []
        var seen = Set<String>()
        for code in subtree {
            for name in code.opposes {
                guard let opposite = try? project.codebook.resolve(name) else { continue }
                let pair = [code.path, opposite.path].sorted().joined(separator: "|")
                guard seen.insert(pair).inserted else { continue }
                let codeKey = code.path.lowercased(), oppositeKey = opposite.path.lowercased()
                let withCode = allItems.filter { $0.codeKey == codeKey }
                let withOpposite = allItems.filter { $0.codeKey == oppositeKey }
                let quotes = withOpposite.prefix(3).map {
                    ThemeEvidence.Exemplar(text: MatrixReport.quoteText($0.coding, project: project).truncated(to: 240), citation: citation($0))
                }
                result.append(ThemeEvidence.Opposition(code: code.path, opposite: opposite.path,
                                                       casesWithCode: Array(Set(withCode.map(\.caseID))).sorted(by: naturalOrder),
                                                       casesWithOpposite: Array(Set(withOpposite.map(\.caseID))).sorted(by: naturalOrder),
                                                       quotes: Array(quotes)))
            }
        }
        return result
    }

    func triangulation(_ subtree: [Code], items: [CodingFilter.Item]) -> [ThemeEvidence.Triangulation] {
        var result: [ThemeEvidence.Triangulation] = []
        for code in subtree {
            guard let text = code.survey, let link = SurveyLink(text), case .success(let (survey, column)) = project.resolve(link) else { continue }
            let answered = survey.respondents.filter { !AnswerSpellings.key($0.values[column.index]).isEmpty }
            var surveyText: String
            if let answer = link.answer {
                let n = answered.filter { column.chose(answer, in: $0.values[column.index]) }.count
                surveyText = "\(n) of \(answered.count) respondents (\(formatPercent(percent(n, of: answered.count)))) answered “\(answer)” to \(column.key) (\(column.header))"
            } else {
                let f = SurveyFrequency(survey: survey, column: column)
                surveyText = "\(column.key) (\(column.header)): " + f.answers.map { "\($0.answer) \($0.count) (\(formatPercent($0.percent)))" }.joined(separator: ", ")
                    + " of \(f.answered) respondents"
            }
            let codeKey = code.path.lowercased()
            let codeItems = items.filter { $0.codeKey == codeKey }
            let casesCoded = Set(codeItems.map(\.caseID))
            let inInterviews = interviewCases.filter { casesCoded.contains($0) }
            let interviewText = "\(code.name) was coded in \(inInterviews.count) of \(interviewCases.count) interview cases (\(formatPercent(percent(inInterviews.count, of: interviewCases.count))))"
            // Interviewees who also answered the survey: does their answer agree with the coding?
            let byID = Dictionary(survey.respondents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let respondents = interviewCases.compactMap { caseID -> (caseID: String, answer: String, coded: Bool)? in
                guard let r = byID[caseID] else { return nil }
                return (caseID, r.values[column.index], casesCoded.contains(caseID))
            }
            result.append(ThemeEvidence.Triangulation(code: code.path, link: "\(survey.id):\(column.key)" + (link.answer.map { " = \($0)" } ?? ""),
                                                      surveyText: surveyText, interviewText: interviewText, respondents: respondents))
        }
        return result
    }
}
