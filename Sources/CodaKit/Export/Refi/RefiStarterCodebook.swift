import Foundation

/// The example codebook `coda init` writes. A project import into a new project replaces it while it is
/// untouched (the same text, no coding or memo on its codes), so importing a whole project from another tool
/// into a fresh `coda init` project just works instead of clashing with the example's `Problems` and `Queues`.
enum RefiStarterCodebook {
    static let path = "\(Project.codebooksFolder)/codebook.md"

    /// The example codebook's path when it is there and untouched, else nil.
    static func untouched(in project: Project) -> String? {
        let url = project.root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path),
              data == Data(ProjectInitializer.exampleCodebook.utf8) else { return nil }
        let paths = Set(project.codebook.codes.filter { $0.location.file == path }.map { $0.path.lowercased() })
        let coded = project.codings.contains { paths.contains($0.code.lowercased()) }
        let noted = project.memos.contains { memo in
            if case .code(let code) = memo.target { return paths.contains(code.lowercased()) }
            return false
        }
        return coded || noted ? nil : path
    }

    /// The example documents `coda init` wrote that are still in the project (the user may have deleted them).
    static func examplesStillThere(in root: URL) -> [String] {
        ["example-interview.md", "example-survey.csv"].map { "\(Project.transcriptsFolder)/\($0)" }
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }
}
