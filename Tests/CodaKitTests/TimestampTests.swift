import Testing
@testable import CodaKit

@Suite struct TimestampTests {
    /// What both readers return: the text read from a string and from UTF-8 bytes must agree.
    func seconds(_ text: String) -> Double? {
        let fromString = Timestamp(text)?.seconds
        let fromBytes = Timestamp(Array(text.utf8)[...])?.seconds
        #expect(fromString == fromBytes, "`\(text)`: string \(String(describing: fromString)), bytes \(String(describing: fromBytes))")
        return fromString
    }

    @Test func stringAndByteReadersFollowOneRule() {
        #expect(seconds("1:2") == 62)
        #expect(seconds("0:5") == 5)
        #expect(seconds("00:059") == nil)
        #expect(seconds("12:31") == 751)
        #expect(seconds("100:00") == 6000)
        #expect(seconds("01:02:03.500") == 3723.5)
        #expect(seconds("00:00:01,123") == 1.123)
        #expect(seconds("00:60") == nil)
        #expect(seconds("1000:00") == nil)
        #expect(seconds("00:00:01.") == nil)
        #expect(seconds("00:00:01.1234") == nil)
        #expect(seconds("00.5:10") == nil)
        #expect(seconds(":10") == nil)
        #expect(seconds("10") == nil)
        #expect(seconds("1:2:3:4") == nil)
        #expect(seconds("0١:05") == nil)
    }
}
