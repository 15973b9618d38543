import Foundation

/// Where a pseudonymisation key may live: never inside the project (which is what gets shared) and never
/// inside a git work tree (where a commit could publish it).
enum KeyLocation {
    static func check(_ key: URL, projectRoot: URL, shownAs shown: String) throws(PseudonymError) {
        let keyPath = resolved(key).path
        let rootPath = resolved(projectRoot).path
        if keyPath == rootPath || keyPath.hasPrefix(rootPath + "/") { throw .keyInsideProject(path: shown) }
        var folder = resolved(key.deletingLastPathComponent())
        guard FileManager.default.fileExists(atPath: folder.path) else { throw .keyFolderMissing(path: shown) }
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                throw .keyInsideGit(path: shown, repository: folder.path)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path || folder.path == "/" { return }
            folder = parent
        }
    }

    /// The path with symbolic links resolved, so a link into the project is seen for what it is.
    private static func resolved(_ url: URL) -> URL {
        let standard = url.standardizedFileURL
        if FileManager.default.fileExists(atPath: standard.path) { return standard.resolvingSymlinksInPath() }
        let folder = standard.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else { return standard }
        return folder.resolvingSymlinksInPath().appendingPathComponent(standard.lastPathComponent)
    }
}
