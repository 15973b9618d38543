extension CommandSpec {
    /// Every command `coda` knows, in the order `coda --help` lists them.
    static let all: [CommandSpec] = [
        .initProject, .status, .transcripts, .show, .check, .importFiles,
        .codebook, .codebookLint, .tag, .untag, .code, .autocode, .suggestions, .suggestionsAccept, .suggestionsReject,
        .config, .codebookRename, .codebookMerge, .codebookMove, .codebookDelete, .log, .undo,
        .retrieve, .memo, .memos,
        .survey, .matrix, .summarize, .network, .chart, .compare,
        .conclude, .agree, .note, .notes, .review,
        .exportAppendix, .exportQDC, .exportQDPX,
        .pseudonymise,
    ]
}
