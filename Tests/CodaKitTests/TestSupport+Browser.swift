import Foundation

extension TestSupport {
    /// The installed Chromium or Chrome, if any (CI may have none).
    static var chromium: String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { texEngine($0) }.first
    }

    /// Runs headless Chromium with `arguments` and returns what it printed, or nil when it failed or took more
    /// than a minute. Each run has a profile of its own, so parallel runs do not wait for each other's lock.
    static func runChromium(_ program: String, _ arguments: [String]) -> String? {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(temporaryFolder("coda-chromium").path)"] + arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let deadline = DispatchTime.now() + .seconds(60)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
            ? String(decoding: data, as: UTF8.self) : nil
    }

    /// The width and height a PNG file's header gives.
    static func pngSize(_ url: URL) -> (width: Int, height: Int)? {
        guard let data = try? Data(contentsOf: url), data.count > 24,
              data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func number(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
