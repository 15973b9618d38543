import Foundation
@testable import CodaKit

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

extension TestSupport {
    /// The TeX log beside `file` with TeX's wrapping at 79 columns undone, so a message can be searched whole.
    static func texLog(_ file: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent((file as NSString).deletingPathExtension + ".log")
        return String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "")
    }

    /// The names of the fonts a PDF embeds (`/BaseFont`), read from its plain and deflated streams, without
    /// the subset prefix (`ABCDEF+`).
    static func pdfFontNames(_ pdf: Data) -> Set<String> {
        let bytes = [UInt8](pdf)
        var texts = [String(decoding: bytes, as: UTF8.self)]
        func find(_ word: String, from start: Int) -> Int? {
            let marker = Array(word.utf8)
            guard start + marker.count <= bytes.count else { return nil }
            return (start...(bytes.count - marker.count)).first { bytes[$0..<$0 + marker.count].elementsEqual(marker) }
        }
        var index = 0
        while let found = find("stream\n", from: index), let end = find("endstream", from: found) {
            // Skip the zlib header; a stream that is not deflated just fails to inflate.
            let start = found + "stream\n".count + 2
            if start < end, let inflated = try? Inflate.decompress(Array(bytes[start..<end])) {
                texts.append(String(decoding: inflated, as: UTF8.self))
            }
            index = end + "endstream".count
        }
        var names = Set<String>()
        for text in texts {
            for match in text.matches(of: /\/BaseFont\s*\/([A-Za-z0-9+_-]+)/) {
                names.insert(String(match.1.split(separator: "+").last ?? match.1))
            }
        }
        return names
    }

    /// The text `pdftotext` reads from a PDF, or nil when pdftotext is not installed.
    static func pdfText(_ pdf: URL) -> String? {
        guard let program = texEngine("pdftotext") else { return nil }
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [pdf.path, "-"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
