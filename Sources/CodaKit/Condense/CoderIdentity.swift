import Foundation

/// Who is coding: `--coder NAME`, else `CODA_CODER`, else git's `user.name`, else the login name.
enum CoderIdentity {
    static func resolve(option: String?, environment: [String: String], projectRoot: URL) throws(CondenseError) -> String {
        let name = option ?? environment["CODA_CODER"] ?? gitUserName(in: projectRoot)
            ?? environment["USER"] ?? environment["LOGNAME"] ?? "researcher"
        return try check(name)
    }

    /// A coder name as given, trimmed; refused when empty or reserved for autocoding.
    static func check(_ name: String) throws(CondenseError) -> String {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptyCoder }
        guard trimmed.lowercased() != CodingStore.suggestionCoder else { throw .reservedCoder(trimmed) }
        return trimmed
    }

    static func gitUserName(in folder: URL) -> String? {
        let candidates = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"]
        guard let git = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["config", "user.name"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingWhitespace().nilIfEmpty
    }
}

/// The time stamped on new codings and memos: now, or `SOURCE_DATE_EPOCH` when set (reproducible runs).
enum Clock {
    static func now(_ environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }

    static func iso(_ date: Date) -> String { UTCTimestamp.string(date) }

    /// `2026-11-25 13:02`, for memo headings.
    static func minute(_ date: Date) -> String { minute(iso: iso(date)) }

    /// The same from a time already written by `iso`.
    static func minute(iso: String) -> String {
        String(iso.replacingOccurrences(of: "T", with: " ").prefix(16))
    }
}
