import Foundation

extension CommandSpec {
    static let initProject = CommandSpec(
        name: "init", summary: "make a new project folder with an example of each kind of file",
        arguments: [ArgumentSpec(name: "DIR", help: "the folder to make it in (default: the current folder)", optional: true)],
        options: [OptionSpec(name: "force", valueName: nil, help: "make the project even inside another project's folder")],
        examples: ["coda init my-study"], group: .project
    ) { invocation in
        let console = invocation.console
        let folder = resolvePath(invocation.argument("DIR") ?? ".", from: console.currentDirectory)
        if !invocation.flag("force"), !ProjectLocator.isProject(folder), let outer = NestedProjectError.outerProject(of: folder) {
            throw NestedProjectError(folder: folder.path, outer: outer.path)
        }
        let coder = try? CoderIdentity.resolve(option: nil, environment: console.environment, projectRoot: folder)
        let written = try ProjectInitializer.create(at: folder, mainCoder: coder)
        console.line("Made a Coda project in \(folder.path):")
        for path in written { console.line("  \(path)") }
        console.line("\nNext: put your transcripts in Transcripts/, your codebook in Codebooks/, then run `coda status`.")
        return .success
    }

    static let status = CommandSpec(
        name: "status", summary: "the project at a glance: transcripts, cases, surveys, codebooks and problems",
        formats: [.table, .md, .json, .html], examples: ["coda status", "coda status --project ~/thesis/study"], group: .project
    ) { invocation in
        let project = try invocation.project()
        invocation.emit(ProjectStatus.report(project))
        // A listed error is a failure for scripts and CI, as with `coda check`.
        return project.diagnostics.errorCount > 0 ? .problemsFound : .success
    }

    static let transcripts = CommandSpec(
        name: "transcripts", summary: "list the transcripts with their case, role, phase, segments and speakers",
        formats: [.table, .md, .csv, .tsv, .json, .html, .tex], group: .project
    ) { invocation in
        let project = try invocation.project()
        invocation.emit(TranscriptList.report(project))
        return .success
    }

    static let show = CommandSpec(
        name: "show", summary: "show a document's numbered segments",
        discussion: "Segments are speaker turns (or paragraphs where there are no speaker labels), numbered from 1. "
            + "These numbers are how every other command points at text. A survey's open question is a document too: "
            + "`SURVEY:KEY`, one segment per respondent.",
        arguments: [ArgumentSpec(name: "ID", help: "the document id, as `coda transcripts` lists it"),
                    ArgumentSpec(name: "SEGMENTS", help: "which segments: 4, 4-9 or 4,7 (default: all)", optional: true)],
        formats: [.table, .md, .csv, .tsv, .json, .html, .tex],
        examples: ["coda show R017", "coda show R017 4-6", "coda show pre-survey:Q4 17"], group: .project
    ) { invocation in
        let id = invocation.argument("ID")!
        let project = try invocation.project(forDocument: id)
        let selection = try invocation.argument("SEGMENTS").map { text throws(SegmentSelectionError) in try SegmentSelection(parsing: text) }
        let document = try project.document(id)
        invocation.emit(try TranscriptView.report(document, segments: selection, project: project))
        return .success
    }
}
