import CodaKit
import Foundation

/// The benchmark: for each corpus size, generate (once) a synthetic project and time every stage.
enum Bench {
    struct Options {
        var sizes = [50, 1000]
        var runs = 5
        var coda = ".build/release/coda"
        var work = "/tmp/coda-bench"
        /// Only the stages whose name contains one of these (all when empty).
        var only: [String] = []
    }

    static func main(_ arguments: [String]) -> Int32 {
        var options = Options()
        var i = 0
        func value() -> String? { i += 1; return i < arguments.count ? arguments[i] : nil }
        if arguments.first == "generate", arguments.count >= 3, let n = Int(arguments[2]) {
            do {
                let bytes = try SyntheticProject(transcripts: n).write(to: URL(fileURLWithPath: arguments[1]))
                print("wrote \(n) transcripts (\(bytes / 1_000_000) MB) to \(arguments[1])")
                return 0
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                return 1
            }
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--sizes": options.sizes = (value() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--runs": options.runs = Int(value() ?? "") ?? 5
            case "--coda": options.coda = value() ?? options.coda
            case "--work": options.work = value() ?? options.work
            case "--only": options.only = (value() ?? "").split(separator: ",").map(String.init)
            default:
                print("usage: coda-bench [--sizes 50,1000,10000] [--runs 5] [--coda .build/release/coda]"
                      + " [--work /tmp/coda-bench] [--only STAGE,…]\n       coda-bench generate DIR N")
                return arguments[i] == "--help" ? 0 : 2
            }
            i += 1
        }
        options.coda = URL(fileURLWithPath: options.coda).standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: options.coda) else {
            print("error: \(options.coda) is not built; run `swift build -c release` first")
            return 1
        }
        print("| Transcripts | Corpus MB | Stage | Median s | Min s | Max s | Peak MB |")
        print("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
        try? FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
        // Process start, which every command pays: Coda against a program that does nothing.
        let startRuns = max(options.runs, 21)
        report(0, 0, "start: /bin/true", (0..<startRuns).map { _ in Spawn.run(["/bin/true"], in: options.work) })
        report(0, 0, "start: coda --version", (0..<startRuns).map { _ in Spawn.run([options.coda, "--version"], in: options.work) })
        for size in options.sizes { run(size: size, options: options) }
        return 0
    }

    static func run(size: Int, options: Options) {
        let folder = "\(options.work)/\(size)"
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder + "/Transcripts") {
            try? fm.removeItem(atPath: folder)
            FileHandle.standardError.write(Data("generating \(size) transcripts in \(folder)…\n".utf8))
            _ = try? SyntheticProject(transcripts: size).write(to: URL(fileURLWithPath: folder))
        }
        let corpus = (try? fm.contentsOfDirectory(atPath: folder + "/Transcripts"))?.reduce(0) { total, name in
            total + ((try? fm.attributesOfItem(atPath: "\(folder)/Transcripts/\(name)")[.size] as? Int) ?? 0)
        } ?? 0
        let mb = Double(corpus) / 1_000_000
        let coda = options.coda
        let out = "\(options.work)/appendix-\(size)"
        // "cold": the transcript cache removed before each run, so every transcript is parsed (and the cache
        // written again); every other stage runs with the cache the previous runs left ("warm").
        var stages: [(String, [String])] = [
            ("load and check (cold: no cache)", [coda, "check", "--format", "json"]),
            ("status (cold: no cache)", [coda, "status"]),
            ("load and check", [coda, "check", "--format", "json"]),
            ("status", [coda, "status"]),
            ("tag (one call)", [coda, "tag", "T00001", "3", "Code 1.1"]),
            ("autocode (dry run)", [coda, "autocode", "--dry-run", "--format", "tsv"]),
            ("autocode --count (keyword hits)", [coda, "autocode", "--count", "--format", "tsv"]),
            ("retrieve a theme", [coda, "retrieve", "Theme 1", "--format", "csv"]),
        ]
        for kind in ["case-code", "checklist", "cooccurrence", "framework", "code-coder"] {
            stages.append(("matrix \(kind)", [coda, "matrix", kind, "--format", "csv", "--coder", "coder-a"]))
        }
        stages += [
            ("matrix attribute --by role", [coda, "matrix", "attribute", "--by", "role", "--format", "csv", "--coder", "coder-a"]),
            ("matrix time --by phase", [coda, "matrix", "time", "--by", "phase", "--format", "csv", "--coder", "coder-a"]),
            ("agree", [coda, "agree", "coder-a", "coder-b"]),
            ("conclude", [coda, "conclude", "--coder", "coder-a", "--format", "md"]),
            ("export appendix (md)", [coda, "export", "appendix", out, "--coder", "coder-a"]),
        ]
        let cache = folder + "/.coda/cache"
        let chosen = stages.filter { stage in options.only.isEmpty || options.only.contains { stage.0.contains($0) } }
        for (name, arguments) in chosen {
            report(size, mb, name, (0..<options.runs).map { _ in
                if name.contains("cold") { try? fm.removeItem(atPath: cache) }
                return Spawn.run(arguments, in: folder)
            })
        }
        guard options.only.isEmpty else { return }
        // The same keyword search with grep, for autocode's throughput.
        let keywords = keywordFile(folder)
        let grepRuns = (0..<options.runs).map { _ in Spawn.run(["grep", "-r", "-F", "-i", "-w", "-c", "-f", keywords, "Transcripts"], in: folder) }
        report(size, mb, "grep -F -i -w -c (same keywords)", grepRuns)
        // Keyword matching alone (without loading the project), from autocode's own timing, against grep's end to end.
        let log = "\(options.work)/timing-\(size).txt"
        let timings = (0..<options.runs).map { _ -> Double in
            _ = Spawn.run([coda, "autocode", "--count"], in: folder, stderr: log, extraEnvironment: ["CODA_TIMING": "1"])
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            guard let open = text.range(of: "("), let close = text.range(of: " MB/s") else { return 0 }
            return Double(text[open.upperBound..<close.lowerBound]) ?? 0
        }.sorted()
        let grepTimes = grepRuns.map(\.seconds).sorted()
        let grepRate = mb / grepTimes[grepTimes.count / 2]
        let matchRate = timings[timings.count / 2]
        print("| \(size) | \(String(format: "%.1f", mb)) | keyword matching: \(String(format: "%.0f", matchRate)) MB/s vs grep \(String(format: "%.0f", grepRate)) MB/s = \(String(format: "%.2f", matchRate / grepRate))× | | | | |")
        // The bulk path: save the suggestions, then accept them all (changes the project, so it runs last).
        report(size, mb, "autocode (save)", [Spawn.run([coda, "autocode", "--format", "tsv"], in: folder)])
        report(size, mb, "accept all suggestions (bulk tag)", [Spawn.run([coda, "suggestions", "accept", "--all"], in: folder)])
        // A table of 20 codings per transcript applied in one process, as a team brings spreadsheet codings.
        let table = "\(options.work)/bulk-\(size).tsv"
        var rows = "document\tsegments\tcode\tcoder\n"
        for t in 0..<size {
            for h in 0..<20 { rows += String(format: "T%05d", t + 1) + "\t\(h * 2 + 2)\tCode \(h + 1).\(t % 10 + 1)\tbench-bulk\n" }
        }
        try? rows.write(toFile: table, atomically: true, encoding: .utf8)
        report(size, mb, "tag --from (\(size * 20) rows)", [Spawn.run([coda, "tag", "--from", table], in: folder)])
        try? FileManager.default.removeItem(atPath: folder + "/Codings/bench-bulk")
        try? FileManager.default.removeItem(atPath: folder + "/Codings/auto")
        try? FileManager.default.removeItem(atPath: folder + "/Codings/bench")
    }

    static func keywordFile(_ folder: String) -> String {
        let text = (try? String(contentsOfFile: folder + "/Codebooks/synthetic.md", encoding: .utf8)) ?? ""
        var words: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("Keywords: ") {
            for item in line.dropFirst(10).split(separator: ",") {
                words.append(item.trimmingCharacters(in: CharacterSet(charactersIn: " \"")))
            }
        }
        let path = folder + "/../keywords.txt"
        try? words.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func report(_ size: Int, _ mb: Double, _ stage: String, _ runs: [Spawn.Measurement]) {
        let times = runs.map(\.seconds).sorted()
        let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        let peak = runs.map(\.peakMegabytes).max() ?? 0
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let failed = runs.contains { $0.status != 0 && $0.status != 1 } ? " (exit \(runs.map(\.status).max() ?? 0))" : ""
        print("| \(size) | \(String(format: "%.1f", mb)) | \(stage)\(failed) | \(f(median)) | \(f(times.first ?? 0)) | \(f(times.last ?? 0)) | \(String(format: "%.0f", peak)) |")
        fflush(nil)
    }
}
