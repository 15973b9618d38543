extension Appendix {
    /// What one export of the appendix did: its files (the index first) and how many of them already held the same
    /// bytes, left as they were, so the command can say how much of the folder changed.
    public struct Written: Sendable, Equatable {
        public var files: [String]
        public var unchanged: Int

        /// "wrote 16 files to Appendix/ (md)…" on a first export; "wrote 3 files, 13 unchanged, to …" after that.
        public func summary(folder: String, format: Format) -> String {
            let written = files.count - unchanged
            let what = unchanged == 0
                ? "\(files.count) files to"
                : "\(written) file\(plural(written)), \(unchanged) unchanged, to"
            return "wrote \(what) \(folder)/ (\(format.rawValue)); start with \(folder)/\(files[0])"
        }
    }
}
