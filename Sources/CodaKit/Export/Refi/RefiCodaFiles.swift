import Foundation

/// Coda's own files that REFI-QDA has no element for (the framework summaries, the supervisor's review notes)
/// travel as project notes named `Coda file PATH` that hold the file's text: other tools show them as notes, and
/// a Coda import writes them back as they were, so the framework matrix comes out the same.
enum RefiCodaFiles {
    static let prefix = "Coda file "
    static let paths = [FrameworkSummaries.path, "\(MemoStore.folder)/\(MemoStore.notesFileName)"]

    /// The files the project has, as (GUID, note name, text).
    static func notes(root: URL) -> [(guid: String, name: String, text: String)] {
        paths.compactMap { path in
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            guard !text.trimmingWhitespace().isEmpty else { return nil }
            return (RefiGUID.make("coda-file:" + path.lowercased()), prefix + path, text)
        }
    }

    /// The file a note holds, when it is one of these (never any other path).
    static func path(ofNote name: String) -> String? {
        paths.first { prefix + $0 == name.trimmingWhitespace() }
    }
}
