import Foundation
@testable import CodaKit

/// Fixture files for the zip and DEFLATE tests, in Fixtures/zip (see its README.txt).
enum ZipFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/zip")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func seed() throws -> [UInt8] { try bytes("seed.txt") }
}

/// SplitMix64: a tiny deterministic generator, so fuzz-style tests are repeatable.
struct ZipTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// `input` with one to four random edits: a flipped bit, a replaced byte, a deleted or a duplicated run.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &self) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<4, using: &self) {
            case 0: bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &self)
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &self)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &self)))
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...16, using: &self))], at: at)
            }
        }
        return bytes
    }
}

extension ZipFixture {
    /// Runs a Python snippet with `arguments`, returning its standard output, or nil when python3 cannot be started
    /// (then the caller skips its cross-check). The script gets the arguments as `sys.argv[1:]`.
    static func runPython(_ script: String, arguments: [String]) -> (status: Int32, output: [UInt8])? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }  // env: python3 not found
        return (process.terminationStatus, [UInt8](data))
    }

    /// Writes `bytes` to a fresh temporary file and returns its path; the caller removes it.
    static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("coda-zip-test-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}
