extension CommandSpec {
    static let codebook = CommandSpec(
        name: "codebook", summary: "print the code tree with definitions and keywords",
        discussion: "Codes come from the Markdown files in Codebooks/. Refer to a code by its name (any case) or, when a name "
            + "is used twice, by its path `Parent/Child`. CSV and JSON hold every field.",
        formats: OutputFormat.allCases, examples: ["coda codebook", "coda codebook --format csv > codebook.csv"], group: .condense
    ) { invocation in
        let project = try invocation.project()
        invocation.emit(CodebookReport.report(project.codebook))
        return .success
    }

    static let codebookLint = CommandSpec(
        name: "codebook lint", summary: "check the codebook: duplicates, ambiguous names, empty definitions, bad colours",
        discussion: "Exits with 1 when it finds errors (warnings alone exit 0).",
        formats: [.table, .md, .csv, .tsv, .json], group: .condense
    ) { invocation in
        let project = try invocation.project()
        invocation.emit(CodebookReport.lintReport(project))
        return CodebookReport.lintDiagnostics(project).errorCount > 0 ? .problemsFound : .success
    }
}
