import Foundation
import Testing
@testable import CodaKit

@Suite struct UTCTimestampTests {
    /// Foundation's formatter is the reference: the arithmetic must give its text for every date tried.
    @Test func matchesFoundationsISO8601Formatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var seconds: [Double] = [0, -1, -86_400, -86_401, 951_782_400, 951_868_799.999, 1_709_164_800, 4_102_444_800,
                                 1_796_386_211.75, -2_208_988_800]
        var state: UInt64 = 15
        for _ in 0..<2000 {  // spread over 1900–2100, a fixed sequence so a failure repeats
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            seconds.append(Double(Int64(state >> 33) % 6_311_390_400) - 2_208_988_800 + 0.5)
        }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(UTCTimestamp.string(date) == formatter.string(from: date), "\(value)")
        }
    }

    @Test func leapDaysAndCenturies() {
        #expect(UTCTimestamp.civilDate(daysSince1970: 0) == (1970, 1, 1))
        #expect(UTCTimestamp.civilDate(daysSince1970: 11_016) == (2000, 2, 29))
        #expect(UTCTimestamp.civilDate(daysSince1970: 47_541) == (2100, 3, 1))
        #expect(UTCTimestamp.civilDate(daysSince1970: -1) == (1969, 12, 31))
    }
}
