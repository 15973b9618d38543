import Foundation

/// `coda survey --columns`: writes the detected column kinds of each survey to its `.columns` file (never over
/// one the researcher has) and shows them, so detection can be corrected line by line.
enum SurveyColumnsReport {
    static func report(_ project: Project, survey name: String?, sheet: String?) throws -> Report {
        var surveys = project.surveys
        if let name {
            guard let survey = project.survey(name) else {
                throw ProjectError.unknownSurvey(id: name, available: project.surveys.map(\.id))
            }
            surveys = [survey]
        }
        guard !surveys.isEmpty else { throw ProjectError.unknownSurvey(id: name ?? "(any)", available: []) }
        var report = Report(title: "Survey columns")
        for var survey in surveys {
            if let sheet { survey = try reread(survey, sheet: sheet, root: project.root) }
            report.add(.heading("\(survey.id) (\(survey.path), read as \(survey.dialect.displayName))", level: 1))
            report.add(.paragraph(try SurveyColumnsWriter.write(survey, root: project.root, sheet: sheet)))
            report.add(.preformatted(SurveyColumnsWriter.text(for: survey, sheet: sheet)))
        }
        return report
    }

    /// The survey as another sheet of its workbook holds it, detected afresh (its `.columns` file describes
    /// the sheet it names).
    static func reread(_ survey: Survey, sheet: String, root: URL) throws -> Survey {
        guard survey.path.lowercased().hasSuffix(".xlsx") else { throw XlsxError.sheetOfCSV(file: survey.path) }
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(survey.path).path) else {
            throw XlsxError.notAWorkbook(file: survey.path, reason: "it cannot be read")
        }
        return try SurveyParser(path: survey.path, id: survey.id).parse(
            xlsx: [UInt8](data), columnsFile: nil, sheet: sheet
        ).0
    }
}
