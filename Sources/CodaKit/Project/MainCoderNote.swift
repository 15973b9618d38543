extension Project {
    /// Whether `Project.md` names the main coder (rather than it being the coder with the most codings).
    var mainCoderIsDeclared: Bool { settings.mainCoder != nil }

    /// With several coders and none declared main: which coder displays use and why, as a warning, else nil.
    var undeclaredMainCoderWarning: String? {
        guard !mainCoderIsDeclared, coders.count > 1, let main = mainCoder else { return nil }
        let count = humanCodings.filter { $0.coder == main }.count
        return "no main coder is declared, so displays use \(main)'s codings (the most: \(count) of "
            + "\(humanCodings.count)); "
            + "this changes if another coder codes more. Declare one with `coda config main-coder \(main)`, "
            + "or pass `--coder NAME` / `--coder all`"
    }
}
