import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Coda's temporary files and folders are named `.NAME.PID.N.tmp`, beside what they become (`AtomicFile`, the
/// folders exports are built in, the folder imports are staged in). Readers skip names that start with a dot, so a
/// temporary is never read. One that a killed process left behind is removed here: when its process is gone, or
/// when it is older than an hour (the process id may have been reused).
enum TemporaryFiles {
    static let maximumAge: TimeInterval = 3600

    /// A fresh name for a temporary beside `url`.
    static func name(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    /// The process that made the temporary called `name`, or nil when the name is not one of Coda's temporaries.
    static func owner(of name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 5, UInt32(parts[parts.count - 2]) != nil, let pid = Int32(parts[parts.count - 3]), pid > 0 else {
            return nil
        }
        return pid
    }

    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Removes the stale temporaries directly inside `folder`; returns their names.
    @discardableResult
    static func sweep(_ folder: URL, now: Date = Date()) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = owner(of: name) else { continue }
            let url = folder.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
            let stale = pid != getpid() && (!isRunning(pid) || now.timeIntervalSince(modified) > maximumAge)
            if stale, (try? fm.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed
    }

    /// Sweeps the project folder and every folder inside it (hidden ones aside); returns the paths removed.
    static func sweepProject(_ root: URL) -> [String] {
        var removed: [String] = []
        var folders: [(URL, String)] = [(root, "")]
        while let (folder, prefix) = folders.popLast() {
            removed += sweep(folder).map { prefix + $0 }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    folders.append((url, prefix + name + "/"))
                }
            }
        }
        return removed.sorted()
    }
}
