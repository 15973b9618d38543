import Testing
@testable import CodaKit

@Suite struct CodebookTests {
    let text = """
    # Service study

    A memo about the whole codebook is ignored.

    ## Flower of Service
    Definition: The seven supplementary services
    of Lovelock and Wirtz.

    ### Information
    - Definition: What the service offers and how to use it.
    **Include:** Claim procedures, opening hours.
    Exclude: Complaints.
    Example: "How do I claim JHT?"
    Example: "Where is the office?"
    Keywords: information, "how to claim", "queue number, please", re:\\binfo\\w*
    Color: #1F77B4

    Coders often mix this up with Consultation.

    ### Consultation
    Definition: Advice and complaints.
    Opposes: Information

    ## Awareness
    Definition: Knowing the app.
    Survey: pre-survey:Q1 = No
    Speakers: Pak *, Bu Sari
    """

    var codebook: Codebook {
        let result = CodebookParser(path: "Codebooks/c.md").parse(text)
        return Codebook(titles: [result.title ?? ""], codes: result.codes, files: ["Codebooks/c.md"])
    }

    @Test func readsTheTreeAndFields() throws {
        let result = CodebookParser(path: "Codebooks/c.md").parse(text)
        #expect(result.title == "Service study")
        #expect(result.diagnostics.isEmpty)
        #expect(result.codes.map(\.path) == ["Flower of Service", "Flower of Service/Information", "Flower of Service/Consultation", "Awareness"])
        let info = result.codes[1]
        #expect(info.definition == "What the service offers and how to use it.")
        #expect(info.include == "Claim procedures, opening hours.")
        #expect(info.exclude == "Complaints.")
        #expect(info.examples == ["\"How do I claim JHT?\"", "\"Where is the office?\""])
        #expect(info.keywords == ["information", "how to claim", "queue number, please", "re:\\binfo\\w*"])
        #expect(info.color == "#1F77B4")
        #expect(info.memo == "Coders often mix this up with Consultation.")
        #expect(info.location.line == 9)
        #expect(result.codes[0].definition == "The seven supplementary services of Lovelock and Wirtz.")
        #expect(result.codes[2].opposes == ["Information"])
        #expect(result.codes[3].survey == "pre-survey:Q1 = No")
        #expect(result.codes[3].speakers == ["Pak *", "Bu Sari"])
    }

    @Test func resolvesNamesAndPaths() throws {
        let cb = codebook
        #expect(try cb.resolve("information").path == "Flower of Service/Information")
        #expect(try cb.resolve("Flower of Service/Consultation").name == "Consultation")
        #expect(try cb.resolve("flower of service").depth == 1)
        #expect(cb.subtree(of: try cb.resolve("Flower of Service")).count == 3)
        #expect(cb.children(of: try cb.resolve("Flower of Service")).map(\.name) == ["Information", "Consultation"])
    }

    @Test func unknownCodeSuggestsTheClosest() {
        #expect(throws: CodebookError.unknownCode(name: "Infomation", suggestions: ["Information"])) { try codebook.resolve("Infomation") }
        let message = CodebookError.unknownCode(name: "Infomation", suggestions: ["Information"]).description
        #expect(message == "error: the codebook has no code `Infomation`\n  hint: closest codes: `Information`")
    }

    @Test func lintFindsTheHostileCodebooksProblems() throws {
        let project = Project.load(TestSupport.fixture("hostile"))
        let messages = CodebookReport.lintDiagnostics(project).map(\.description)
        #expect(messages == [
            "Codebooks/duplicates.md:5: error: colour `#12345g` of `Access` is not `#rrggbb`\n  hint: write six hex digits, e.g. `Color: #1f77b4`",
            "Codebooks/duplicates.md:10: error: code `Access` is defined twice (first at Codebooks/duplicates.md:3)\n  hint: merge the two definitions or rename one",
            "Codebooks/duplicates.md:16: warning: code `Problems/Online` has no definition\n  hint: add a line `Definition: …` so every coder applies it the same way",
            "Codebooks/duplicates.md:16: warning: the name `Online` is used by 2 codes: `Access/Online`, `Problems/Online`\n  hint: refer to these codes by path, or rename one",
            "Codebooks/duplicates.md:18: warning: heading level jumps from 3 to 5; `Deep` is placed under `Online`\n  hint: use #### for a child of the code above",
        ])
        #expect(throws: CodebookError.ambiguous(name: "Online", paths: ["Access/Online", "Problems/Online"])) {
            try project.codebook.resolve("Online")
        }
        #expect(try project.codebook.resolve("Problems/Online/Deep").depth == 3)
    }

    @Test(arguments: [("#1f77b4", true), ("#ABCDEF", true), ("1f77b4", false), ("#12345g", false), ("#fff", false), ("red", false)])
    func colours(value: String, valid: Bool) {
        #expect(CodebookParser.isColor(value) == valid)
    }
}

extension CodebookError: Equatable {
    public static func == (a: CodebookError, b: CodebookError) -> Bool { a.description == b.description }
}
