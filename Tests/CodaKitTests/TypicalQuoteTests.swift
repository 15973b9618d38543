import Foundation
import Testing
@testable import CodaKit

/// The framework matrix's most typical quote shows the coded words, not the start of a long turn.
@Suite struct TypicalQuoteTests {
    static let long = "I came in the morning with my father, who is old and walks slowly, and we sat near the door "
        + "because the chairs inside were full, and people kept coming in from the rain with their umbrellas, and "
        + "the guard was busy helping an old woman with her papers, and nobody could hear the numbers being called, "
        + "so in the end the queue number system was the thing that confused us most that day."

    static func project() -> URL {
        let transcript = "---\nid: P01\ncase: R9\n---\nInterviewer: Tell me about your visit.\n\nBu Sari: \(long)\n\n"
            + "Interviewer: Anything else?\n\nBu Sari: The banner in the lobby showed the app, so I asked my son to install it.\n"
        return CondenseFixture.make(extra: ["Transcripts/P01.md": transcript])
    }

    func summaryCell(_ root: URL) throws -> String {
        let project = Project.load(root)
        let matrix = try MatrixBuilder.build(project, MatrixOptions(kind: .framework))
        let r = try #require(matrix.rows.labels.firstIndex(of: "R9"))
        let c = try #require(matrix.columns.labels.firstIndex(of: "Order taking"))
        return MatrixReport.render(matrix, r, c, kind: .summary, thresholds: [1, 2, 4], maximum: 1,
                                   summaries: FrameworkSummaries(), project: project).text
    }

    @Test func aLongTurnIsShownAroundItsKeyword() throws {
        let root = Self.project()
        _ = TestSupport.run(["tag", "P01", "2", "Order taking"], in: root, environment: ["CODA_CODER": "alice"])
        let cell = try summaryCell(root)
        #expect(Self.long.count > 240)
        // "queue number" is the code's keyword, 300 characters into the turn: the start alone would miss it.
        #expect(cell.contains("queue number system was the thing that confused us"))
        #expect(cell.hasPrefix("“…"))
        #expect(!cell.contains("I came in the morning"))
        #expect(cell.hasSuffix("(R9, P01 ¶2)"))
        // The draft's exemplar quote shows the same words.
        let project = Project.load(root)
        let e = try ConclusionBuilder(project: project, coder: nil, by: []).evidence(for: try project.codebook.resolve("Flower of Service"))
        #expect(e.exemplars.first?.text.contains("queue number system was the thing that confused us") == true)
    }

    @Test func aPhraseCodingIsPreferredAndShownWithContext() throws {
        let root = Self.project()
        _ = TestSupport.run(["tag", "P01", "4", "Order taking"], in: root, environment: ["CODA_CODER": "alice"])
        _ = TestSupport.run(["tag", "P01", "2", "Order taking", "--phrase", "nobody could hear the numbers being called"],
                            in: root, environment: ["CODA_CODER": "alice"])
        let cell = try summaryCell(root)
        #expect(cell.contains("nobody could hear the numbers being called"))
        #expect(cell.contains("helping an old woman") && cell.contains("so in the end"))
        #expect(!cell.contains("banner"))
    }
}
