import Foundation
@testable import CodaKit

/// A small study written into a temporary folder, for tests that change codings.
enum CondenseFixture {
    static let transcript = """
    ---
    id: P01
    case: R9
    role: participant
    phase: before
    ---
    [00:00:01] Interviewer: How did you hear about the JMO app?

    [00:00:05] Bu Sari: I did not know it. I came to the branch office
    and waited in the queue for two hours.

    [00:00:40] Interviewer: What did you need?

    [00:00:44] Bu Sari: My JHT claim. Nobody told me which documents to bring,
    so I came back twice. The queue number system is confusing.

    [00:01:30] Interviewer: Anything else?

    [00:01:33] Bu Sari: The banner in the lobby showed the app. My data was outdated.

    """

    static let codebook = """
    # Test codebook

    ## Flower of Service
    Definition: Supplementary services.

    ### Information
    Definition: Knowing what to do.
    Keywords: "which documents", information

    ### Order taking
    Definition: Getting in line for a service.
    Keywords: "queue number"

    ## Problems
    Definition: Difficulties.

    ### Queues
    Definition: Waiting in line.
    Keywords: queue, queues, waited*

    ### JHT claims
    Definition: Claiming old-age savings.
    Keywords: JHT, re:claim(s|ed)?

    ## Media
    Definition: Promotion media.

    ### Banner
    Definition: The X-banner.
    Keywords: banner
    Speakers: Pak *

    """

    static func make(extra: [String: String] = [:]) -> URL {
        var files = ["Transcripts/P01.md": transcript, "Codebooks/codebook.md": codebook,
                     "Transcripts/survey.csv": "id,Q1. Knew the app?,Q2. What would help?\nR9,No,Shorter queues at the branch office please\nR10,Yes,\nR11,No,Clear information about which documents to bring\n"]
        for (k, v) in extra { files[k] = v }
        return TestSupport.project(files)
    }
}
