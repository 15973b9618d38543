import Foundation

/// `coda init [DIR]`: an empty project with a short example of each kind of file.
public enum ProjectInitializer {
    /// Writes the example files; `mainCoder`, when known, is recorded in `Project.md` as the main coder.
    public static func create(at folder: URL, mainCoder: String? = nil) throws -> [String] {
        if ProjectLocator.isProject(folder) { throw ProjectError.exists(path: folder.path) }
        let title = folder.standardizedFileURL.lastPathComponent
        let settings = ProjectSettings().setting(.title, to: title).setting(.mainCoder, to: mainCoder)
        let files: [(String, String)] = [
            (ProjectSettings.fileName, settings.text),
            ("Transcripts/example-interview.md", exampleTranscript),
            ("Transcripts/example-survey.csv", exampleSurvey),
            ("Transcripts/example-survey.columns", exampleColumns),
            ("Codebooks/codebook.md", exampleCodebook),
            ("Figures/example-figures.csv", exampleFigures),
        ]
        var written: [String] = []
        for (path, text) in files {
            try AtomicFile.write(text, to: folder.appendingPathComponent(path))
            written.append(path)
        }
        // Keep Coda's lock file out of git, adding to a .gitignore that is already there.
        let ignore = folder.appendingPathComponent(".gitignore")
        let existing = FileManager.default.contents(atPath: ignore.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !existing.contains("Codings/.lock") {
            let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
            try AtomicFile.write(existing + separator + "# Coda's lock file, and what `coda export appendix` and `coda review` make again\nCodings/.lock\n/Appendix/\n/Review/\n", to: ignore)
            written.append(".gitignore")
        }
        return written
    }

    static let exampleTranscript = """
    ---
    id: EX01
    case: R1
    role: participant
    phase: before
    date: 2024-03-01
    language: en
    speakers: Interviewer, Participant
    ---
    [00:00:04] Interviewer: How did you first hear about the service?

    [00:00:09] Participant: A friend told me. I had to queue at the office twice
    before I understood which form I needed.

    [00:00:31] Interviewer: What would have helped?

    [00:00:35] Participant: Clear information online, before going there.

    """

    static let exampleSurvey = """
    respondent,group,Q1. Did you know the service before?,Q2. What would make it easier to use?
    R1,member,No,Clear information online
    R2,member,Yes,"Shorter queues, and staff who explain the forms"
    R3,non-member,No,

    """

    static let exampleColumns = """
    # What each column of example-survey.csv holds: id, attribute, closed, open or ignore.
    respondent: id
    group: attribute
    Q1: closed
    Q2: open

    """

    static let exampleCodebook = """
    # Example codebook

    Each `##` heading is a code; `###` headings are its children.

    ## Information
    Definition: Talk about how people learn what the service offers and how to use it.
    Include: Sources of information, missing or unclear information.
    Exclude: Complaints about waiting (use Queues).
    Example: "Clear information online, before going there."
    Keywords: information, "how to", explain
    Color: #1f77b4

    ## Problems
    Definition: Difficulties people report with the service (a parent code: apply its children).

    ### Queues
    Definition: Waiting at the office in person.
    Keywords: queue, queues, waiting
    Color: #d62728

    """
}
