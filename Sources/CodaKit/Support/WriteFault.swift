import Foundation

/// A failure the tests inject into `AtomicFile.write`, to show what a command does when the disk fills up or a file
/// vanishes half-way through a change of several files: writes to one path fail with a system error, or a file is
/// removed just before one path is written. Keyed by exact path, so tests running at once never see each other's.
enum WriteFault {
    enum Effect: Sendable {
        case fail(Int32)
        case remove(URL)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var effects: [String: Effect] = [:]

    /// Makes the next writes to `url` have `effect`, until `clear(url)`.
    static func inject(_ effect: Effect, at url: URL) {
        lock.withLock { effects[url.standardizedFileURL.path] = effect }
    }

    static func clear(_ url: URL) {
        _ = lock.withLock { effects.removeValue(forKey: url.standardizedFileURL.path) }
    }

    /// Applies what was injected for `url`: returns the error code a write there must fail with, if any.
    static func apply(at url: URL) -> Int32? {
        let effect: Effect? = lock.withLock { effects.isEmpty ? nil : effects[url.standardizedFileURL.path] }
        switch effect {
        case let .fail(code)?: return code
        case let .remove(file)?: try? FileManager.default.removeItem(at: file); return nil
        case nil: return nil
        }
    }
}
