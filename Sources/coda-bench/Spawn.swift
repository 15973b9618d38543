import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with its output thrown away and measures wall time and peak memory (wait4's rusage).
enum Spawn {
    struct Measurement {
        var seconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    static func run(_ arguments: [String], in folder: String, stdout: String = "/dev/null", stderr: String = "/dev/null",
                    extraEnvironment: [String: String] = [:]) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["CODA_QUIET"] = "1"
        environment["CODA_CODER"] = "bench"
        for (key, value) in extraEnvironment { environment[key] = value }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp) == 0 else {
            return Measurement(seconds: 0, peakMegabytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Measurement(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }
}
