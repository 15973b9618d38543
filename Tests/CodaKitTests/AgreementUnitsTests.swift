import Foundation
import Testing
@testable import CodaKit

/// Agreement over the units both coders read, coded or not, with each figure computed again here from a
/// hand-worked table or from the raw files, by formulas written out independently of the library.
@Suite struct AgreementUnitsTests {
    /// Cohen's kappa of a 2×2 table (both, only A, only B, neither).
    static func kappa(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let n = a + b + c + d
        let pA = (a + b) / n, pB = (a + c) / n
        let po = (a + d) / n, pe = pA * pB + (1 - pA) * (1 - pB)
        return (po - pe) / (1 - pe)
    }

    /// Krippendorff's alpha (nominal, two coders, no missing values) from its coincidence matrix.
    static func alpha(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let n = 2 * (a + b + c + d)
        let yes = 2 * a + b + c, no = 2 * d + b + c
        let disagreeing = b + c
        return 1 - (n - 1) * disagreeing / (yes * no)
    }

    /// Eleven respondents with answers. alice codes Queues on 1–4 and 11, bob on 1–3 and 5; alice read 5–10
    /// without a code, bob 4 and 6–10. Respondent 11 only alice read, so it is not compared.
    static func survey() -> URL {
        var csv = "id,Q1. What would help?\n"
        for n in 1...11 { csv += "R\(n),Answer number \(n) about the queue\n" }
        let root = TestSupport.project([
            "Transcripts/survey.csv": csv,
            "Codebooks/c.md": "# C\n\n## Queues\nDefinition: waiting.\n\n## Banner\nDefinition: the banner.\n",
        ])
        let steps: [(String, [String])] = [
            ("alice", ["survey:Q1", "1-4,11", "Queues"]), ("alice", ["survey:Q1", "5-10", "--none"]),
            ("bob", ["survey:Q1", "1-3,5", "Queues"]), ("bob", ["survey:Q1", "4,6-10", "--none"]),
        ]
        for (coder, args) in steps {
            let run = TestSupport.run(["tag"] + args, in: root, environment: ["CODA_CODER": coder])
            #expect(run.code == .success, "\(run.stderr)")
        }
        return root
    }

    @Test func respondentsReadWithoutACodeAreUnits() throws {
        let root = Self.survey()
        let project = Project.load(root)
        let agreement = try Agreement(project, coderA: "alice", coderB: "bob", codes: [], unit: .segment)
        #expect(agreement.segmentCount == 10)
        #expect(agreement.surveyRespondents == 10)
        #expect(agreement.unusedCodes == ["Banner"])
        // Hand-worked: both 1–3; only alice 4; only bob 5; neither 6–10.
        let queues = try #require(agreement.rows.first).result
        #expect(queues.counts == AgreementCounts(both: 3, onlyA: 1, onlyB: 1, neither: 5))
        #expect(abs((queues.cohensKappa.number ?? .nan) - Self.kappa(3, 1, 1, 5)) < 1e-12)
        #expect(abs((queues.cohensKappa.number ?? .nan) - 0.58333333333333) < 1e-12)
        #expect(abs((queues.krippendorffAlpha.number ?? .nan) - Self.alpha(3, 1, 1, 5)) < 1e-12)
        #expect(abs((queues.krippendorffAlpha.number ?? .nan) - 0.60416666666667) < 1e-12)
        #expect(queues.positiveAgreement == 60)
        #expect(agreement.perDocument.map(\.segments) == [10])
        let text = TestSupport.run(["agree", "alice", "bob"], in: root, width: 1000).stdout
        #expect(text.contains("A unit is a segment both coders read, coded or not"))
        #expect(text.contains("(10 respondents). 10 segments in 1 document: survey:Q1."))
    }

    @Test func markingTwiceOrMarkingNothingIsSaid() throws {
        let root = Self.survey()
        let again = TestSupport.run(["tag", "survey:Q1", "6", "--none"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(again.stdout.contains("already marked as read: survey:Q1 ¶6 (alice)"))
        let coded = TestSupport.run(["tag", "survey:Q1", "1", "--none"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(coded.stderr.contains("note: you have codings on ¶1; they stay"))
        let both = TestSupport.run(["tag", "survey:Q1", "1", "Queues", "--none"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(both.code == .usage)
        let neither = TestSupport.run(["tag", "survey:Q1", "1"], in: root, environment: ["CODA_CODER": "alice"])
        #expect(neither.code == .usage)
    }

    @Test func interactiveCodingRecordsEverySegmentMovedPast() throws {
        let root = CondenseFixture.make()
        // Respondent 2 left the question blank, so the segments offered are 1 and 3: code 1, skip 3, then quit.
        let run = TestSupport.run(["code", "survey:Q2"], in: root, input: ["queues", "", "q"], environment: ["CODA_CODER": "alice"])
        #expect(run.code == .success)
        let project = Project.load(root)
        #expect(project.reviewMarks[CoderID("alice")]?[DocumentID("survey:Q2")] == Set([1, 3]))
        // Going back and quitting records nothing more.
        _ = TestSupport.run(["code", "P01"], in: root, input: [":b", ":q"], environment: ["CODA_CODER": "alice"])
        #expect(Project.load(root).reviewMarks[CoderID("alice")]?[DocumentID("P01")] == nil)
    }

    @Test func marksFollowTheirRespondentWhenRowsMove() throws {
        let root = Self.survey()
        // A new respondent is inserted at the top: every row moves down by one.
        let url = root.appendingPathComponent("Transcripts/survey.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("R0,Answer number 0 about the queue", at: 1)
        try lines.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        let project = Project.load(root)
        let document = try project.document("survey:Q1")
        #expect(project.reviewMarks[CoderID("bob")]?[DocumentID("survey:q1")] == Set([5, 7, 8, 9, 10, 11]))
        #expect(project.reviewedSegments(coder: "ALICE", document: document) == Set(2...12))
        // R7 rewrites the answer the coders read (now segment 8): their marks on it are reported, not kept.
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Answer number 7 about", with: "Answer seven on")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        let reloaded = Project.load(root)
        #expect(reloaded.reviewMarks[CoderID("bob")]?[DocumentID("survey:Q1")] == Set([5, 7, 9, 10, 11]))
        for coder in ["alice", "bob"] {
            #expect(reloaded.diagnostics.contains { $0.message == "1 review mark of `\(coder)` on survey:Q1 no longer fits the text (¶7)" })
        }
    }

    /// The sample study: the pre-survey's units and per-document figures, recounted from the raw files.
    @Test func theSampleSurveyIsComparedOnEveryAnswerBothRead() throws {
        let root = TestSupport.packageRoot
        func read(_ coder: String) throws -> (codes: [Int: Set<String>], read: Set<Int>) {
            var codes: [Int: Set<String>] = [:]
            var read = Set<Int>()
            let folder = root.appendingPathComponent("Codings/\(coder)")
            for line in try String(contentsOf: folder.appendingPathComponent("pre-survey_Q4.tsv"), encoding: .utf8)
                .split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let n = Int(fields[1])!
                codes[n, default: []].insert(String(fields[4]))
                read.insert(n)
            }
            let marks = folder.appendingPathComponent("reviewed/pre-survey_Q4.tsv")
            for line in try String(contentsOf: marks, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                read.insert(Int(line.split(separator: "\t")[1])!)
            }
            return (codes, read)
        }
        let nurul = try read("nurul"), amir = try read("amir")
        let project = Project.load(root)
        let survey4 = try #require(project.survey("pre-survey"))
        let q4 = try #require(survey4.findColumn("Q4")).index
        let answered = Set(survey4.respondents.indices.filter { !survey4.respondents[$0].values[q4].isEmpty }.map { $0 + 1 })
        let units = nurul.read.intersection(amir.read).intersection(answered)
        #expect(units.count == 36)
        let agreement = try Agreement(project, coderA: "nurul", coderB: "amir", codes: [], unit: .segment)
        let survey = try #require(agreement.perDocument.first { $0.document == "pre-survey:Q4" })
        #expect(survey.segments == units.count)
        var table = (both: 0.0, onlyA: 0.0, onlyB: 0.0, neither: 0.0)
        for code in agreement.rows.map(\.code.path) {
            for n in units {
                switch (nurul.codes[n]?.contains(code) ?? false, amir.codes[n]?.contains(code) ?? false) {
                case (true, true): table.both += 1
                case (true, false): table.onlyA += 1
                case (false, true): table.onlyB += 1
                case (false, false): table.neither += 1
                }
            }
        }
        let c = survey.result.counts
        #expect([Double(c.both), Double(c.onlyA), Double(c.onlyB), Double(c.neither)] == [table.both, table.onlyA, table.onlyB, table.neither])
        let kappa = Self.kappa(table.both, table.onlyA, table.onlyB, table.neither)
        let alpha = Self.alpha(table.both, table.onlyA, table.onlyB, table.neither)
        #expect(abs((survey.result.cohensKappa.number ?? .nan) - kappa) < 1e-12)
        #expect(abs((survey.result.krippendorffAlpha.number ?? .nan) - alpha) < 1e-12)
        // Respondent 7: nurul coded it, amir read it and chose no code, a disagreement the old units left out.
        #expect(units.contains(7) && nurul.codes[7] != nil && amir.codes[7] == nil)
    }
}
