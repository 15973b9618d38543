import Foundation

extension TestSupport {
    /// The installed pdflatex, if any (CI may have none).
    static var pdflatex: String? { texEngine("pdflatex") }

    /// The installed TeX engine of that name (`pdflatex`, `xelatex`, `lualatex`), if any.
    static func texEngine(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/Library/TeX/texbin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a TeX engine on `file` in `folder`, quietly, and returns its exit status.
    static func compileLaTeX(_ file: String, in folder: URL, with engine: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", file]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
