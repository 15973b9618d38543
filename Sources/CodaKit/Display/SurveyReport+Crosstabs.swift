extension SurveyReport {
    /// The cross-tabulations chosen in the surveys' `.columns` files (`crosstab: Q1 by age_group`), in order.
    static func chosenCrosstabs(_ project: Project) throws(ProjectError) -> Report {
        var report = Report(title: "Survey cross-tabulations")
        for survey in project.surveys {
            for choice in survey.crosstabs {
                report.blocks += try SurveyReport.report(
                    project, question: "\(survey.id):\(choice.question)", by: choice.attribute
                ).blocks
            }
        }
        report.add(
            .paragraph(
                "Cross-tabulations chosen with `crosstab: QUESTION by ATTRIBUTE` lines in each survey's "
                    + ".columns file; `coda survey QUESTION --by ATTRIBUTE` shows any other."))
        return report
    }
}
