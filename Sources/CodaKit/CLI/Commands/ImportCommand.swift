import Foundation

extension CommandSpec {
    static let importFiles = CommandSpec(
        name: "import", summary: "import transcripts (.vtt .srt .docx .txt) or REFI-QDA codebooks and projects (.qdc .qdpx)",
        discussion: "The reader is chosen by the file's extension. A transcript becomes a Markdown file in Transcripts/ (the original is "
            + "kept under Sources/); a .qdc becomes a codebook in Codebooks/; a .qdpx becomes codebook, transcripts "
            + "and codings (and surveys, from Coda's own exports; in a new `coda init` project it replaces the "
            + "untouched example codebook). "
            + "Coda reports what it read and what it had to adjust; a file that cannot be read is not half-imported. "
            + "A .qdpx that cannot be brought over whole is imported in part: what was left out is listed and the "
            + "command exits 1. "
            + "A .qdc merges into the project's codebook by code name. "
            + "To import into a new folder, pass `--project DIR` (it is created).",
        arguments: [ArgumentSpec(name: "FILE", help: "the files to import", variadic: true)],
        options: [OptionSpec(name: "id", valueName: "ID", help: "the document id of an imported transcript (default: the file name)"),
                  OptionSpec(name: "case", valueName: "CASE", help: "the case of an imported transcript"),
                  OptionSpec(name: "attr", valueName: "KEY=VALUE", help: "a header attribute for an imported transcript", repeatable: true),
                  OptionSpec(name: "replace", valueName: nil, help: "import over a transcript of the same id (its codings are kept)"),
                  OptionSpec(name: "encoding", valueName: "NAME", help: "the encoding of a text file when it is not UTF-8: utf-16 or windows-1252"),
                  OptionSpec(name: "offsets", valueName: "UNIT",
                             help: "how a .qdpx counts selection positions, when Coda cannot tell",
                             choices: ["codepoints", "utf16", "utf8"]),
                  OptionSpec(name: "new-codebook", valueName: nil,
                             help: "put an imported .qdc in a codebook file of its own, not merged by code name"),
                  .coder],
        examples: ["coda import zoom-P04.vtt --case P04 --attr role=participant --attr phase=after", "coda import interview.docx",
                   "coda import codebook.qdc", "coda import study.qdpx --project imported-study"],
        group: .ingest
    ) { invocation in
        let console = invocation.console
        let root: URL
        if let explicit = invocation.option("project") {
            root = resolvePath(explicit, from: console.currentDirectory)
            try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } else {
            root = try invocation.projectRoot()
        }
        var options = ImportOptions()
        options.id = invocation.option("id")
        options.caseID = invocation.option("case")
        options.attributes = try invocation.keyValues("attr").map { ($0.lowercased(), $1) }
        options.encoding = invocation.option("encoding")
        options.coder = invocation.option("coder")
        options.newCodebook = invocation.flag("new-codebook")
        options.offsets = invocation.option("offsets")
        options.replace = invocation.flag("replace")
        let files = invocation.argumentList("FILE")
        if files.count > 1 && options.id != nil { throw UsageError.conflicting("--id", "several files") }
        var failed = 0
        var importer = Importer(into: root)
        // Once for all files: it may ask git.
        let coder = try CoderIdentity.resolve(option: options.coder, environment: console.environment,
                                              projectRoot: root)
        let jobs = files.map { path in
            var options = options
            options.record = ChangeLog.ImportRecord(file: path, coder: coder, time: invocation.now)
            return (url: resolvePath(path, from: console.currentDirectory), options: options)
        }
        for (path, result) in zip(files, importer.run(jobs)) {
            do {
                let outcome = try result.get()
                console.line("imported \(path):")
                for line in outcome.summary { console.line("  " + line) }
                for line in outcome.adjustments { console.line("  adjusted: " + line) }
                for line in outcome.leftOut { console.line("  left out: " + line) }
                for file in outcome.written { console.line("  wrote \(file)") }
                if !outcome.leftOut.isEmpty {
                    let count = outcome.leftOut.count
                    console.err("coda: \(path) was imported in part: \(count) thing\(plural(count)) left out, "
                                + "listed above under `left out:`\n")
                    failed += 1
                }
            } catch let error as any CodaError {
                console.err(error.diagnostic.description + "\n")
                failed += 1
            }
        }
        return failed > 0 ? .problemsFound : .success
    }
}
