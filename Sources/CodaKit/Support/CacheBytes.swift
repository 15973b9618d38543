/// Little-endian bytes for Coda's caches: numbers and length-prefixed strings, written in one buffer and read
/// back with every length checked, so a truncated or damaged file is refused rather than trusted.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// A variable-length number (seven bits a byte): offsets and counts are mostly small.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func optionalInt(_ value: Int?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { int(value) }
    }

    mutating func string(_ value: some StringProtocol) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    /// Appends what another writer wrote (a section whose length or string table had to be known first).
    mutating func append(_ other: CacheWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    /// The FNV-1a hash of everything written so far, appended: the reader checks it before trusting anything.
    func sealed() -> [UInt8] {
        var result = bytes
        withUnsafeBytes(of: CacheWriter.hash(bytes[...]).littleEndian) { result.append(contentsOf: $0) }
        return result
    }

    /// 64-bit FNV-1a over bytes: the cache's checksum and the content hash of a file whose time cannot be trusted.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Reads what `CacheWriter` wrote; every read throws `Damaged` past the end or on a value out of range.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    /// Where this reader stops: the end of the bytes, or of a section (see `section(_:)`).
    private var end: Int

    /// Nil unless the bytes end with the checksum of what precedes it. The bytes are kept as they are (a cache
    /// is tens of megabytes: no copy), the checksum after `end`.
    init?(sealed: [UInt8]) {
        guard sealed.count >= 8 else { return nil }
        let bodyEnd = sealed.count - 8
        var stored: UInt64 = 0
        for (i, byte) in sealed[bodyEnd...].enumerated() { stored |= UInt64(byte) << (8 * UInt64(i)) }
        guard stored == CacheWriter.hash(sealed[..<bodyEnd]) else { return nil }
        bytes = sealed
        end = bodyEnd
    }

    var isAtEnd: Bool { offset == end }

    /// The format line, which must be `format`, and the time the cache was made.
    /// The time a cache was made, once its format line is checked. A cache made later than now (the clock went
    /// back) cannot tell which files changed after it, so it is refused like a damaged one.
    mutating func header(_ format: String) throws(Damaged) -> Int {
        guard try string() == format else { throw Damaged() }
        let madeAt = try int()
        guard madeAt <= TranscriptCache.now() else { throw Damaged() }
        return madeAt
    }

    mutating func int() throws(Damaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    /// A count or offset: never negative, never more than `limit`.
    mutating func count(atMost limit: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= limit else { throw Damaged() }
        return value
    }

    /// A reader of the next `count` bytes alone (sharing these bytes, not copying them), which this reader moves
    /// past: a section to read later, or on another thread.
    mutating func section(_ count: Int) throws(Damaged) -> CacheReader {
        guard count >= 0, count <= end - offset else { throw Damaged() }
        var section = self
        section.end = offset + count
        offset += count
        return section
    }

    mutating func flag() throws(Damaged) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func optionalInt() throws(Damaged) -> Int? {
        try flag() ? try int() : nil
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count(atMost: end - offset)
        guard let text = String(validating: bytes[offset..<(offset + length)], as: UTF8.self) else { throw Damaged() }
        offset += length
        return text
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try flag() ? try string() : nil
    }
}
