import Foundation

extension TestSupport {
    /// The installed pdflatex, if any (CI may have none).
    static var pdflatex: String? {
        ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex", "/Library/TeX/texbin/pdflatex"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs pdflatex on `file` in `folder`, quietly, and returns its exit status.
    static func compileLaTeX(_ file: String, in folder: URL, with pdflatex: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdflatex)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", file]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
