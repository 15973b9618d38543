import Foundation
import Testing
@testable import CodaKit

/// `coda pseudonymise` on the sample study and on a small study with non-ASCII names, survey rows with
/// name, phone and email columns, and memos: no name is left in any file or export, every coding keeps its
/// words (with pseudonyms in them), displays and agreement do not change, and `--reverse` restores every byte.
@Suite struct PseudonymiseTests {
    // MARK: Projects

    /// A copy of the sample study (the repository's own project folders).
    static func sampleStudy() -> URL {
        let root = TestSupport.temporaryFolder("coda-pseudonymise-sample")
        for folder in ["Transcripts", "Codebooks", "Codings", "Memos"] {
            try? FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder),
                                              to: root.appendingPathComponent(folder))
        }
        return root
    }

    static let interview = """
        ---
        id: P1
        case: C1
        name: José Nguyễn
        speakers: Interviewer, José Nguyễn
        ---
        Interviewer: Thank you, José. Can you tell me about your work at the depot?\r
        \r
        José Nguyễn: Sure. My manager, Anastasia Ward, calls me Jose; on the forms I am JOSÉ NGUYEN. \
        Nguyen's team is small, write to jose.nguyen@example.org or call +84 90 123 4567.\r
        \r
        Interviewer: And Ana?\r
        \r
        José Nguyễn: Ana helps on Fridays. Anastasia says the queue at the depot is the worst part.\r

        """

    static let survey = """
        id,name,phone,email,Q1. What helped you most?
        C1,José Nguyễn,+84 90 123 4567,jose.nguyen@example.org,"Anastasia helped, and José's team."
        C2,Ana Lima,0812 3456 7890,ana.lima@example.org,Ana Lima said the queue was long.
        C3,Bình Trần,0812 9999 0000,binh@example.org,Nothing helped. Bình waited all day.

        """

    /// José Nguyễn (interview and survey), Ana Lima and Bình Trần (survey), Anastasia Ward (named in the text,
    /// given in a names file), coded by two coders, with memos.
    static func nonASCIIStudy() -> (root: URL, names: URL) {
        let root = TestSupport.project([
            "Transcripts/P1.md": "\u{FEFF}" + interview,
            "Transcripts/staff.csv": survey,
            "Transcripts/staff.columns": "id: id\nname: attribute\nphone: ignore\nemail: ignore\nQ1: open\n",
            "Codebooks/c.md": "# Depot\n\n## Work\nDefinition: the job.\n\n## Help\nDefinition: who helps.\n\n"
                + "## Queue\nDefinition: waiting.\n",
        ])
        let tags: [(String, [String])] = [
            ("alice", ["P1", "2", "Work"]), ("alice", ["P1", "2", "Help", "--phrase", "calls me Jose"]),
            ("alice", ["P1", "4", "Help", "--memo", "José counts on Ana"]),
            ("alice", ["P1", "4", "Queue", "--phrase", "the queue at the depot"]),
            ("alice", ["staff:Q1", "1", "Help"]), ("alice", ["staff:Q1", "2", "Queue"]),
            ("alice", ["staff:Q1", "3", "Queue"]),
            ("bob", ["P1", "2", "Work"]), ("bob", ["P1", "4", "Help"]),
            ("bob", ["staff:Q1", "1", "Help"]), ("bob", ["staff:Q1", "2", "Help"]),
        ]
        let writes: [[String]] = [
            ["memo", "project", "José Nguyễn was the first to reply; Ana Lima asked for the summary by email."],
            ["memo", "document", "P1", "Nguyễn knows the depot well; ask Bình about the morning shift."],
            ["note", "code", "Queue", "Is Ana Lima's queue the same as Anastasia's?"],
            ["summarize", "C1", "Help", "José relies on Anastasia Ward and on Ana."],
        ]
        for (coder, args) in tags.map({ ($0.0, ["tag"] + $0.1) }) + writes.map({ ("alice", $0) }) {
            let environment = ["CODA_CODER": coder, "SOURCE_DATE_EPOCH": "1700000000"]
            let run = TestSupport.run(args, in: root, environment: environment)
            precondition(run.code == .success, run.stderr)
        }
        let names = TestSupport.temporaryFolder("coda-names").appendingPathComponent("names.txt")
        try? Data("# people named in the interviews\nAnastasia Ward\n".utf8).write(to: names)
        return (root, names)
    }

    static func pseudonymise(_ root: URL, _ arguments: String...) -> TestSupport.Run {
        TestSupport.run(["pseudonymise"] + arguments, in: root)
    }

    static func keyURL() -> URL { TestSupport.temporaryFolder("coda-key").appendingPathComponent("study.key") }

    // MARK: Helpers

    /// Every file of the project, by relative path (the lock file aside).
    static func snapshot(_ root: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let rootPath = root.standardizedFileURL.path
        for url in DirectoryWalker.files(under: root) {
            let bytes = FileManager.default.contents(atPath: url.path) ?? Data()
            files[ProjectLoader.relative(url, to: rootPath)] = [UInt8](bytes)
        }
        return files
    }

    /// The words of every coding, with what identifies it apart from its position.
    static func codedWords(_ root: URL) throws -> [String] {
        let project = Project.load(root)
        return try project.codings.map { coding in
            let words = try project.document(coding.document).text(in: coding.range)
            let label = "\(coding.document) ¶\(coding.segmentLabel) \(coding.code) \(coding.coder) \(coding.time)"
            return "\(label) \(coding.memo): \(words)"
        }.sorted()
    }

    /// The words a reader would expect after pseudonymising, written independently of Coda's matcher: each
    /// spelling (longest first) replaced as a whole word.
    static func expected(_ text: String, _ spellings: [(String, String)]) -> String {
        var text = text
        for (spelling, pseudonym) in spellings.sorted(by: { $0.0.count > $1.0.count }) {
            let letter = "[\\p{L}\\p{N}]"
            let pattern = "(?<!\(letter))" + NSRegularExpression.escapedPattern(for: spelling) + "(?!\(letter))"
            text = text.replacingOccurrences(of: pattern, with: NSRegularExpression.escapedTemplate(for: pseudonym),
                                             options: .regularExpression)
        }
        return text
    }

    static func key(_ url: URL) throws -> PseudonymKey {
        try PseudonymKey.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self), path: url.path)
    }

    static func pseudonym(of real: String, in key: PseudonymKey) -> String {
        key.entries.first { $0.real == real }?.pseudonym ?? "?"
    }

    /// Displays whose numbers must not change.
    static func displays(_ root: URL, coders: (String, String)) -> [String] {
        [["matrix", "case-code", "--coder", "all"], ["matrix", "code-coder"], ["agree", coders.0, coders.1]]
            .map { TestSupport.run($0, in: root).stdout }
    }

    /// Every word of every file and export, folded, so any spelling of a name is found.
    static func words(of bytes: [UInt8]) -> Set<String> {
        Set(NameToken.tokens(Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)).map(\.folded))
    }

    /// The exports of the project: the Markdown appendix files and every file inside the .qdpx.
    static func exports(_ root: URL) throws -> [String: [UInt8]] {
        let folder = TestSupport.temporaryFolder("coda-pseudonymise-export")
        let appendix = TestSupport.run(["export", "appendix", folder.appendingPathComponent("appendix").path], in: root)
        #expect(appendix.code == .success, "\(appendix.stderr)")
        let qdpx = folder.appendingPathComponent("study.qdpx")
        let refi = TestSupport.run(["export", "qdpx", qdpx.path], in: root)
        #expect(refi.code == .success, "\(refi.stderr)")
        var files = snapshot(folder.appendingPathComponent("appendix"))
        let zip = try ZipReader(bytes: [UInt8](try Data(contentsOf: qdpx)), fileName: "study.qdpx")
        for entry in zip.entries where !entry.isDirectory { files["qdpx/" + entry.name] = try zip.data(for: entry) }
        #expect(files.keys.contains { $0.hasPrefix("qdpx/") && $0.hasSuffix(".txt") })
        return files
    }

    /// No file and no export holds a key entry: the whole name, any part of it, an email or phone number.
    static func expectNoIdentifier(_ root: URL, key: PseudonymKey) throws {
        let files = snapshot(root).merging(try exports(root)) { a, _ in a }
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            let words = words(of: bytes)
            for entry in key.entries {
                #expect(!text.contains(entry.real), "\(path) still holds \(entry.real)")
                for part in entry.nameParts where part.count > 2 {
                    #expect(!words.contains(part), "\(path) still holds `\(part)` of \(entry.real)")
                }
            }
        }
    }

    // MARK: The sample study

    @Test func sampleStudyKeepsEveryCodingAndRestoresEveryByte() throws {
        let root = Self.sampleStudy()
        let keyURL = Self.keyURL()
        let before = Self.snapshot(root)
        let wordsBefore = try Self.codedWords(root)
        let displaysBefore = Self.displays(root, coders: ("nurul", "amir"))

        let run = Self.pseudonymise(root, "--key", keyURL.path, "--apply")
        #expect(run.code == .success, "\(run.stderr)")
        let key = try Self.key(keyURL)
        #expect(key.state == .applied)
        #expect(key.entries.map(\.real) == ["Pak Hasan", "Andi", "Bu Nur", "Pak Rahman", "Bu Sari"])
        // The names are not printed, only their initials.
        for entry in key.entries { #expect(!run.stdout.contains(entry.real)) }
        #expect(run.stdout.contains("  P01 ← P… H… (person)"))

        try Self.expectNoIdentifier(root, key: key)
        let spellings = key.entries.flatMap { entry in
            [(entry.real, entry.pseudonym)]
                + entry.nameParts.map { (String($0.prefix(1)).uppercased() + $0.dropFirst(), entry.pseudonym) }
        }
        #expect(try Self.codedWords(root) == wordsBefore.map { Self.expected($0, spellings) })
        #expect(Self.displays(root, coders: ("nurul", "amir")) == displaysBefore)
        // The sample's one warning (codings on interviewer turns) stays; pseudonymising adds no problem.
        #expect(TestSupport.run(["check"], in: root).stdout.contains("0 errors, 1 warning."))

        let reverse = Self.pseudonymise(root, "--reverse", "--key", keyURL.path)
        #expect(reverse.code == .success, "\(reverse.stderr)")
        #expect(reverse.stdout == "restored 16 files byte for byte from \(keyURL.path)\n")
        #expect(Self.snapshot(root) == before)
    }

    // MARK: A study with non-ASCII names, survey rows and memos

    @Test func nonASCIIStudyWithSurveyRowsAndMemos() throws {
        let (root, names) = Self.nonASCIIStudy()
        let keyURL = Self.keyURL()
        let before = Self.snapshot(root)
        let wordsBefore = try Self.codedWords(root)
        let displaysBefore = Self.displays(root, coders: ("alice", "bob"))

        let propose = Self.pseudonymise(root, "--key", keyURL.path, "--names", names.path)
        #expect(propose.code == .success, "\(propose.stderr)")
        #expect(Self.snapshot(root) == before, "proposing changes nothing in the project")
        let key = try Self.key(keyURL)
        #expect(key.state == .proposed)
        #expect(key.entries.map { "\($0.kind.rawValue) \($0.real) \($0.pseudonym)" } == [
            "person Anastasia Ward P01", "person José Nguyễn P02", "person Ana Lima P03", "person Bình Trần P04",
            "phone +84 90 123 4567 [phone 1]", "phone 0812 3456 7890 [phone 2]", "phone 0812 9999 0000 [phone 3]",
            "email jose.nguyen@example.org [email 1]", "email ana.lima@example.org [email 2]",
            "email binh@example.org [email 3]",
        ])
        #expect(propose.stdout.contains("note: `ana` (P03) is the start of `anastasia` (P01): "
                                        + "only whole words are replaced, so `anastasia` is never read as `ana`"))

        let dryRun = Self.pseudonymise(root, "--key", keyURL.path, "--dry-run")
        #expect(dryRun.stdout.contains("Transcripts/P1.md:9 (P1 ¶2)  Nguyen → P02\n"))
        #expect(dryRun.stdout.contains("Transcripts/staff.csv:3 (staff respondent C2)  Ana Lima → P03\n"))
        #expect(Self.snapshot(root) == before)

        let apply = Self.pseudonymise(root, "--key", keyURL.path, "--apply")
        #expect(apply.code == .success, "\(apply.stderr)")
        try Self.expectNoIdentifier(root, key: try Self.key(keyURL))
        let interview = String(decoding: Self.snapshot(root)["Transcripts/P1.md"] ?? [], as: UTF8.self)
        #expect(interview.contains("P02: Sure. My manager, P01, calls me P02; on the forms I am P02. "
                                   + "P02's team is small, write to [email 1] or call [phone 1].\r\n"))
        #expect(interview.contains("Interviewer: And P03?\r\n"))
        #expect(interview.hasPrefix("\u{FEFF}---\nid: P1\ncase: C1\nname: P02\nspeakers: Interviewer, P02\n---\n"))

        let spellings = key.entries.map { ($0.real, $0.pseudonym) } + [
            ("José", "P02"), ("Jose", "P02"), ("JOSÉ NGUYEN", "P02"), ("Nguyen", "P02"),
            ("Anastasia", "P01"), ("Ana", "P03"), ("Bình", "P04"),
        ]
        #expect(try Self.codedWords(root) == wordsBefore.map { Self.expected($0, spellings) })
        #expect(Self.displays(root, coders: ("alice", "bob")) == displaysBefore)
        let clean = TestSupport.run(["check", "--identifiers", "--key", keyURL.path], in: root)
        #expect(clean.code == .success, "\(clean.stdout)")

        let reverse = Self.pseudonymise(root, "--reverse", "--key", keyURL.path)
        #expect(reverse.code == .success, "\(reverse.stderr)")
        #expect(Self.snapshot(root) == before)
        let check = TestSupport.run(["check", "--identifiers", "--key", keyURL.path], in: root)
        #expect(check.code == .problemsFound)
        #expect(check.stdout.contains(
            "Transcripts/P1.md:4:7: error: the name that the key turns into `P02` is still here"))
    }

    /// `check --fix --identifiers`: the names still in the project are reported after --fix has saved the
    /// codings' new positions and reloaded the project, not dropped with the project they were added to.
    @Test func checkFixStillReportsIdentifiers() throws {
        let root = CondenseFixture.make()
        let env = ["CODA_CODER": "alice", "SOURCE_DATE_EPOCH": "1660000000"]
        #expect(TestSupport.run(["tag", "P01", "4", "JHT claims"], in: root, environment: env).code == .success)
        let url = root.appendingPathComponent("Transcripts/P01.md")
        let turn = "[00:00:40] Interviewer:"
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: turn, with: "[00:00:30] Interviewer: Sorry, Bu Sari, my phone.\n\n" + turn)
        try Data(text.utf8).write(to: url)
        let keyURL = Self.keyURL()
        try Data("person\tBu Sari\tP02\n".utf8).write(to: keyURL)
        let name = "Transcripts/P01.md:12:32: error: the name that the key turns into `P02` is still here"
        let fix = TestSupport.run(["check", "--fix", "--identifiers", "--key", keyURL.path], in: root, environment: env)
        #expect(fix.stderr == "saved the new positions of 1 coding\n")
        #expect(fix.code == .problemsFound)
        #expect(fix.stdout.contains(name), "\(fix.stdout)")
        #expect(Project.load(root).movedCodings.isEmpty)
    }

    @Test func respondentsNamedInTheIdColumn() throws {
        let root = TestSupport.project([
            "Transcripts/s.csv": "name,Q1. Anything else?\n"
                + "Maria Santos,Maria Santos wants shorter queues.\nTomás Ruiz,Nothing.\n",
            "Transcripts/s.columns": "name: id\nQ1: open\n",
            "Codebooks/c.md": "# C\n\n## Queue\nDefinition: waiting.\n",
        ])
        let tag = TestSupport.run(["tag", "s:Q1", "1", "Queue"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(tag.code == .success)
        let wordsBefore = try Self.codedWords(root)
        let keyURL = Self.keyURL()
        #expect(Self.pseudonymise(root, "--key", keyURL.path, "--apply").code == .success)
        let key = try Self.key(keyURL)
        #expect(key.entries.map(\.real) == ["Maria Santos", "Tomás Ruiz"])
        try Self.expectNoIdentifier(root, key: key)
        #expect(try Self.codedWords(root) == wordsBefore.map { Self.expected($0, [("Maria Santos", "P01")]) })
        let retrieved = TestSupport.run(["retrieve", "Queue"], in: root).stdout
        #expect(retrieved.contains("P01 wants shorter queues."))
        #expect(!retrieved.contains("Maria"))
    }

    /// A run stopped after some files were renamed in: the same command finishes it, and `--reverse` undoes it.
    @Test func interruptedRunIsFinishedOrUndone() throws {
        let (root, names) = Self.nonASCIIStudy()
        let keyURL = Self.keyURL()
        let before = Self.snapshot(root)
        #expect(Self.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply").code == .success)
        let after = Self.snapshot(root)
        let applied = String(decoding: try Data(contentsOf: keyURL), as: UTF8.self)
        let changed = try Self.key(keyURL).files.map(\.path)
        #expect(changed.count >= 5)

        func interrupt() throws {
            for (index, path) in changed.enumerated() where index % 2 == 0 {
                try Data(before[path] ?? []).write(to: root.appendingPathComponent(path))
            }
            try Data(applied.replacingOccurrences(of: "state\tapplied", with: "state\tapplying").utf8).write(to: keyURL)
        }

        try interrupt()
        let finish = Self.pseudonymise(root, "--key", keyURL.path, "--apply")
        #expect(finish.stdout == "finished the interrupted pseudonymisation recorded in \(keyURL.path): "
                + "\((changed.count + 1) / 2) more files rewritten\n")
        #expect(Self.snapshot(root) == after)

        try interrupt()
        #expect(Self.pseudonymise(root, "--reverse", "--key", keyURL.path).code == .success)
        #expect(Self.snapshot(root) == before)
    }

    /// The real `coda` killed at random moments of `--apply`: running it again always ends pseudonymised,
    /// and `--reverse` always ends with the original bytes.
    @Test(.enabled(if: TestSupport.codaBinary != nil, "skipped: needs the built coda executable (swift build)"))
    func killedApplyIsFinishedOrUndone() throws {
        let binary = try #require(TestSupport.codaBinary)
        let (fixture, _) = Self.nonASCIIStudy()
        let before = Self.snapshot(fixture)
        let reference = TestSupport.copy(fixture)
        #expect(Self.pseudonymise(reference, "--key", Self.keyURL().path, "--apply").code == .success)
        let after = Self.snapshot(reference)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let root = TestSupport.copy(fixture)
            let keyURL = Self.keyURL()
            let process = Process()
            process.executableURL = binary
            process.arguments = ["pseudonymise", "--key", keyURL.path, "--apply"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...800_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(root)
            #expect(now.keys == before.keys, "round \(round): files appeared or vanished")
            if round % 2 == 0 {
                _ = Self.pseudonymise(root, "--key", keyURL.path, "--apply")
                #expect(Self.snapshot(root) == after, "round \(round): not finished")
            } else {
                _ = Self.pseudonymise(root, "--key", keyURL.path, "--reverse")
                #expect(Self.snapshot(root) == before, "round \(round): not undone")
            }
        }
    }

    // MARK: Bad input

    @Test func keyOfAnotherProjectOrAnEditedFileIsRefused() throws {
        let (root, names) = Self.nonASCIIStudy()
        let keyURL = Self.keyURL()
        #expect(Self.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply").code == .success)

        let other = Self.sampleStudy()
        let otherBefore = Self.snapshot(other)
        let wrongProject = Self.pseudonymise(other, "--reverse", "--key", keyURL.path)
        #expect(wrongProject.code == .problemsFound)
        #expect(wrongProject.stderr == """
            error: the key \(keyURL.path) does not match this project: 17 files differ from what the key recorded \
            (Transcripts/P1.md, Transcripts/staff.csv, Codings/alice/P1.tsv, Codings/alice/staff_Q1.tsv, \
            Codings/bob/P1.tsv, …)
              hint: use the key written when this project was pseudonymised; if you edited these files since, \
            undo those edits first (e.g. with git)

            """)
        #expect(Self.snapshot(other) == otherBefore)

        // A proposed key from one project applied to another: none of its names is there.
        let proposedKey = Self.keyURL()
        let proposed = Self.pseudonymise(Self.nonASCIIStudy().root, "--key", proposedKey.path, "--names", names.path)
        #expect(proposed.code == .success)
        let noName = Self.pseudonymise(other, "--key", proposedKey.path, "--apply")
        #expect(noName.stderr == """
            error: none of the names in the key \(proposedKey.path) occurs in this project
              hint: check that this is the key of this project, or give a new key file to have Coda propose one

            """)

        // An edited file: nothing is restored, not even the files that could be.
        let transcript = root.appendingPathComponent("Transcripts/P1.md")
        let text = String(decoding: try Data(contentsOf: transcript), as: UTF8.self)
        try Data((text + "Interviewer: Thanks.\n").utf8).write(to: transcript)
        let pseudonymised = Self.snapshot(root)
        let edited = Self.pseudonymise(root, "--reverse", "--key", keyURL.path)
        #expect(edited.stderr.hasPrefix("error: the key \(keyURL.path) does not match this project: 1 file differ"))
        #expect(Self.snapshot(root) == pseudonymised)
    }

    static func hopeStudy() -> URL {
        let root = TestSupport.project([
            "Transcripts/H1.md": "---\nid: H1\ncase: Hope\nspeakers: Interviewer, Hope\n---\n"
                + "Interviewer: Hope, do you hope to come back?\n\nHope: Yes. Hope is what keeps me going, I hope.\n",
            "Codebooks/c.md": "# C\n\n## Future\nDefinition: plans.\n",
        ])
        _ = TestSupport.run(["tag", "H1", "2", "Future"], in: root, environment: ["CODA_CODER": "alice"])
        return root
    }

    @Test func nameThatIsAlsoACommonWordNeedsADecision() throws {
        let root = Self.hopeStudy()
        let keyURL = Self.keyURL()
        let before = Self.snapshot(root)
        let refused = Self.pseudonymise(root, "--key", keyURL.path, "--apply")
        #expect(refused.code == .problemsFound)
        #expect(refused.stderr == """
            error: 2 places may be a common word rather than a name: Transcripts/H1.md:6 (H1 ¶1): `Hope`; \
            Transcripts/H1.md:8 (H1 ¶2): `Hope`
              hint: look at them with `--dry-run`, then run again with `--unsure replace` (they are the name) or \
            `--unsure keep` (they are the word)

            """)
        #expect(Self.snapshot(root) == before)

        let keep = Self.pseudonymise(root, "--key", keyURL.path, "--apply", "--unsure", "keep")
        #expect(keep.code == .success)
        #expect(keep.stdout.contains("warning: a document id, case id or code name holds a name and is not replaced "
                                     + "(Transcripts/H1.md:3): rename it by hand before you share the project\n"))
        let kept = String(decoding: Self.snapshot(root)["Transcripts/H1.md"] ?? [], as: UTF8.self)
        #expect(kept.hasSuffix("Interviewer: Hope, do you hope to come back?\n\n"
                               + "P01: Yes. Hope is what keeps me going, I hope.\n"))
        #expect(Self.pseudonymise(root, "--key", keyURL.path, "--reverse").code == .success)
        #expect(Self.pseudonymise(root, "--key", keyURL.path, "--apply", "--unsure", "replace").code == .success)
        let replaced = String(decoding: Self.snapshot(root)["Transcripts/H1.md"] ?? [], as: UTF8.self)
        #expect(replaced.hasSuffix("Interviewer: P01, do you hope to come back?\n\n"
                                   + "P01: Yes. P01 is what keeps me going, I hope.\n"))
    }

    /// A pseudonym that already stands in the text, and one that could not stand as a speaker label.
    @Test(arguments: [
        ("José Nguyễn = C2", """
            error: the pseudonym `C2` already occurs in the project (Transcripts/staff.csv): readers could not tell it \
            from the replaced names
              hint: choose another pseudonym for it in the key

            """),
        ("José Nguyễn = (someone)", """
            error: the pseudonym `(someone)` for `José Nguyễn` could break a file or a speaker label (it holds a tab, \
            line end, comma, semicolon, colon, quote or, for a person, a bracket)
              hint: choose a pseudonym of letters, digits, spaces, dots or hyphens, e.g. `P01` or `Participant 3`

            """),
    ])
    func badPseudonymIsRefused(line: String, report: String) throws {
        let (root, _) = Self.nonASCIIStudy()
        let names = TestSupport.temporaryFolder("coda-names").appendingPathComponent("names.txt")
        try Data((line + "\n").utf8).write(to: names)
        let before = Self.snapshot(root)
        let run = Self.pseudonymise(root, "--key", Self.keyURL().path, "--names", names.path, "--apply")
        #expect(run.stderr == report)
        #expect(Self.snapshot(root) == before)
    }

    @Test func firstNameSharedByTwoPeopleIsRefused() throws {
        let root = TestSupport.project([
            "Transcripts/A1.md": "Interviewer: Did Ana Lima or Ana Souza call?\n\nAna Souza: Ana did.\n",
        ])
        let names = TestSupport.temporaryFolder("coda-names").appendingPathComponent("names.txt")
        try Data("Ana Lima\n".utf8).write(to: names)
        let before = Self.snapshot(root)
        let run = Self.pseudonymise(root, "--key", Self.keyURL().path, "--names", names.path, "--apply")
        #expect(run.stderr == """
            error: `ana` alone could be `Ana Lima` or `Ana Souza`: Coda cannot tell which pseudonym it takes
              hint: write the full names in the text where `ana` stands alone, \
            or make them one line of the key if they are the same person

            """)
        #expect(Self.snapshot(root) == before)
    }

    @Test func codingsNotWhereTheirFilesSayAreRefused() throws {
        let root = Self.hopeStudy()
        let transcript = root.appendingPathComponent("Transcripts/H1.md")
        let text = String(decoding: try Data(contentsOf: transcript), as: UTF8.self)
        let welcomed = text.replacingOccurrences(of: "---\nInterviewer:",
                                                 with: "---\nInterviewer: Welcome.\n\nInterviewer:")
        try Data(welcomed.utf8).write(to: transcript)
        let before = Self.snapshot(root)
        let keyURL = Self.keyURL()
        let run = Self.pseudonymise(root, "--key", keyURL.path, "--apply", "--unsure", "replace")
        #expect(run.stderr == """
            error: 1 coding is not where its file says, so it cannot be carried exactly
              hint: `coda check --fix` saves their new positions; `coda check` lists those that lost their words

            """)
        #expect(Self.snapshot(root) == before)
        #expect(!FileManager.default.fileExists(atPath: keyURL.path))
        #expect(TestSupport.run(["check", "--fix"], in: root).code == .success)
        let fixed = Self.pseudonymise(root, "--key", keyURL.path, "--apply", "--unsure", "replace", "--show-key")
        #expect(fixed.code == .success)
        #expect(fixed.stdout.contains("  P01 ← Hope (person)\n"))
    }

    @Test func keyInsideTheProjectOrGitIsRefused() throws {
        let root = Self.hopeStudy()
        let inside = Self.pseudonymise(root, "--key", "Memos/study.key")
        #expect(inside.stderr == """
            error: the key Memos/study.key would be inside the project folder, which is what you share
              hint: put the key in a private folder outside the project and outside git, \
            e.g. `--key ~/private/study.key`

            """)
        let repository = TestSupport.temporaryFolder("coda-repo")
        for folder in [".git/objects", "private"] {
            try FileManager.default.createDirectory(at: repository.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        let inGit = Self.pseudonymise(root, "--key", repository.appendingPathComponent("private/study.key").path)
        #expect(inGit.stderr.hasPrefix(
            "error: the key \(repository.path)/private/study.key would be inside the git work tree "))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("private/study.key").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Memos/study.key").path))
    }
}

/// The pieces under `coda pseudonymise`: spellings of a name, contacts in text, and spans carried across replacements.
@Suite struct PseudonymPiecesTests {
    let matcher = PseudonymMatcher([
        PseudonymEntry(real: "José Nguyễn", pseudonym: "P01", kind: .person),
        PseudonymEntry(real: "Pak Hasan", pseudonym: "P02", kind: .person),
    ])

    @Test(arguments: [
        ("José Nguyễn said so.", "P01 said so."),
        ("JOSE NGUYEN said so.", "P01 said so."),
        ("Ask Jose, or Nguyễn's sister.", "Ask P01, or P01's sister."),
        ("Pak Hasan and Hasan and hasan.", "P02 and P02 and hasan."),
        ("Joseph and Hasanuddin are others.", "Joseph and Hasanuddin are others."),
    ])
    func spellingsOfOneName(text: String, expected: String) {
        #expect(TextRewrite(text, matcher: matcher, unsure: .keep).text == expected)
    }

    @Test func spanBoundariesInsideANameKeepTheWholePseudonym() {
        let rewrite = TextRewrite("Hi José Nguyễn here, bye", matcher: matcher, unsure: .keep)
        #expect(rewrite.text == "Hi P01 here, bye")
        // "Nguyễn here" starts inside the name: the coding now starts at the pseudonym.
        #expect(rewrite.newOffset(8, isEnd: false) == 3)
        #expect(rewrite.newOffset(19, isEnd: true) == 11)
        // "Hi Jo" ends inside the name: the coding now ends after the pseudonym.
        #expect(rewrite.newOffset(5, isEnd: true) == 6)
        #expect(rewrite.newOffset(0, isEnd: false) == 0)
        #expect(rewrite.newOffset(24, isEnd: true) == 16)
    }

    @Test func contactsInText() {
        var finder = IdentifierFinder()
        finder.scanContacts("Mail ana.lima@example.org. Call +62 812-3456-7890 or (0411) 123 4567. "
                            + "In May 2,329 numbers; on 2022-08-25 10:14 the queue; ticket 12345.")
        #expect(finder.found.map(\.real) == ["ana.lima@example.org", "+62 812-3456-7890", "(0411) 123 4567"])
    }
}

/// Words that are probably part of a name the key leaves out (`Nurhayati` when the label is `Bu Nur`,
/// `Muhammad` before `Hasan`): reported as unsure on a dry run and by `check --identifiers`, never passed silently.
@Suite struct PseudonymiseLikelyNamePartTests {
    static let nurhayati = "Transcripts/R154-participant.md:15 (R154 ¶2): `Nurhayati` starts like `Bu Nur`"
    static let muhammad = "Transcripts/R017-participant.md:47 (R017 ¶18): `Muhammad` stands beside `Hasan`"

    static func names(_ text: String) throws -> URL {
        let url = TestSupport.temporaryFolder("coda-names").appendingPathComponent("names.txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func check(_ root: URL, key: URL) -> TestSupport.Run {
        TestSupport.run(["check", "--identifiers", "--key", key.path], in: root)
    }

    static func holds(_ root: URL, _ word: String) -> [String] {
        PseudonymiseTests.snapshot(root).filter { String(decoding: $0.value, as: UTF8.self).contains(word) }
            .keys.sorted()
    }

    @Test func dryRunNamesLikelyNamePartsAndTheirAdditionRemovesThem() throws {
        let root = PseudonymiseTests.sampleStudy()
        let keyURL = PseudonymiseTests.keyURL()
        let dryRun = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--dry-run")
        #expect(dryRun.code == .success, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("unsure: 3 words that may be part of a name the key leaves out"))
        #expect(dryRun.stdout.contains(Self.nurhayati + " (→ P03); if it is the same person, "
                                           + "add `Nurhayati = P03` to a `--names FILE` or to the key"))
        #expect(dryRun.stdout.contains(Self.muhammad + " (→ P01); if it is the same person, "
                                           + "add `Muhammad Hasan = P01` to a `--names FILE` or to the key"))
        #expect(Self.holds(root, "Nurhayati") == ["Transcripts/R154-participant.md"])

        // The hints, followed: both words go, each to the pseudonym of its person, and the others stay as shown.
        let names = try Self.names("Nurhayati = P03\nMuhammad Hasan = P01\n")
        let apply = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply")
        #expect(apply.code == .success, "\(apply.stderr)")
        #expect(!apply.stdout.contains("unsure"))
        let key = try PseudonymiseTests.key(keyURL)
        #expect(key.entries.map { "\($0.pseudonym) \($0.real)" } == [
            "P01 Pak Hasan", "P02 Andi", "P03 Bu Nur", "P04 Pak Rahman", "P05 Bu Sari", "P03 Nurhayati",
            "P01 Muhammad Hasan",
        ])
        #expect(Self.holds(root, "Nurhayati").isEmpty && Self.holds(root, "Muhammad").isEmpty)
        #expect(String(decoding: try Data(contentsOf: root.appendingPathComponent("Transcripts/R017-participant.md")),
                       as: UTF8.self).contains("on my KTP it is \"P01\""))
        let check = Self.check(root, key: keyURL)
        #expect(check.code == .success, "\(check.stdout)")
        #expect(check.stdout.contains("0 errors, 1 warning."), "\(check.stdout)")
    }

    @Test func checkWarnsOfLikelyNamePartsLeftBesideAPseudonym() throws {
        let root = PseudonymiseTests.sampleStudy()
        let keyURL = PseudonymiseTests.keyURL()
        // The key is written first, then applied as it is: Nurhayati and Muhammad stay.
        #expect(PseudonymiseTests.pseudonymise(root, "--key", keyURL.path).code == .success)
        let apply = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--apply")
        #expect(apply.code == .success, "\(apply.stderr)")
        // The apply report names the word and the pseudonym, not the name beside it.
        #expect(apply.stdout.contains("Transcripts/R017-participant.md:47 (R017 ¶18): `Muhammad` stands beside "
                                          + "the name of P01; if it is the same person, add `Muhammad … = P01`"))
        let check = Self.check(root, key: keyURL)
        #expect(check.code == .success, "warnings only: \(check.stdout)")
        for (file, word, pseudonym) in [("R154-participant.md", "Nurhayati", "P03"),
                                        ("R017-participant.md", "Muhammad", "P01")] {
            #expect(check.stdout.contains("Transcripts/\(file)"), "\(check.stdout)")
            #expect(check.stdout.contains("`\(word)` "), "\(check.stdout)")
            #expect(check.stdout.contains("turns into `\(pseudonym)`"), "\(check.stdout)")
        }
        let key = try PseudonymiseTests.key(keyURL)
        for entry in key.entries { #expect(!check.stdout.contains(entry.real)) }

        // Added to the key after reversing, they go, and check is quiet.
        #expect(PseudonymiseTests.pseudonymise(root, "--reverse", "--key", keyURL.path).code == .success)
        let names = try Self.names("Nurhayati = P03\nMuhammad Hasan = P01\n")
        let again = PseudonymiseTests.pseudonymise(root, "--key", keyURL.path, "--names", names.path, "--apply")
        #expect(again.code == .success, "\(again.stderr)")
        #expect(Self.holds(root, "Nurhayati").isEmpty && Self.holds(root, "Muhammad").isEmpty)
        #expect(Self.check(root, key: keyURL).stdout.contains("0 errors, 1 warning."))
    }
}
