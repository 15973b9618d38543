import Foundation
import Testing
@testable import CodaKit

@Suite struct AppendixTests {
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                result[String(url.path.dropFirst(folder.path.count + 1))] = data
            }
        }
        return result
    }

    @Test(arguments: Appendix.Format.allCases)
    func theSampleAppendixIsCompleteAndDeterministic(format: Appendix.Format) throws {
        let project = Project.load(TestSupport.packageRoot)
        let a = TestSupport.temporaryFolder(), b = TestSupport.temporaryFolder()
        _ = try Appendix(project: project, coder: nil).write(to: a, format: format, displayName: "a")
        _ = try Appendix(project: Project.load(TestSupport.packageRoot), coder: nil).write(to: b, format: format, displayName: "b")
        let first = try files(a), second = try files(b)
        #expect(first == second)
        let ext = format == .txt ? "txt" : format.rawValue
        for part in ["01-methods", "02-codebook", "04-survey", "06-figures", "07-matrices", "08-memos", "09-conclusions",
                     "10-agreement"] {
            #expect(first["\(part).\(ext)"] != nil, "\(part)")
        }
        for document in project.documentIDs { #expect(first["03-transcripts/\(document.fileSafe()).\(ext)"] != nil) }
        #expect(first[format == .tex ? "appendix.tex" : "index.\(ext)"] != nil)
        let methods = String(decoding: first["01-methods.\(ext)"] ?? Data(), as: UTF8.self)
        #expect(methods.contains(String(project.humanCodings.count)))
    }

    /// The LaTeX appendix compiles as an `\input` into a thesis with each engine installed (CI may have none).
    @Test(arguments: TeXEngine.allCases)
    func theLaTeXAppendixCompilesInAThesis(engine: TeXEngine) throws {
        guard let program = TestSupport.texEngine(engine.rawValue) else {
            print("skipped: \(engine.rawValue) is not installed, so the LaTeX appendix was not compiled with it")
            return
        }
        let folder = TestSupport.temporaryFolder()
        // An engine that cannot compile a document of one word with its own preamble is a broken install, not ours.
        try Data("\\documentclass{article}\n\(engine.preamble())\\begin{document}\nx\n\\end{document}\n".utf8)
            .write(to: folder.appendingPathComponent("probe.tex"))
        guard try TestSupport.compileLaTeX("probe.tex", in: folder, with: program) == 0 else {
            print("skipped: \(engine.rawValue) is installed but cannot compile a one-word document here (its fonts are missing)")
            return
        }
        var appendix = Appendix(project: Project.load(TestSupport.packageRoot), coder: nil)
        appendix.engine = engine
        _ = try appendix.write(to: folder.appendingPathComponent("appendix"), format: .tex, displayName: "appendix")
        let thesis = "\\documentclass{report}\n\\input{appendix/preamble}\n"
            + "\\begin{document}\n\\chapter{Results}\nText.\n\\appendix\n\\chapter{Analysis}\n\\input{appendix/appendix}\n\\end{document}\n"
        try Data(thesis.utf8).write(to: folder.appendingPathComponent("thesis.tex"))
        let status = try TestSupport.compileLaTeX("thesis.tex", in: folder, with: program)
        let log = String(decoding: (try? Data(contentsOf: folder.appendingPathComponent("thesis.log"))) ?? Data(), as: UTF8.self)
        #expect(status == 0, "\(log.suffix(1500))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("thesis.pdf").path))
        // Every table fits the page (the report class's 345 pt text width).
        let overfull = log.split(separator: "\n").filter { $0.hasPrefix("Overfull \\hbox") && $0.contains("in alignment") }
        #expect(overfull.isEmpty, "\(overfull)")
    }

    @Test func pdflatexIsWarnedOfScriptsItCannotTypeset() throws {
        let notes = "---\nid: P07\n---\nInterviewer: 你听说过JMO吗？\n\nIbu Mei: नहीं, never. 🙂\n"
        let root = CondenseFixture.make(extra: ["Transcripts/p07.md": notes])
        let latin = TestSupport.run(["export", "appendix", TestSupport.temporaryFolder().path, "--format", "tex"], in: root)
        #expect(latin.code == .problemsFound)
        #expect(latin.stderr.contains("warning: the appendix holds characters pdflatex cannot typeset (你"))
        #expect(latin.stderr.contains("--engine xelatex"))
        let folder = TestSupport.temporaryFolder()
        let unicode = TestSupport.run(["export", "appendix", folder.path, "--format", "tex", "--engine", "xelatex"], in: root)
        #expect(unicode.code == .success)
        let preamble = try String(contentsOf: folder.appendingPathComponent("preamble.tex"), encoding: .utf8)
        #expect(preamble.contains("\\usepackage{fontspec}"))
        #expect(TestSupport.run(["export", "appendix", "--engine", "xelatex"], in: root).code == .usage)  // md has no engine
    }

    /// A transcript in every script the preamble gives a font: Chinese, Arabic, Devanagari, Cyrillic, Greek,
    /// Hebrew and emoji.
    static let otherScripts = "---\nid: P07\n---\nInterviewer: 你听说过JMO吗？\n\nIbu Mei: नहीं, لا, never. 🙂\n\n"
        + "Interviewer: Привет, Ольга! Καλημέρα, Νίκο. שלום, דנה.\n"

    /// Exports a study whose transcript holds `otherScripts` for `engine`, compiles it in a thesis after `edit`
    /// has had the preamble, and returns the thesis's folder and the engine's exit status.
    func compileOtherScripts(with engine: TeXEngine, program: String,
                             edit: (String) -> String = { $0 }) throws -> (folder: URL, status: Int32) {
        let notes = Self.otherScripts
        let root = CondenseFixture.make(extra: ["Transcripts/p07.md": notes])
        let folder = TestSupport.temporaryFolder()
        let run = TestSupport.run(["export", "appendix", folder.appendingPathComponent("appendix").path,
                                   "--format", "tex", "--engine", engine.rawValue, "--sections", "transcripts"],
                                  in: root)
        #expect(run.code == .success)
        let preamble = folder.appendingPathComponent("appendix/preamble.tex")
        try Data(edit(try String(contentsOf: preamble, encoding: .utf8)).utf8).write(to: preamble)
        let thesis = "\\documentclass{report}\n\\input{appendix/preamble}\n\\begin{document}\n"
            + "\\input{appendix/appendix}\n\\end{document}\n"
        try Data(thesis.utf8).write(to: folder.appendingPathComponent("thesis.tex"))
        return (folder, try TestSupport.compileLaTeX("thesis.tex", in: folder, with: program))
    }

    /// Other scripts and emoji, which stop pdflatex, compile with the Unicode engines, each script in a font
    /// that has it: the PDF embeds a font of the script's list, or the log explains the missing characters once,
    /// naming the Debian package to install.
    @Test(arguments: [TeXEngine.xelatex, .lualatex])
    func otherScriptsCompileWithTheUnicodeEngines(engine: TeXEngine) throws {
        guard let program = TestSupport.texEngine(engine.rawValue) else {
            print("skipped: \(engine.rawValue) is not installed, so other scripts were not compiled with it")
            return
        }
        let (folder, status) = try compileOtherScripts(with: engine, program: program)
        let log = TestSupport.texLog("thesis.tex", in: folder)
        #expect(status == 0, "\(log.suffix(1500))")
        let pdf = (try? Data(contentsOf: folder.appendingPathComponent("thesis.pdf"))) ?? Data()
        let embedded = TestSupport.pdfFontNames(pdf)
        let samples: [(TeXScript, String)] = [(.cjk, "你"), (.arabic, "ل"), (.devanagari, "न"), (.cyrillic, "П"),
                                              (.greek, "α"), (.hebrew, "ש"), (.emoji, "🙂")]
        for (script, sample) in samples {
            func plain(_ name: String) -> String { name.filter { $0.isLetter || $0.isNumber }.lowercased() }
            let fonts = script.fonts(for: engine).map(plain)
            if log.contains("There is no \(sample)") {
                // No font of the list is installed here: the note says so once and names the package.
                print("note: no font for \(script.title) is installed, so the PDF lacks it (\(script.debianPackage))")
                #expect(log.components(separatedBy: "No font for \(script.title) text is installed").count == 2)
                #expect(log.contains(String(script.debianPackage.split(separator: " ")[0])))
            } else {
                let found = embedded.map(plain).contains { name in
                    fonts.contains { name.hasPrefix($0) || $0.hasPrefix(name) }
                }
                #expect(found, "\(script.title): \(embedded.sorted())")
            }
        }
        if let text = TestSupport.pdfText(folder.appendingPathComponent("thesis.pdf")) {
            // Each script's characters read back from the PDF (Arabic may come back as its joined forms).
            for (script, sample) in samples where !log.contains("There is no \(sample)") {
                let found = text.unicodeScalars.contains { c in script.ranges.contains { $0.contains(c.value) } }
                #expect(found, "\(script.title) is not in the PDF's text: \(text.prefix(500))")
            }
        } else {
            print("note: pdftotext is not installed, so the PDF's text was not read back (its fonts were)")
        }
    }

    /// Cyrillic, Greek and Hebrew, which Latin Modern lacks, are named in the preamble with their fonts; a script
    /// the preamble has no font for (Georgian here) is named at export, so no text vanishes from the PDF unsaid.
    @Test func everyCharacterHasAFontOrAWarning() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/p07.md": Self.otherScripts])
        for engine in [TeXEngine.xelatex, .lualatex] {
            let folder = TestSupport.temporaryFolder()
            let run = TestSupport.run(
                ["export", "appendix", folder.path, "--format", "tex", "--engine", engine.rawValue], in: root)
            #expect(run.code == .success, "\(run.stderr)")
            #expect(!run.stderr.contains("warning"), "\(run.stderr)")
            let preamble = try String(contentsOf: folder.appendingPathComponent("preamble.tex"), encoding: .utf8)
            for script in [TeXScript.cyrillic, .greek, .hebrew] {
                #expect(preamble.contains("{\(script.title)}{\(script.debianPackage)}"), "\(engine) \(script)")
            }
            #expect(preamble.contains("DejaVu Serif") && preamble.contains("Noto Serif Hebrew"))
        }
        let georgian = "---\nid: P08\n---\nInterviewer: გამარჯობა, ნინო!\n\nNino: Hello ʔ.\n"
        let mixed = CondenseFixture.make(extra: ["Transcripts/p08.md": georgian])
        let run = TestSupport.run(["export", "appendix", TestSupport.temporaryFolder().path, "--format", "tex",
                                   "--engine", "xelatex"], in: mixed)
        #expect(run.code == .problemsFound)
        #expect(run.stderr.contains("warning: the appendix holds characters that no font of preamble.tex has "
            + "(გ (U+10D2), ა (U+10D0), მ (U+10DB), რ (U+10E0), ჯ (U+10EF), ო (U+10DD), ბ (U+10D1), ნ (U+10DC), …): "
            + "xelatex would leave them out of the PDF"), "\(run.stderr)")
        #expect(run.stderr.contains("\\setmainfont"))
        #expect(TeXCoverage.uncovered(in: "Hello ʔ, café – “ok” 🙂\u{200D}", limit: 9) == ["ʔ"])
    }

    /// With no font installed for a script, the appendix still compiles, and the many "Missing character" lines
    /// get one note naming the script and the Debian package.
    @Test(arguments: [TeXEngine.xelatex, .lualatex])
    func aMissingFontIsNamedOnceWithItsPackage(engine: TeXEngine) throws {
        guard let program = TestSupport.texEngine(engine.rawValue) else {
            print("skipped: \(engine.rawValue) is not installed, so a missing font was not tried with it")
            return
        }
        let list = TeXScript.cjk.fonts(for: engine).joined(separator: ",")
        let (folder, status) = try compileOtherScripts(with: engine, program: program) { preamble in
            #expect(preamble.contains(list))
            return preamble.replacingOccurrences(of: list, with: "No Such Font CJK")
        }
        let log = TestSupport.texLog("thesis.tex", in: folder)
        #expect(status == 0, "\(log.suffix(1500))")
        #expect(log.contains("There is no 你"))
        #expect(log.components(separatedBy: "Package coda Warning: No font for Chinese, Japanese or Korean").count == 2)
        #expect(log.contains("Install the Debian package fonts-noto-cjk"))
    }

    @Test func longTranscriptTurnsContinueOnFurtherRows() {
        let long = String(repeating: "The queue was long and nobody explained the documents. ", count: 30)
        var table = Table(columns: [.number("¶"), Table.Column("Speaker"), Table.Column("Text")])
        table.append([.int(4), Cell("Pak Hasan"), Cell(long)])
        let split = LaTeXRenderer.splittingLongCells(table)
        #expect(split.rows.count > 2)
        #expect(split.rows[0].cells[1].text == "Pak Hasan")
        #expect(split.rows.dropFirst().allSatisfy { $0.cells[0].text.isEmpty && $0.cells[1].text.isEmpty })
        #expect(split.rows.allSatisfy { $0.cells[2].text.count <= LaTeXRenderer.longCell })
        #expect(split.rows.map { $0.cells[2].text }.joined(separator: " ") == long.trimmingCharacters(in: .whitespaces))
        #expect(split.rows.dropLast().allSatisfy { $0.cells[2].text.hasSuffix(".") })
    }

    @Test func transcriptsShowTheirCodesBesideEachSegment() throws {
        let root = MatrixTests.study()
        let folder = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["export", "appendix", folder.path, "--coder", "alice"], in: root).code == .success)
        let text = try String(contentsOf: folder.appendingPathComponent("03-transcripts/P01.md"), encoding: .utf8)
        #expect(text.contains("| 2 | 00:00:05 | Bu Sari | I did not know it. I came to the branch office<br>and waited in the queue for two hours. | Information (¶2-4); Queues |"))
        let survey = try String(contentsOf: folder.appendingPathComponent("03-transcripts/survey_Q2.md"), encoding: .utf8)
        #expect(survey.contains("| 1 | R9 | Shorter queues at the branch office please | Queues |"))
    }

    @Test func fileNamesAreSafeWhateverTheIDs() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/weird.md": "---\nid: ..\\etc passwd?*\n---\nA: hi\nB: ho\n",
                                                "Transcripts/weird2.md": "---\nid: _etc passwd**\n---\nA: hi\nB: ho\n"])
        let folder = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["export", "appendix", folder.path, "--format", "txt"], in: root).code == .success)
        let names = Set(try files(folder).keys.filter { $0.hasPrefix("03-transcripts/") })
        #expect(names == ["03-transcripts/P01.txt", "03-transcripts/_etc_passwd__.txt", "03-transcripts/_etc_passwd__-2.txt",
                          "03-transcripts/survey_Q2.txt"])
    }

    @Test func largeStudiesGetTheirCaseMatricesAsCSV() throws {
        let root = TestSupport.temporaryFolder()
        try SyntheticProject(transcripts: Appendix.printableCases + 1, respondents: 60).write(to: root)
        let folder = TestSupport.temporaryFolder()
        #expect(TestSupport.run(["export", "appendix", folder.path, "--coder", "coder-a"], in: root).code == .success)
        let project = Project.load(root)
        // The CSV files take the number of the matrices part, which depends on the survey parts before it.
        let matricesName = try files(folder).keys.first { $0.hasSuffix("-matrices.md") } ?? ""
        let number = String(matricesName.prefix(3))
        let csv = try String(contentsOf: folder.appendingPathComponent(number + "case-code.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + project.transcripts.count)  // the header and every interviewee (no survey answer is coded)
        // Every count in the CSV adds up to coder-a's codings, but for those on the interviewer's questions alone.
        let total = lines.dropFirst().reduce(0) { sum, line in sum + line.split(separator: ",").dropFirst().compactMap { Int($0) }.reduce(0, +) }
        let answers = try project.humanCodings.filter { coding in
            let document = try project.document(coding.document)
            return coding.coder == "coder-a" && coding.segments.contains { document.segments[$0 - 1].speaker != "Interviewer" }
        }
        #expect(answers.count < project.humanCodings.filter { $0.coder == "coder-a" }.count)
        #expect(total == answers.count)
        let matrices = try String(contentsOf: folder.appendingPathComponent(matricesName), encoding: .utf8)
        #expect(matrices.contains(number + "case-code.csv"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(number + "framework.csv").path))
    }

    @Test func itOverwritesOnlyItsOwnFiles() throws {
        let root = MatrixTests.study()
        let folder = TestSupport.temporaryFolder()
        try Data("notes".utf8).write(to: folder.appendingPathComponent("my-notes.md"))
        #expect(TestSupport.run(["export", "appendix", folder.path], in: root).code == .success)
        #expect(TestSupport.run(["export", "appendix", folder.path], in: root).code == .success)
        #expect(try String(contentsOf: folder.appendingPathComponent("my-notes.md"), encoding: .utf8) == "notes")
        try Data("mine".utf8).write(to: folder.appendingPathComponent("index.html"))
        let blocked = TestSupport.run(["export", "appendix", folder.path, "--format", "html"], in: root)
        #expect(blocked.code == .problemsFound)
        #expect(blocked.stderr.contains("Coda did not write: index.html"))
        // Each format keeps its own files: writing HTML leaves the Markdown appendix in place.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("index.html"))
        #expect(TestSupport.run(["export", "appendix", folder.path, "--format", "html"], in: root).code == .success)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.md").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("my-notes.md").path))
    }
}
