/// Builds a `Matrix` of any kind from the project's codings.
public enum MatrixBuilder {
    public static func build(_ project: Project, _ options: MatrixOptions) throws -> Matrix {
        try build(project, options, items: nil)
    }

    /// `items`: the codings of the same coder and conditions, when the caller already gathered them
    /// (the appendix builds several matrices from one set).
    static func build(_ project: Project, _ options: MatrixOptions, items cached: [CodingFilter.Item]?) throws -> Matrix {
        guard !project.codebook.codes.isEmpty else { throw CodebookError.empty }
        let filter = try CodingFilter(project: project, coder: options.kind == .codeCoder ? (options.coder ?? "all") : options.coder,
                                      conditions: options.conditions, withInterviewer: options.withInterviewer)
        let items = cached ?? filter.items()
        let selection = CodeSelection(codebook: project.codebook, roots: options.codeRoots, depth: options.depth, rollup: options.rollup)
        var matrix: Matrix
        var sources: String?
        if options.kind == .cooccurrence {
            guard selection.shown.count <= Cooccurrence.maximumCodes else {
                throw DisplayError.tooManyCodes(count: selection.shown.count, limit: Cooccurrence.maximumCodes)
            }
            matrix = Cooccurrence.matrix(items, selection: selection, within: options.within)
        } else {
            let groups = try grouping(project, options, items: items)
            matrix = codesByGroups(items, selection: selection, groups: groups, options: options)
            if options.kind == .checklist { matrix.respondentBases = SurveyStrength.bases(project, labels: groups.labels) }
            if options.kind == .attribute || options.kind == .time { sources = groupSources(items, selection: selection, groups: groups) }
            if options.kind == .caseCode || options.kind == .framework { matrix = matrix.transposed() }
        }
        matrix.title = title(options)
        let what = options.cell == .coverage ? "Coverage is of codings" : options.kind == .framework || options.cell == .summary ? "Cells draw on codings"
            : options.cell == .quotes ? "Quotes are codings" : "Counts are codings"
        matrix.notes.append("\(what): \(filter.description).")
        let pooledSurvey = (matrix.rows.labels + matrix.columns.labels).first { project.documentsByID[$0.lowercased()]?.isSurveyAnswers == true }
        if [.caseCode, .checklist, .framework].contains(options.kind) && !options.allCases, let pooledSurvey {
            matrix.notes.append("Survey answers are pooled per question (e.g. \(pooledSurvey)); an interviewee's own survey answer counts in their row; `--all-cases` shows each respondent.")
        }
        if let sources { matrix.notes.append("Where the codings come from: \(sources). Columns with different bases are not directly comparable.") }
        if options.rollup { matrix.notes.append("Parent codes include their children's codings.") }
        matrix.filterArguments = filter.retrieveArguments
        if items.isEmpty {
            matrix.notes.insert(project.humanCodings.isEmpty ? "No codings yet: tag segments with `coda tag` or `coda code`."
                                : "No codings match these filters.", at: 0)
        }
        if options.dropEmpty { matrix.dropEmpty() }
        return options.transpose ? turned(matrix, options: options) : titled(matrix, options: options)
    }

    /// `matrix` with its title naming its axes in their order.
    private static func titled(_ matrix: Matrix, options: MatrixOptions) -> Matrix {
        var matrix = matrix
        matrix.title = title(options) + ": " + axisName(matrix.rows.title) + " × " + axisName(matrix.columns.title)
        return matrix
    }

    /// A matrix `build` made for `options`, turned as `build` turns it with `transpose`: the appendix builds
    /// the case-code matrix once and shows it both ways.
    static func turned(_ matrix: Matrix, options: MatrixOptions) -> Matrix {
        titled(matrix.transposed(), options: options)
    }

    static func title(_ options: MatrixOptions) -> String {
        switch options.kind {
        case .caseCode: return "Case-ordered meta-matrix"
        case .attribute: return "Attribute-ordered matrix"
        case .time: return "Time-ordered matrix"
        case .checklist: return "Checklist matrix"
        case .cooccurrence: return "Code co-occurrence" + (options.within > 0 ? " within \(options.within) segment\(plural(options.within))" : " in the same segment")
        case .framework: return "Framework matrix"
        case .codeCoder: return "Code-coder matrix"
        }
    }

    /// For each column of an attribute or time matrix: how many interviews and survey respondents its codings come from.
    static func groupSources(_ items: [CodingFilter.Item], selection: CodeSelection, groups: Grouping) -> String {
        var interviews: [String: Set<String>] = [:]
        var respondents: [String: Set<String>] = [:]
        for item in items where !selection.targets(of: item).isEmpty {
            guard let label = groups.group(item) else { continue }
            if item.isSurvey {
                respondents[label, default: []].insert(item.caseID)
            } else {
                interviews[label, default: []].insert(item.coding.document)
            }
        }
        return groups.labels.map { label in
            let i = interviews[label]?.count ?? 0, s = respondents[label]?.count ?? 0
            var parts: [String] = []
            if i > 0 { parts.append("\(i) interview\(plural(i))") }
            if s > 0 { parts.append("\(s) survey respondent\(plural(s))") }
            return "\(label) " + (parts.isEmpty ? "none" : parts.joined(separator: " and "))
        }.joined(separator: "; ")
    }

    static func axisName(_ title: String) -> String {
        switch title {
        case "Code": return "codes"
        case "Case": return "cases"
        case "Coder": return "coders"
        default: return title
        }
    }

    struct Grouping {
        var title: String
        var labels: [String]
        var retrieve: (String) -> [String]
        var group: (CodingFilter.Item) -> String?
        /// Text length behind each group, for coverage.
        var textLength: [String: Int]
    }

    static func grouping(_ project: Project, _ options: MatrixOptions, items: [CodingFilter.Item]) throws -> Grouping {
        switch options.kind {
        case .caseCode, .checklist, .framework:
            // Interviewees are the cases; survey answers are pooled per question unless --all-cases.
            let interviewed = Set(project.transcripts.map(\.caseID))
            func group(_ documentID: String, isSurvey: Bool, _ caseID: String) -> String {
                options.allCases || interviewed.contains(caseID) || !isSurvey ? caseID : documentID
            }
            var ids = Set(items.map { group($0.documentID, isSurvey: $0.isSurvey, $0.caseID) })
            ids.formUnion(interviewed)
            if options.allCases { for c in project.cases { ids.insert(c.id) } }
            let pooled = ids.filter { id in project.documentsByID[id.lowercased()]?.isSurveyAnswers == true }
            let labels = ids.subtracting(pooled).sorted(by: naturalOrder) + pooled.sorted()
            return Grouping(title: "Case", labels: labels, retrieve: { pooled.contains($0) ? ["--document", $0, "--not-interviewed"] : ["--case", $0] },
                            group: { group($0.documentID, isSurvey: $0.isSurvey, $0.caseID) },
                            textLength: options.cell != .coverage ? [:] : lengths(project) { group($0.id, isSurvey: $0.isSurveyAnswers, $1) })
        case .attribute, .time:
            guard let by = options.by?.lowercased() else { throw DisplayError.needsBy(options.kind) }
            if options.kind == .time && by != "phase" && by != "month" { throw DisplayError.badTimeAxis(by) }
            guard project.attributeNames.contains(by) || by == "month" else {
                throw ProjectError.unknownAttribute(name: by, suggestions: EditDistance.closest(to: by, in: project.attributeNames))
            }
            let none = "(no \(by))"
            let value: (Transcript, String) -> String = { document, caseID in
                project.attribute(by, document: document, case: project.caseIndex[caseID].map { project.cases[$0] }) ?? none
            }
            let documents = project.documentsByID
            func itemValue(_ item: CodingFilter.Item) -> String {
                documents[item.documentID.lowercased()].map { value($0, item.caseID) } ?? none
            }
            let labels = orderedValues(project, items.map(itemValue), key: by)
            return Grouping(title: by, labels: labels, retrieve: { $0 == none ? [] : ["--where", "\(by)=\($0)"] },
                            group: itemValue, textLength: options.cell != .coverage ? [:] : lengths(project, value))
        case .codeCoder:
            let labels = Array(Set(items.map(\.coding.coder))).sorted(by: naturalOrder)
            return Grouping(title: "Coder", labels: labels, retrieve: { ["--coder", $0] }, group: { $0.coding.coder }, textLength: [:])
        case .cooccurrence:
            return Grouping(title: "", labels: [], retrieve: { _ in [] }, group: { _ in nil }, textLength: [:])
        }
    }

    /// Words that say where a phase lies in time, for ordering phases without dates.
    static func timeRank(_ value: String) -> Int? {
        let v = value.lowercased()
        if ["before", "pre", "baseline", "prior", "initial", "first"].contains(where: { v.hasPrefix($0) }) { return 0 }
        if ["during", "mid", "middle", "second"].contains(where: { v.hasPrefix($0) }) { return 1 }
        if ["after", "post", "follow", "final", "end", "third", "later"].contains(where: { v.hasPrefix($0) }) { return 2 }
        return nil
    }

    /// Attribute values in the order researchers expect: numbers and dates in their order; phases like
    /// before/during/after in time order; others by the date of the first interview that has them, then
    /// alphabetically; `(no KEY)` last.
    static func orderedValues(_ project: Project, _ values: [String], key: String) -> [String] {
        let none = "(no \(key))"
        let distinct = Array(Set(values))
        if distinct.allSatisfy({ $0.first?.isASCIIDigit ?? false || $0 == none }) {
            return distinct.sorted { $0 == none ? false : $1 == none ? true : naturalOrder($0, $1) }
        }
        let named = distinct.filter { $0 != none }
        if !named.isEmpty, named.allSatisfy({ timeRank($0) != nil }) {
            return named.sorted { (timeRank($0) ?? 0, $0) < (timeRank($1) ?? 0, $1) } + (distinct.contains(none) ? [none] : [])
        }
        let byDate = project.transcripts.sorted { ($0.attribute("date") ?? "~", $0.id) < ($1.attribute("date") ?? "~", $1.id) }
        var order: [String: Int] = [:]
        for (i, t) in byDate.enumerated() {
            if let v = key == "month" ? t.attribute("date").map({ String($0.prefix(7)) }) : t.attribute(key), order[v] == nil { order[v] = i }
        }
        return distinct.sorted { a, b in
            switch (order[a], order[b]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a == none ? false : b == none ? true : naturalOrder(a, b)
            }
        }
    }

    /// The length of the text (segment by segment) each group holds; `group` gets the document and the
    /// segment's case (in a survey's answers, the respondent).
    static func lengths(_ project: Project, _ group: (Transcript, String) -> String?) -> [String: Int] {
        var result: [String: Int] = [:]
        for document in project.documentsInOrder {
            for segment in document.segments where !segment.range.isEmpty {
                let caseID = document.caseID(ofSegment: segment.number)
                if let g = group(document, caseID) { result[g, default: 0] += segment.range.count }
            }
        }
        return result
    }

    static func codesByGroups(_ items: [CodingFilter.Item], selection: CodeSelection, groups: Grouping, options: MatrixOptions) -> Matrix {
        let index = Dictionary(groups.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var cells = Array(repeating: Array(repeating: [Coding](), count: groups.labels.count), count: selection.shown.count)
        for item in items {
            guard let g = groups.group(item), let column = index[g] else { continue }
            for row in selection.targets(of: item) { cells[row][column].append(item.coding) }
        }
        let columns = Matrix.Axis(title: groups.title, labels: groups.labels, retrieveArguments: groups.labels.map(groups.retrieve),
                                  depths: groups.labels.map { _ in 0 })
        let coverage: Matrix.CoverageBase? = groups.textLength.isEmpty ? nil : .columns(groups.labels.map { groups.textLength[$0] ?? 0 })
        return Matrix(kind: options.kind, title: "", rows: selection.axis, columns: columns, cells: cells, coverageBase: coverage)
    }
}
