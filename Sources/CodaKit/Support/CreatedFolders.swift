import Foundation

/// The folders a command made on its way to writing a file, so that when the write fails the command can take
/// away those it left empty (a failed import on a full disk must not leave an empty `Sources/`).
struct CreatedFolders {
    private(set) var made: [URL] = []

    /// Creates `folder` and any missing parents, remembering the ones that did not exist.
    mutating func create(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while current.path != "/", !FileManager.default.fileExists(atPath: current.path) {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        // Remembered first: a creation that fails half-way (a full disk) may have made the outer ones.
        made += missing
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes the remembered folders that are empty, innermost first; a folder with anything in it stays.
    func removeEmpty() {
        for folder in made.sorted(by: { $0.path.count > $1.path.count }) { rmdir(folder.path) }
    }
}
