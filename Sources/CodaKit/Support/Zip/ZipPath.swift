/// Checks entry names before anything is written to disk, against "zip slip": names such as
/// `../../.bashrc`, `/etc/passwd`, `C:\Windows\…` or `..\evil` that would land outside the target folder.
enum ZipPath {
    /// True when `name` is a relative path that stays inside the folder it is extracted to: not empty,
    /// no leading `/`, no drive letter, no backslash, no NUL, and no `..` component (nor one that Windows
    /// would read as `..`, such as `.. ` or `...`).
    static func isSafeRelativePath(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0") else { return false }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        if let first = components.first, first.count >= 2, first.dropFirst().first == ":",
           first.first?.isASCII == true, first.first?.isLetter == true {
            return false
        }
        for component in components where component.contains("..") {
            if component.allSatisfy({ $0 == "." || $0 == " " }) { return false }
        }
        return true
    }
}
