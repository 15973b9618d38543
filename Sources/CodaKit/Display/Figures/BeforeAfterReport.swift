import Foundation

/// `coda compare NAME`: a before/after display built from the project's figures, surveys and codings, with a
/// numbered source for every number.
enum BeforeAfterReport {
    static func displays(in root: URL) -> [(id: String, path: String, url: URL)] {
        let folder = root.appendingPathComponent(FigureStore.folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.filter { $0.lowercased().hasSuffix(".compare") }
            .map { (String($0.dropLast(8)), "\(FigureStore.folder)/\($0)", folder.appendingPathComponent($0)) }
    }

    static func report(_ project: Project, name: String) throws -> Report {
        let all = displays(in: project.root)
        guard let file = all.first(where: { $0.id.lowercased() == name.lowercased() }) else {
            throw BeforeAfterError.unknownDisplay(name: name, available: all.map(\.id))
        }
        let display = try BeforeAfter.parse(
            try ProjectLoader.text(of: file.url, path: file.path), path: file.path, id: file.id)
        return try report(display, project: project)
    }

    static func report(_ display: BeforeAfter, project: Project) throws -> Report {
        var sources: [String] = []
        func cite(_ source: String) -> String {
            if let i = sources.firstIndex(of: source) { return "[\(i + 1)]" }
            sources.append(source)
            return "[\(sources.count)]"
        }
        var table = Table(
            title: display.title,
            columns: [
                Table.Column("Aspect"), Table.Column("Before"), Table.Column("After"),
                Table.Column("Codings before → after"),
            ])
        // CSV: each number's source in a column beside it, as the [n] notes under the table are not in a CSV.
        var machine = Table(
            columns: ["Aspect", "Before", "Before source", "After", "After source", "Codings before → after"]
                .map { Table.Column($0) })
        let counts = try codingCounts(display.rows.flatMap(\.codes), project: project)
        for row in display.rows {
            let before = try cell(row.before, row: row, display: display, project: project)
            let after = try cell(row.after, row: row, display: display, project: project)
            func cited(_ value: (text: String, source: String?)) -> String {
                value.source.map { "\(value.text) \(cite($0))" } ?? value.text
            }
            let codings = row.codes.map { code in
                let (b, a) = counts[code] ?? (0, 0)
                return "\(code) \(b) → \(a)"
            }.joined(separator: "; ")
            table.append([Cell(row.aspect), Cell(cited(before)), Cell(cited(after)), Cell(codings)])
            machine.append([row.aspect, before.text, before.source ?? "", after.text, after.source ?? "", codings]
                .map { Cell($0) })
        }
        if !display.rows.flatMap(\.codes).isEmpty {
            let coder = project.settings.mainCoder.map { " by \($0) (the main coder)" } ?? ""
            table.notes.append(
                "Codings\(coder) in documents whose phase is before or after (the code and its subcodes), "
                    + "as the time-ordered matrix by phase counts them; `coda matrix time --by phase` shows them.")
        }
        table.notes += sources.enumerated().map { "[\($0.offset + 1)] \($0.element)" }
        var report = Report(title: display.title)
        report.add(.table(table))
        report.machineTable = machine
        return report
    }

    /// `figure NAME [ROW]`, `survey SURVEY:QUESTION = ANSWER`, or text as written; with the number's source.
    static func cell(
        _ reference: String, row: BeforeAfter.Row, display: BeforeAfter, project: Project
    ) throws -> (text: String, source: String?) {
        let words = reference.split(separator: " ", maxSplits: 2).map(String.init)
        let fail = { (reason: String) in
            BeforeAfterError.badReference(file: display.path, line: row.line, reference: reference, reason: reason)
        }
        if words.first?.lowercased() == "figure", words.count >= 2 {
            guard let figure = project.figures.first(where: { $0.id.lowercased() == words[1].lowercased() }) else {
                throw fail("there are no figures called `\(words[1])` in Figures/")
            }
            let source = (["\(figure.path): \(figure.source)"] + figure.notes).joined(separator: ". ")
            let unit = figure.unit.isEmpty ? "" : " \(figure.unit)"
            if words.count == 3 {
                guard let value = figure.value(words[2]) else {
                    throw fail("`\(figure.id)` has no number for `\(words[2])`")
                }
                return ("\(Chart.format(value))\(unit) (\(words[2]))", source)
            }
            let parts = figure.rows.map { "\($0.label) \($0.values.first.flatMap { $0 }.map(Chart.format) ?? "–")" }
            let total = figure.rows.compactMap { $0.values.first.flatMap { $0 } }.reduce(0, +)
            return (parts.joined(separator: ", ") + unit + " (\(Chart.format(total)) in all)", source)
        }
        if words.first?.lowercased() == "survey", words.count >= 2 {
            let rest = reference.dropFirst(6).trimmingWhitespace()
            guard let link = SurveyLink(rest), let answer = link.answer,
                case .success(let (survey, column)) = project.resolve(link)
            else {
                throw fail("not a survey question and answer in this project")
            }
            let frequency = SurveyFrequency(survey: survey, column: column)
            let count = survey.respondents.filter { column.chose(answer, in: $0.values[column.index]) }.count
            let share = formatPercent(percent(count, of: frequency.answered))
            return ("\(count) of \(frequency.answered) respondents (\(share)) answered “\(answer)”",
                    "\(survey.path), \(column.key) “\(column.header)”")
        }
        return (reference.trimmingCharacters(in: "\""), nil)
    }

    /// Codings of each code (with its subcodes) in `before` and `after` documents, by the main coder.
    static func codingCounts(_ codes: [String], project: Project) throws -> [String: (Int, Int)] {
        guard !codes.isEmpty else { return [:] }
        var options = MatrixOptions(kind: .time)
        options.by = "phase"
        options.codeRoots = try codes.map { name throws(CodebookError) in try project.codebook.resolve(name) }
        options.rollup = true
        let matrix = try MatrixBuilder.build(project, options)
        let before = matrix.columns.labels.firstIndex(of: "before")
        let after = matrix.columns.labels.firstIndex(of: "after")
        var result: [String: (Int, Int)] = [:]
        for (name, code) in zip(codes, options.codeRoots) {
            guard let r = matrix.rows.labels.firstIndex(where: { $0.trimmingWhitespace() == code.name }) else {
                continue
            }
            result[name] = (before.map { matrix.count(r, $0) } ?? 0, after.map { matrix.count(r, $0) } ?? 0)
        }
        return result
    }
}
