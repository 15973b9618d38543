import Foundation

/// Finds the project folder as git finds `.git`: the nearest folder, upward from the current one,
/// that holds `Transcripts/` or `Codebooks/`.
public enum ProjectLocator {
    public static func locate(explicit: String?, currentDirectory: URL) throws(ProjectError) -> URL {
        let fm = FileManager.default
        if let explicit {
            let url = resolvePath(explicit, from: currentDirectory)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .notAFolder(path: explicit)
            }
            return url
        }
        var folder = currentDirectory.standardizedFileURL
        while true {
            if isProject(folder) { return folder }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { break }
            folder = parent
        }
        throw .notFound(start: currentDirectory.path)
    }

    static func isProject(_ folder: URL) -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        for name in [Project.transcriptsFolder, Project.codebooksFolder] {
            if fm.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue {
                return true
            }
        }
        return false
    }
}

/// A path as the user typed it, made absolute against the current folder (`~` is the home folder).
func resolvePath(_ path: String, from folder: URL) -> URL {
    var path = path
    if path == "~" || path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
    return url.standardizedFileURL
}
