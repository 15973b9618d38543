/// The growing output of `Inflate`: raw memory so that literals and back-references are copied without
/// per-byte bounds and uniqueness checks. Every write first makes room through `reserve`, which also
/// enforces the caller's size limit. The owner must call `deallocate()` once.
struct InflateOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var count = 0
    let limit: Int

    init(initialCapacity: Int, limit: Int) {
        self.limit = max(0, limit)
        capacity = min(self.limit, max(64, initialCapacity))
        base = .allocate(capacity: max(1, capacity))
    }

    /// Makes room for `n` more bytes, or throws when that would pass `limit`.
    @inline(__always)
    mutating func reserve(_ n: Int) throws(InflateError) {
        if n > capacity &- count { try grow(to: count &+ n) }
    }

    private mutating func grow(to needed: Int) throws(InflateError) {
        guard needed <= limit else { throw .outputTooLarge(limit: limit) }
        let doubled = capacity > limit / 2 ? limit : capacity * 2
        let newCapacity = max(needed, doubled)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte; `reserve` must have made room.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends `n` bytes from `pointer`; `reserve` must have made room.
    mutating func appendReserved(_ pointer: UnsafePointer<UInt8>, count n: Int) {
        (base + count).initialize(from: pointer, count: n)
        count &+= n
    }

    /// Repeats the `length` bytes that start `distance` back; `reserve` must have made room and
    /// `1 <= distance <= count` must hold. Overlapping copies repeat the pattern, as RFC 1951 requires.
    @inline(__always)
    mutating func copyMatchReserved(distance: Int, length: Int) {
        let destination = base + count
        let source = destination - distance
        if distance >= length {
            destination.initialize(from: source, count: length)
        } else if distance == 1 {
            destination.initialize(repeating: source.pointee, count: length)
        } else {
            var done = 0
            while done < length {
                let chunk = min(distance, length &- done)
                (destination + done).initialize(from: source + done, count: chunk)
                done &+= chunk
            }
        }
        count &+= length
    }

    func makeArray() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    func deallocate() {
        base.deallocate()
    }
}
