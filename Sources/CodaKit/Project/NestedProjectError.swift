import Foundation

/// `coda init` inside a folder of another project: the outer project would read the new one's example files
/// as its own data.
public struct NestedProjectError: CodaError {
    /// The folder where the new project was to be made, and the project that holds it.
    var folder: String
    var outer: String

    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: nil, "\(folder) is inside the Coda project \(outer): a project made here would add "
                   + "its example transcripts and codebook to that project's data",
                   hint: "make the new project outside \(outer), or pass `--force` to make it here all the same")
    }

    /// The nearest project folder above `folder` (not `folder` itself), if any.
    static func outerProject(of folder: URL) -> URL? {
        var current = folder.standardizedFileURL.deletingLastPathComponent().standardizedFileURL
        while true {
            if ProjectLocator.isProject(current) { return current }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
