import Foundation

extension ProjectLoader {
    /// Extensions of the files a document can be read from (transcripts, then surveys).
    static let documentExtensions = ["md", "txt", "markdown", "csv", "tsv", "xlsx"]

    /// The files a one-document load reads for `onlyDocument`. First `Transcripts/ID.md` (or another extension Coda
    /// reads, with a survey's `.columns` beside it) is tried by name, the id as typed, in lower and in upper case,
    /// so ten thousand names are not listed. Only when no such file exists is the folder listed for names that go
    /// on after the id (`S01-service-officer.md`) or differ from it in other letter case; the id inside a file is
    /// checked after parsing.
    func oneDocumentFiles() -> [URL] {
        guard let name = onlyFileName, !name.isEmpty else { return [] }  // no document (`loadWithoutDocuments`)
        let folder = root.appendingPathComponent(Project.transcriptsFolder)
        let typed = onlyDocument.flatMap { $0.split(separator: ":").first.map(String.init) } ?? name
        if !typed.hasPrefix(".") {
            let stems = FileProbe.spellings(of: [typed])
            var found = FileProbe.existing(stems.flatMap { stem in Self.documentExtensions.map { "\(stem).\($0)" } },
                                           in: folder.path)
            if !found.isEmpty {
                let surveys = found.filter { name in
                    !["md", "txt", "markdown"].contains((name as NSString).pathExtension.lowercased())
                }
                let sidecars = surveys.flatMap { survey in
                    FileProbe.existing(anyCaseOf: [(survey as NSString).deletingPathExtension + ".columns"],
                                       in: folder.path)
                }
                found = (found + sidecars).sorted()
                return found.map { URL(fileURLWithPath: folder.path + "/" + $0, isDirectory: false) }
            }
        }
        // Names are chosen before any URL is made.
        return DirectoryWalker.files(under: folder) { file in
            let lower = file.lowercased()
            guard lower.hasPrefix(name) else { return false }
            let base = lower.lastIndex(of: ".").map { lower[..<$0] } ?? lower[...]
            return base == name || ["-", "_", " ", "."].contains { base.hasPrefix(name + $0) }
        }
    }

    /// Transcripts by id; of several with one id (an error `coda check` reports), the one named `ID.ext` directly in
    /// `Transcripts/` first, then by path: the file a one-document load finds by name is the one a whole load keeps.
    static func comesFirst(_ a: Transcript, _ b: Transcript) -> Bool {
        if a.id != b.id { return a.id < b.id }
        let (rankA, rankB) = (namedByID(a), namedByID(b))
        return rankA != rankB ? rankA : a.path < b.path
    }

    /// Whether a transcript's file is `Transcripts/ID.ext`, its id in any letter case.
    static func namedByID(_ transcript: Transcript) -> Bool {
        let name = (transcript.path as NSString).deletingPathExtension.lowercased()
        return name == (Project.transcriptsFolder + "/" + transcript.id).lowercased()
    }
}
