extension CommandSpec {
    /// Every command `coda` knows, in the order `coda --help` lists them.
    static let all: [CommandSpec] = [
        .initProject, .config, .status, .transcripts, .show, .check, .importFiles,
        .codebook, .codebookLint, .codebookRename, .codebookMerge, .codebookMove, .codebookDelete, .tag, .untag, .code, .autocode, .suggestions, .suggestionsAccept, .suggestionsReject,
        .retrieve, .memo, .memos, .log, .undo,
        .survey, .matrix, .summarize, .network,
        .conclude, .agree, .note, .notes, .review,
        .exportAppendix, .exportQDC, .exportQDPX,
    ]
}
