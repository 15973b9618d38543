/// A time in a recording, as written in the transcript (`00:12:31`, `12:31`, `01:02:03.500`).
public struct Timestamp: Sendable, Hashable {
    public var text: String
    public var seconds: Double

    /// Reads `hh:mm:ss`, `mm:ss`, with an optional `.fff` or `,fff` fraction.
    public init?(_ input: some StringProtocol) {
        let text = String(input)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var total = 0.0
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            var whole = Substring(part)
            var fraction = 0.0
            if isLast, let dot = part.firstIndex(where: { $0 == "." || $0 == "," }) {
                let digits = part[part.index(after: dot)...]
                guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit) else { return nil }
                fraction = Double("0." + digits)!
                whole = part[..<dot]
            }
            guard (1...2).contains(whole.count) || (index == 0 && whole.count <= 3 && !whole.isEmpty),
                  whole.allSatisfy(\.isASCIIDigit), let value = Int(whole) else { return nil }
            if index > 0 && value > 59 { return nil }
            total = total * 60 + Double(value) + fraction
        }
        self.text = text
        self.seconds = total
    }

    /// Reads a timestamp from UTF-8 bytes without building strings on the way (transcript lines).
    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count >= 4, bytes.count <= 16, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var parts: [Int] = []
        var current = 0
        var digits = 0
        var fraction = 0.0
        var inFraction = false
        var fractionScale = 0.1
        for b in bytes {
            if b >= 48 && b <= 57 {
                if inFraction {
                    fraction += Double(b - 48) * fractionScale
                    fractionScale /= 10
                    digits += 1
                    if digits > 3 { return nil }
                } else {
                    current = current * 10 + Int(b - 48)
                    digits += 1
                    if digits > 3 { return nil }
                }
            } else if b == 58, !inFraction {
                guard digits > 0 else { return nil }
                parts.append(current)
                current = 0
                digits = 0
            } else if (b == 46 || b == 44), !inFraction, !parts.isEmpty {
                guard digits > 0 else { return nil }
                parts.append(current)
                inFraction = true
                digits = 0
            } else {
                return nil
            }
        }
        if !inFraction {
            guard digits > 0 else { return nil }
            parts.append(current)
        } else if digits == 0 {
            return nil
        }
        guard parts.count == 2 || parts.count == 3, parts.dropFirst().allSatisfy({ $0 <= 59 }) else { return nil }
        // Minutes and seconds have at most two digits; the leading part may have up to three.
        var total = 0.0
        for p in parts { total = total * 60 + Double(p) }
        self.text = String(decoding: bytes, as: UTF8.self)
        self.seconds = total + fraction
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
