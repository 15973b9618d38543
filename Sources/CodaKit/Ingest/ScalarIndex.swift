/// Fast slicing of a long text by Unicode-scalar offsets (the unit codings use): the UTF-8 offset
/// of every 128th scalar is kept, so a slice walks at most 127 scalars from a checkpoint.
public struct ScalarIndex: Sendable {
    static let stride = 128
    private(set) var checkpoints: [Int32]
    public private(set) var scalarCount: Int

    init(_ text: String) {
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(text.utf8.count / ScalarIndex.stride + 1)
        var scalars = 0
        var offset: Int32 = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 {
                if scalars % ScalarIndex.stride == 0 { checkpoints.append(offset) }
                scalars += 1
            }
            offset &+= 1
        }
        self.checkpoints = checkpoints
        self.scalarCount = scalars
    }

    init(checkpoints: [Int32], scalarCount: Int) {
        self.checkpoints = checkpoints
        self.scalarCount = scalarCount
    }

    /// The UTF-8 offset of the scalar at `position` (or the end of the text).
    func utf8Offset(of position: Int, in text: String) -> Int {
        if position >= scalarCount { return text.utf8.count }
        let checkpoint = position / ScalarIndex.stride
        var offset = Int(checkpoints[checkpoint])
        var remaining = position - checkpoint * ScalarIndex.stride
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: offset)
        while remaining > 0 {
            index = utf8.index(after: index)
            offset += 1
            if utf8[index] & 0xC0 != 0x80 { remaining -= 1 }
        }
        return offset
    }

    /// The text between two scalar offsets, clamped to the text.
    func slice(_ range: Range<Int>, of text: String) -> Substring {
        let lower = max(0, min(range.lowerBound, scalarCount))
        let upper = max(lower, min(range.upperBound, scalarCount))
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: utf8Offset(of: lower, in: text))
        let end = utf8.index(utf8.startIndex, offsetBy: utf8Offset(of: upper, in: text))
        return text[start..<end]
    }
}

extension Transcript {
    /// The document text between two scalar offsets.
    public func text(in range: Range<Int>) -> Substring { scalarIndex.slice(range, of: text) }

    public var scalarCount: Int { scalarIndex.scalarCount }

    /// The segments a span of the text touches, by number.
    public func segmentNumbers(overlapping range: Range<Int>) -> [Int] {
        guard !segments.isEmpty else { return [] }
        // Binary search for the first segment ending after the span starts.
        var low = 0, high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var i = low
        while i < segments.count, segments[i].range.lowerBound < max(range.upperBound, range.lowerBound + 1) {
            if segments[i].range.upperBound > range.lowerBound || segments[i].range.isEmpty && segments[i].range.lowerBound == range.lowerBound {
                result.append(segments[i].number)
            }
            i += 1
        }
        return result
    }
}
