import Foundation
import Testing
@testable import CodaKit

/// The appendix reads as part of a thesis: no terminal hints, the study's title, the parts the student chose.
@Suite struct AppendixThesisTests {
    func texts(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            // Skip the list of files Coda wrote, kept so a second run overwrites only those.
            guard !url.hasDirectoryPath, !url.lastPathComponent.hasPrefix("."), let data = FileManager.default.contents(atPath: url.path) else { continue }
            result[String(url.path.dropFirst(folder.path.count + 1))] = String(decoding: data, as: UTF8.self)
        }
        return result
    }

    func write(_ root: URL, _ arguments: [String] = []) throws -> [String: String] {
        let folder = TestSupport.temporaryFolder()
        let run = TestSupport.run(["export", "appendix", folder.path] + arguments, in: root)
        #expect(run.code == .success, "\(run.stderr)")
        return try texts(folder)
    }

    @Test(arguments: Appendix.Format.allCases)
    func theSampleAppendixGivesNoTerminalInstructions(format: Appendix.Format) throws {
        let files = try write(TestSupport.packageRoot, ["--format", format.rawValue, "--sections",
                                                        AppendixSection.allCases.map(\.rawValue).joined(separator: ",")])
        #expect(files.count > 10)
        for (name, text) in files where !name.hasSuffix(".csv") {
            // The memos are the researcher's own words and stay as written.
            if name.contains("memos") { continue }
            for line in text.split(separator: "\n") where !line.hasPrefix("%") {
                #expect(!line.contains("`coda"), "\(name): \(line)")
                #expect(!line.contains("coda retrieve"), "\(name): \(line)")
                #expect(!line.contains("DRAFT"), "\(name): \(line)")
                #expect(line.range(of: #"(^|[ (`])--[a-z]"#, options: .regularExpression) == nil, "\(name): \(line)")
            }
        }
    }

    @Test func theTitleComesFromTheSettingsAndNeverFromTheFolder() throws {
        let sample = try write(TestSupport.packageRoot)
        let title = Project.load(TestSupport.packageRoot).settings.title ?? ""
        #expect(!title.isEmpty)
        #expect(sample["index.md"]?.hasPrefix("# " + Escape.markdown(title) + "\n") == true)
        let reviewFolder = TestSupport.temporaryFolder()
        let review = TestSupport.run(["review", reviewFolder.path], in: TestSupport.packageRoot)
        #expect(review.code == .success)
        let page = try String(contentsOf: reviewFolder.appendingPathComponent("review.html"), encoding: .utf8)
        #expect(page.contains("<h1>Review: \(Escape.html(title))</h1>"))
        let untitled = try write(MatrixTests.study())
        let index = untitled["index.md"] ?? ""
        #expect(index.hasPrefix("# Appendix\n"))
        #expect(!index.contains("project"))
        #expect(index.contains("2 interviews"))
    }

    @Test func fieldNotesAreNotCountedAsInterviews() throws {
        let notes = "---\nid: NOTES\nrole: observation\n---\nField notes from the lobby.\n\nThe queue reached 80 people.\n"
        let root = CondenseFixture.make(extra: ["Transcripts/notes.md": notes])
        let files = try write(root)
        let methods = files["01-methods.md"] ?? ""
        #expect(methods.contains("| Interview transcripts | 1 |"))
        #expect(methods.contains("| Field notes and other documents without speakers | 1 |"))
        #expect(files["index.md"]?.contains("1 interview and 1 document of field notes") == true)
        #expect(files["index.md"]?.contains("[Field notes NOTES](03-transcripts/NOTES.md)") == true)
        #expect(files["index.md"]?.contains("[Interview P01](03-transcripts/P01.md)") == true)
    }

    @Test func theMarkdownCodeTreeKeepsItsIndentWhenRendered() throws {
        let files = try write(TestSupport.packageRoot, ["--sections", "codebook,matrices"])
        for (name, text) in files {
            // A cell that starts with spaces loses them in every Markdown renderer.
            #expect(text.range(of: #"\|  +[^ |]"#, options: .regularExpression) == nil, "\(name)")
        }
        #expect(files["01-codebook.md"]?.contains("| &nbsp;&nbsp;&nbsp;&nbsp;Information |") == true)
    }

    @Test func matrixFootersNameTheProjectsOwnDocuments() throws {
        let files = try write(MatrixTests.study())
        let matrices = files.first { $0.key.hasSuffix("-matrices.md") }?.value ?? ""
        #expect(matrices.contains("(e.g. survey:Q2)"))
        #expect(!files.values.contains { $0.contains("pre-survey") })
    }

    @Test func sectionsChooseThePartsAndTheirOrder() throws {
        let files = try write(TestSupport.packageRoot, ["--sections", "memos,methods,agreement"])
        #expect(Set(files.keys) == ["index.md", "01-memos.md", "02-methods.md", "03-agreement.md"])
        let index = files["index.md"] ?? ""
        let order = ["Analytic memos", "Methods note", "Inter-coder agreement"].compactMap { index.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())

        let standard = try write(TestSupport.packageRoot)
        let names = standard.keys.filter { !$0.contains("/") && $0 != "index.md" }.sorted()
        #expect(names == ["01-methods.md", "02-codebook.md", "04-survey.md", "05-survey-crosstabs.md", "06-figures.md",
                          "07-matrices.md", "08-memos.md", "09-conclusions.md", "10-agreement.md"])

        let wrong = TestSupport.run(["export", "appendix", TestSupport.temporaryFolder().path, "--sections", "methods,memo"],
                                    in: TestSupport.packageRoot)
        #expect(wrong.code == .usage)
        #expect(wrong.stderr.contains("`memo` is not a valid value for `--sections`"))
        #expect(wrong.stderr.contains("`memos`"))
    }

    @Test func theMemosAreIncludedWhole() throws {
        let project = Project.load(TestSupport.packageRoot)
        #expect(!project.memos.isEmpty)
        let memos = try write(TestSupport.packageRoot, ["--sections", "memos"])["01-memos.md"] ?? ""
        for memo in project.memos {
            let words = memo.text.collapsingWhitespace()
            #expect(memos.contains(Escape.markdownProse(String(words.prefix(60)))), "\(memo.target)")
            #expect(memos.contains("\(memo.author), \(memo.date):"))
        }
        for coding in project.humanCodings where !coding.memo.isEmpty {
            #expect(memos.contains("\(coding.document) ¶\(coding.segmentLabel), \(coding.code)"))
        }
    }

    @Test func theVoiceDropsInstructionsButKeepsTheFacts() {
        #expect(AppendixVoice.thesis("Counts are codings: codings by nurul, the main coder (`--coder NAME` for another).")
                == "Counts are codings: codings by nurul, the main coder.")
        #expect(AppendixVoice.thesis("Open a cell with `coda retrieve`, e.g. `coda retrieve Queues --case R1`.") == nil)
        #expect(AppendixVoice.thesis("Pooled per question (e.g. s:Q4); own answers count in their row; `--all-cases` shows each.")
                == "Pooled per question (e.g. s:Q4); own answers count in their row.")
        #expect(AppendixVoice.thesis("No memo names a rival explanation: consider one before concluding.")
                == "No memo names a rival explanation.")
        #expect(AppendixVoice.thesis("3 errors. See the log; run `coda check` to list them.") == "3 errors. See the log.")
    }

    /// The short way (text kept as it is) must give what the long way gives, on every text the sample appendix
    /// holds and on texts made to sit at its edges.
    @Test func theShortWayKeepsWhatTheLongWayKeeps() throws {
        let project = Project.load(TestSupport.packageRoot)
        let (before, _, after) = try Appendix(project: project, coder: nil).parts()
        var texts = ["", " ", "\t", "Done. ", "Done.  ", "Why? ", "Two spaces:  here.", "Code-switching -- mid turn.",
                     "CODA said so.", "cocoda", "A (see the log) note.", "Waiting times (in weeks).", "\u{A0}\u{A0}",
                     "Queues; delays; e.g. forms.", "Thirty words, then: nothing more", "Ends without a mark"]
        for part in before + after {
            for block in try part.build().blocks {
                switch block {
                case .paragraph(let text): texts.append(text)
                case .list(let items): texts += items
                case .fields(let fields): texts += fields.map(\.value)
                case .table(let table): texts += table.notes
                default: break
                }
            }
        }
        texts += project.transcripts.flatMap { $0.segments.map { String($0.text) } }
        var short = 0
        for text in texts where AppendixVoice.holdsNoInstruction(text) {
            short += 1
            #expect(AppendixVoice.withoutInstructions(text) == text, "\(text)")
        }
        #expect(short > 100)
        for text in ["Run `coda check`.", "Use --coder NAME.", "Counts: see the log.", "Done. "] {
            #expect(!AppendixVoice.holdsNoInstruction(text))
        }
    }

    @Test func theSingleFileHoldsEverySectionWithContentsAndNothingExternal() throws {
        let files = try write(TestSupport.packageRoot, ["--single-file"])
        #expect(Set(files.keys) == ["appendix.html"])
        let html = files["appendix.html"] ?? ""
        let project = Project.load(TestSupport.packageRoot)
        // The table of contents links to a part heading for every section and every document.
        let links = html.components(separatedBy: "<li><a href=\"#").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        #expect(links.count == AppendixSection.standard.count - 1 + 1 + project.documentIDs.count)  // surveys: two parts
        for link in links { #expect(html.contains("<h2 id=\"\(link)\">"), "\(link)") }
        for document in project.documentsInOrder { #expect(html.contains(">\(document.appendixTitle)</h2>")) }
        #expect(html.contains("@media print"))
        #expect(html.contains("<title>\(Escape.html(project.settings.title ?? ""))</title>"))
        // Self-contained: nothing fetched from elsewhere.
        for external in ["src=\"http", "href=\"http", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        let wrong = TestSupport.run(["export", "appendix", TestSupport.temporaryFolder().path, "--single-file", "--format", "md"],
                                    in: TestSupport.packageRoot)
        #expect(wrong.code == .usage)
    }
}
