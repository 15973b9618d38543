/// Reads a DEFLATE stream's bits least-significant first, keeping up to 64 of them in a register so that
/// one refill serves a whole length/distance pair. Reads past the end throw `InflateError.truncated`.
struct InflateBitReader {
    let input: UnsafeBufferPointer<UInt8>
    /// The next byte of `input` not yet in `buffer`.
    private(set) var position = 0
    /// Unread bits, the next one in bit 0. Bits above `count` are either zero or the true next input bits.
    private(set) var buffer: UInt64 = 0
    private(set) var count = 0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// Tops `buffer` up to at least 56 bits, or to the end of the input.
    @inline(__always)
    mutating func refill() {
        if position &+ 8 <= input.count, let base = input.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            buffer |= word << UInt64(count)
            let bytes = (63 &- count) >> 3
            position &+= bytes
            count &+= bytes &* 8
            return
        }
        while count < 56 && position < input.count {
            buffer |= UInt64(input[position]) << UInt64(count)
            position &+= 1
            count &+= 8
        }
    }

    /// Makes sure at least `n` (at most 56) bits are buffered.
    @inline(__always)
    mutating func need(_ n: Int) throws(InflateError) {
        if count < n {
            refill()
            if count < n { throw .truncated }
        }
    }

    @inline(__always)
    mutating func consume(_ n: Int) {
        buffer >>= UInt64(n)
        count &-= n
    }

    /// The next `n` (0...32) bits as a number, first bit lowest.
    @inline(__always)
    mutating func bits(_ n: Int) throws(InflateError) -> Int {
        try need(n)
        let value = Int(truncatingIfNeeded: buffer & ((1 << UInt64(n)) &- 1))
        consume(n)
        return value
    }

    /// Drops the bits up to the next byte boundary and hands the whole buffered bytes back to the input,
    /// so that `position` is where a stored block's bytes begin.
    mutating func alignToByte() {
        consume(count & 7)
        position &-= count >> 3
        buffer = 0
        count = 0
    }

    /// Skips `n` bytes after `alignToByte()`.
    mutating func skipBytes(_ n: Int) throws(InflateError) {
        guard n <= input.count &- position else { throw .truncated }
        position &+= n
    }
}
