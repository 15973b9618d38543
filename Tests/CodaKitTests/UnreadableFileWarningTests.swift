import Foundation
import Testing
@testable import CodaKit

/// A file Coda cannot read changes every figure drawn from the project, so each command that reads the whole
/// project says so, not only `status` and `check`.
@Suite struct UnreadableFileWarningTests {
    @Test func displaysNameTheSurveyTheyCouldNotRead() throws {
        let root = CondenseFixture.make(extra: ["Transcripts/broken.csv": "id,Q1. Age?\nR1,\"30\nR2,40\n"])
        for command in [["matrix", "case-code"], ["retrieve", "Queues"], ["export", "appendix",
                                                                          TestSupport.temporaryFolder().path]] {
            let run = TestSupport.run(command, in: root)
            #expect(run.stderr.contains("warning: 1 file could not be read and is left out of everything below: "
                                        + "Transcripts/broken.csv"), "\(command)")
        }
        let clean = TestSupport.run(["matrix", "case-code"], in: CondenseFixture.make())
        #expect(!clean.stderr.contains("could not be read"))
        #expect(!TestSupport.run(["check"], in: root).stderr.contains("left out of everything below"))
    }
}
