import Foundation
@testable import CodaKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// A fresh empty folder under the system temp folder.
    static func temporaryFolder(_ name: String = "coda-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (path → text) into a new temporary project folder.
    static func project(_ files: [String: String]) -> URL {
        let root = temporaryFolder("coda-project")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("Transcripts"), withIntermediateDirectories: true)
        return root
    }

    /// Copies a folder (a fixture or the sample project) to a temporary place so a test may change it.
    static func copy(_ source: URL) -> URL {
        let target = temporaryFolder("coda-copy")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [] {
            try? FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }

    struct Run {
        var code: ExitCode
        var stdout: String
        var stderr: String
    }

    /// Runs the CLI in-process, as `coda ARGS` in `folder`.
    static func run(_ arguments: [String], in folder: URL = fixtures, input: [String] = [], width: Int = 100,
                    environment: [String: String] = [:]) -> Run {
        let captured = CapturedOutput(input: input)
        let console = captured.console(width: width, environment: environment, currentDirectory: folder)
        let code = CLI.run(arguments: arguments, console: console)
        return Run(code: code, stdout: captured.stdout, stderr: captured.stderr)
    }

    /// The built `coda` executable beside the test bundle.
    static var codaBinary: URL? {
        var candidates: [URL] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("coda"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/coda"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct ProcessRun {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the real `coda` binary as a separate process.
    static func runBinary(_ arguments: [String], in folder: URL, stdin: String? = nil,
                          environment: [String: String] = [:]) throws -> ProcessRun {
        guard let binary = codaBinary else { throw TestError("the coda executable is not built; run `swift build` first") }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
