extension CommandSpec {
    /// Every command `coda` knows, in the order `coda --help` lists them.
    static let all: [CommandSpec] = [
        .initProject, .status, .transcripts, .show, .survey, .codebook, .codebookLint,
    ]
}
