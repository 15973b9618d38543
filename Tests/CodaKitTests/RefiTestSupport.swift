import Foundation
@testable import CodaKit

/// Helpers for the REFI-QDA tests: fixture paths, xmllint validation, building small .qdpx files in memory,
/// and reading what an import wrote.
enum RefiTestSupport {
    static let folder = TestSupport.fixture("refi")
    static func sample(_ path: String) -> URL { folder.appendingPathComponent("samples/" + path) }
    static let projectSchema = folder.appendingPathComponent("Project.xsd")
    static let codebookSchema = folder.appendingPathComponent("Codebook.xsd")

    static var xmllint: URL? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var hasXmllint: Bool { xmllint != nil }

    /// Runs `xmllint --noout --nonet --schema SCHEMA FILE`; returns its exit status and messages.
    static func validate(_ xml: String, schema: URL) throws -> (status: Int32, output: String) {
        guard let xmllint else { throw TestError("xmllint is not installed") }
        let file = TestSupport.temporaryFolder("coda-xmllint").appendingPathComponent("file.xml")
        try Data(xml.utf8).write(to: file)
        let process = Process()
        process.executableURL = xmllint
        process.arguments = ["--noout", "--nonet", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A .qdpx with the given entries, written to a temporary file.
    static func qdpx(_ entries: [(String, [UInt8])], name: String = "test.qdpx") throws -> URL {
        var zip = ZipWriter(fileName: name)
        for (path, bytes) in entries { try zip.addFile(path, contents: bytes) }
        let url = TestSupport.temporaryFolder("coda-qdpx").appendingPathComponent(name)
        try Data(try zip.finish()).write(to: url)
        return url
    }

    static func text(_ root: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Files under a folder, relative, sorted.
    static func files(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var result: [String] = []
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
            }
        }
        // The transcript cache is made again from the project's files, not part of what an import writes.
        return result.filter { !$0.hasPrefix(TranscriptCache.folder + "/") }.sorted()
    }

    /// Imports `file` into a new empty folder and loads the resulting project.
    static func importInto(_ file: URL, coder: String? = nil) throws -> (ImportOutcome, Project) {
        let root = TestSupport.temporaryFolder("coda-refi-import")
        var options = ImportOptions()
        options.coder = coder
        let outcome = try Importer.run(file, into: root, options: options)
        return (outcome, Project.load(root))
    }
}
