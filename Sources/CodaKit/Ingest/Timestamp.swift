/// A time in a recording, as written in the transcript (`00:12:31`, `12:31`, `01:02:03.500`).
public struct Timestamp: Sendable, Hashable {
    public var text: String
    public var seconds: Double

    /// Reads `hh:mm:ss` or `mm:ss`, with an optional `.fff` or `,fff` fraction. The leading part has one to three
    /// digits, the others one or two and at most 59.
    public init?(_ input: some StringProtocol) {
        self.init(Array(input.utf8)[...])
    }

    /// Reads a timestamp from UTF-8 bytes without building strings on the way (transcript lines).
    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        var total = 0
        var parts = 0
        var value = 0
        var digits = 0
        var fraction: (value: Int, digits: Int)?
        func endPart() -> Bool {
            let leading = parts == 0
            guard digits > 0, digits <= (leading ? 3 : 2), leading || value <= 59 else { return false }
            total = total * 60 + value
            parts += 1
            value = 0
            digits = 0
            return true
        }
        for b in bytes {
            if b >= 48 && b <= 57 {
                if let f = fraction {
                    guard f.digits < 3 else { return nil }
                    fraction = (f.value * 10 + Int(b - 48), f.digits + 1)
                } else {
                    value = value * 10 + Int(b - 48)
                    digits += 1
                }
            } else if b == UInt8(ascii: ":"), fraction == nil {
                guard endPart() else { return nil }
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ","), fraction == nil, parts > 0 {
                guard endPart() else { return nil }
                fraction = (0, 0)
            } else {
                return nil
            }
        }
        if fraction == nil { guard endPart() else { return nil } }
        guard parts == 2 || parts == 3 else { return nil }
        var seconds = Double(total)
        if let fraction {
            guard fraction.digits > 0 else { return nil }
            seconds += Double(fraction.value) / [10.0, 100.0, 1000.0][fraction.digits - 1]
        }
        self.text = String(decoding: bytes, as: UTF8.self)
        self.seconds = seconds
    }

    public init(seconds: Double) {
        let whole = Int(seconds)
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        self.text = "\(two(h)):\(two(m)):\(two(s))"
        self.seconds = Double(whole)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
