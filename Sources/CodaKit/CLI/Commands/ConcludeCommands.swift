extension CommandSpec {
    static let agree = CommandSpec(
        name: "agree", summary: "inter-coder agreement: percent agreement, Cohen's kappa, Krippendorff's alpha",
        discussion: "Over the segments both coders read (in an interview both coded, every turn but the interviewer's; in survey "
            + "answers, each respondent both coded or marked read with `coda tag DOC N --none`), each (segment, code) pair is one "
            + "decision per coder (unit segment), or each character of segment text (unit char, as NVivo's coding comparison). "
            + "Per code, per document and pooled over the codes either used, with positive agreement (both coded / either coded). "
            + "Undefined values (e.g. kappa when neither coder used a code) are said to be undefined, with the reason.",
        arguments: [ArgumentSpec(name: "CODER_A", help: "the first coder", optional: true),
                    ArgumentSpec(name: "CODER_B", help: "the second coder", optional: true)],
        options: [OptionSpec(name: "code", valueName: "CODE", help: "only this code and the codes under it", repeatable: true),
                  OptionSpec(name: "unit", valueName: "UNIT", help: "segment (default) or char", choices: Agreement.Unit.allCases.map(\.rawValue)),
                  OptionSpec(name: "disagreements", valueName: nil, help: "list the segments where the coders differ, with the text"),
                  .withInterviewer],
        formats: [.table, .md, .csv, .tsv, .json, .html, .tex],
        examples: ["coda agree nurul amir", "coda agree nurul amir --code 'Flower of Service' --disagreements", "coda agree nurul amir --unit char --format json"],
        group: .conclude
    ) { invocation in
        let project = try invocation.project()
        let codes = try invocation.codes(invocation.optionList("code"), in: project)
        let unit = invocation.option("unit").flatMap(Agreement.Unit.init(rawValue:)) ?? .segment
        guard let coderA = invocation.argument("CODER_A"), let coderB = invocation.argument("CODER_B") else {
            throw AgreementCodersMissing(project: project, given: invocation.argument("CODER_A"))
        }
        let agreement = try Agreement(project, coderA: coderA, coderB: coderB, codes: codes, unit: unit,
                                      withInterviewer: invocation.flag("with-interviewer"))
        invocation.emit(AgreementReport.report(agreement, project: project, disagreements: invocation.flag("disagreements")))
        return .success
    }

    static let conclude = CommandSpec(
        name: "conclude", summary: "draft conclusions theme by theme, each claim traced to codings and counts",
        discussion: "For each theme (top-level code, or --theme): prevalence by group with contrasts, co-occurring codes, exemplar quotes "
            + "cited as case ¶segment, negative cases, triangulation with linked survey questions, and the verification checks. "
            + "It is a draft for you to judge and edit.",
        options: [OptionSpec(name: "theme", valueName: "CODE", help: "only this theme (repeatable; default: every top-level code)", repeatable: true),
                  OptionSpec(name: "by", valueName: "ATTRIBUTE", help: "group interviews by this attribute (repeatable; default: role and phase)", repeatable: true),
                  OptionSpec(name: "coder", valueName: "NAME", help: "whose codings (default: the main coder; `all` for everyone)"),
                  .withInterviewer],
        formats: [.table, .md, .html, .json, .tex],
        examples: ["coda conclude", "coda conclude --theme Awareness --format md > awareness.md", "coda conclude --by age_group --format html > draft.html"],
        group: .conclude
    ) { invocation in
        let project = try invocation.project()
        let themes = try invocation.codes(invocation.optionList("theme"), in: project)
        invocation.emit(try ConclusionDraft.report(project, themes: themes, by: invocation.optionList("by"), coder: invocation.option("coder"),
                                                   withInterviewer: invocation.flag("with-interviewer")))
        return .success
    }

    static let note = CommandSpec(
        name: "note", summary: "a reviewer's note on a code, a coding, a matrix cell or the project",
        discussion: "Targets: `project`, `code CODE`, `coding DOC SEGMENT CODE`, `cell KIND ROW COLUMN` (e.g. `cell case-code R017 Queues`). "
            + "Notes are kept in Memos/notes.md with author and date; `coda notes` lists the open ones; `--resolve ID` closes one.",
        arguments: [ArgumentSpec(name: "TARGET", help: "what the note is on, then the text", optional: true, variadic: true)],
        options: [OptionSpec(name: "resolve", valueName: "ID", help: "close the note with this id (e.g. N3)"),
                  OptionSpec(name: "author", valueName: "NAME", help: "who writes (default: as --coder: CODA_CODER, git user.name, login)")],
        examples: ["coda note code Queues \"Overlaps with Order taking in S01; agree a rule.\"", "coda note cell case-code R017 'JHT claims' \"Check ¶22\"",
                   "coda note coding S02 6 Queues \"Is the drop seasonal?\"", "coda notes", "coda note --resolve N2"],
        group: .conclude
    ) { invocation in
        let root = try invocation.projectRoot()
        let author = try CoderIdentity.resolve(option: invocation.option("author"), environment: invocation.console.environment, projectRoot: root)
        let date = Clock.minute(Clock.now(invocation.console.environment))
        let store = NoteStore(root: root)
        if let id = invocation.option("resolve") {
            guard invocation.argumentList("TARGET").isEmpty else { throw UsageError.conflicting("--resolve", "a note text") }
            let note = try store.resolve(id, by: author, date: date)
            invocation.console.line("resolved \(note.id) (\(note.target))")
            return .success
        }
        let (target, text) = try NoteTarget.parse(invocation.argumentList("TARGET"), project: invocation.project)
        let id = try store.add(target: target, text: text, author: author, date: date)
        invocation.console.line("note \(id) on \(target) saved in \(NoteStore.path)")
        return .success
    }

    static let notes = CommandSpec(
        name: "notes", summary: "list the open review notes (--all for resolved ones too)",
        options: [OptionSpec(name: "all", valueName: nil, help: "also resolved notes")],
        formats: [.table, .md, .csv, .tsv, .json, .html], group: .conclude
    ) { invocation in
        invocation.emit(ReviewNotesReport.report(NoteStore(root: try invocation.projectRoot()).load(), all: invocation.flag("all")))
        return .success
    }
}

extension CommandSpec {
    static let review = CommandSpec(
        name: "review", summary: "write the supervisor's review pack: one HTML page (and Markdown)",
        discussion: "The page holds the codebook, the main matrices with each cell's quotes one click away, agreement between coders, "
            + "the problems `coda check` finds and the open notes. No JavaScript; it opens in any browser. Coda overwrites only "
            + "the files it wrote in the folder before.",
        arguments: [ArgumentSpec(name: "DIR", help: "where to write it (default: Review/ in the project)", optional: true)],
        examples: ["coda review", "coda review ~/Desktop/review-nov"], group: .conclude
    ) { invocation in
        let project = try invocation.project()
        let name = invocation.argument("DIR") ?? "Review"
        let folder = invocation.argument("DIR").map { resolvePath($0, from: invocation.console.currentDirectory) }
            ?? project.root.appendingPathComponent("Review")
        let files = try ReviewPack.write(project, to: folder, displayName: name)
        invocation.console.line("wrote " + files.map { "\(name)/\($0)" }.joined(separator: " and "))
        return .success
    }
}
