/// Finds and parses the end of central directory record and the central directory (APPNOTE 4.3.12-4.3.16),
/// checking every offset and length against the file before it is used. ZIP64 archives (over 4 GB or 65,535
/// entries, or streamed) are read through their ZIP64 end record and the entries' ZIP64 extra fields.
enum ZipDirectory {
    /// The parts of the end of central directory record that `ZipReader` needs.
    struct End {
        var offset: Int
        var entryCount: Int
        var directoryRange: Range<Int>
        var commentRange: Range<Int>
    }

    static let endRecordSize = 22
    static let centralHeaderSize = 46

    /// Searches backwards for the end record, which a comment of up to 65,535 bytes may follow.
    static func findEnd(in bytes: [UInt8], fileName: String) throws(ZipError) -> End {
        let last = bytes.count - endRecordSize
        let first = max(0, last - 0xFFFF)
        var position = last
        while position >= first {
            defer { position -= 1 }
            guard bytes[position] == 0x50, bytes.uint32LE(at: position) == ZipSignature.endOfCentralDirectory,
                  let commentLength = bytes.uint16LE(at: position + 20),
                  Int(commentLength) <= bytes.count - position - endRecordSize
            else { continue }
            return try parseEnd(in: bytes, at: position, commentLength: Int(commentLength), fileName: fileName)
        }
        if bytes.uint32LE(at: 0) == ZipSignature.localHeader { throw .truncated(file: fileName) }
        throw .notAZip(file: fileName)
    }

    private static func parseEnd(in bytes: [UInt8], at position: Int, commentLength: Int,
                                 fileName: String) throws(ZipError) -> End {
        guard let disk = bytes.uint16LE(at: position + 4), let directoryDisk = bytes.uint16LE(at: position + 6),
              let entriesHere = bytes.uint16LE(at: position + 8), let entries = bytes.uint16LE(at: position + 10),
              let size = bytes.uint32LE(at: position + 12), let offset = bytes.uint32LE(at: position + 16)
        else { throw .truncated(file: fileName) }
        let commentStart = position + endRecordSize
        let commentRange = commentStart..<(commentStart + commentLength)
        if position >= 20, bytes.uint32LE(at: position - 20) == ZipSignature.zip64Locator {
            return try parseZip64End(in: bytes, locator: position - 20, commentRange: commentRange, fileName: fileName)
        }
        if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw .damaged(file: fileName, detail: "it is marked as ZIP64 but has no ZIP64 end record")
        }
        if disk != 0 || directoryDisk != 0 || entriesHere != entries { throw .multiDisk(file: fileName) }
        guard Int(offset) <= position, Int(size) <= position - Int(offset) else {
            throw .damaged(file: fileName, detail: "its table of contents points outside the file")
        }
        return End(offset: position, entryCount: Int(entries),
                   directoryRange: Int(offset)..<(Int(offset) + Int(size)), commentRange: commentRange)
    }

    /// The ZIP64 end of central directory record, found through its locator just before the ordinary end record
    /// (APPNOTE 4.3.14-4.3.15); it holds the 64-bit entry count, directory size and directory offset.
    private static func parseZip64End(in bytes: [UInt8], locator: Int, commentRange: Range<Int>,
                                      fileName: String) throws(ZipError) -> End {
        let damaged = ZipError.damaged(file: fileName, detail: "its ZIP64 end record is missing or damaged")
        guard let recordDisk = bytes.uint32LE(at: locator + 4), let record = bytes.uint64LE(at: locator + 8),
              let disks = bytes.uint32LE(at: locator + 16) else { throw damaged }
        if recordDisk != 0 || disks > 1 { throw .multiDisk(file: fileName) }
        guard record <= locator - 56, bytes.uint32LE(at: record) == ZipSignature.zip64End,
              let disk = bytes.uint32LE(at: record + 16), let directoryDisk = bytes.uint32LE(at: record + 20),
              let entriesHere = bytes.uint64LE(at: record + 24), let entries = bytes.uint64LE(at: record + 32),
              let size = bytes.uint64LE(at: record + 40), let offset = bytes.uint64LE(at: record + 48)
        else { throw damaged }
        if disk != 0 || directoryDisk != 0 || entriesHere != entries { throw .multiDisk(file: fileName) }
        guard offset <= record, size <= record - offset, entries <= size / centralHeaderSize else {
            throw .damaged(file: fileName, detail: "its table of contents points outside the file")
        }
        return End(offset: locator, entryCount: entries, directoryRange: offset..<(offset + size),
                   commentRange: commentRange)
    }

    /// Reads `end.entryCount` central directory headers, all of which must lie inside the directory.
    static func readEntries(in bytes: [UInt8], end: End, fileName: String) throws(ZipError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(end.entryCount, end.directoryRange.count / centralHeaderSize))
        var position = end.directoryRange.lowerBound
        let limit = end.directoryRange.upperBound
        for _ in 0..<end.entryCount {
            guard position <= limit - centralHeaderSize,
                  bytes.uint32LE(at: position) == ZipSignature.centralHeader,
                  let flags = bytes.uint16LE(at: position + 8), let method = bytes.uint16LE(at: position + 10),
                  let crc = bytes.uint32LE(at: position + 16),
                  let compressed = bytes.uint32LE(at: position + 20), let uncompressed = bytes.uint32LE(at: position + 24),
                  let nameLength = bytes.uint16LE(at: position + 28), let extraLength = bytes.uint16LE(at: position + 30),
                  let commentLength = bytes.uint16LE(at: position + 32),
                  let localOffset = bytes.uint32LE(at: position + 42)
            else { throw .damaged(file: fileName, detail: "its table of contents is damaged") }
            let nameStart = position + centralHeaderSize
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= limit else { throw .damaged(file: fileName, detail: "its table of contents is damaged") }
            let rawName = Array(bytes[nameStart..<extraStart])
            let extra = bytes[extraStart..<(extraStart + Int(extraLength))]
            var sizes = [Int(uncompressed), Int(compressed), Int(localOffset)]
            if sizes.contains(0xFFFF_FFFF) {
                guard let wide = zip64Fields(extra, replacing: sizes) else {
                    throw .damaged(file: fileName, detail: "an entry's ZIP64 sizes are missing")
                }
                sizes = wide
            }
            let name = ZipNameDecoding.decode(rawName, flags: flags, extra: extra)
            entries.append(ZipEntry(name: name, rawName: rawName, flags: flags, method: method, crc32: crc,
                                    compressedSize: sizes[1], uncompressedSize: sizes[0], localHeaderOffset: sizes[2]))
            position = next
        }
        return entries
    }

    /// The uncompressed size, compressed size and local header offset with each field that is `0xFFFFFFFF` read
    /// from the ZIP64 extra field, which holds just those, in that order. Nil when it is missing or short.
    static func zip64Fields(_ extra: ArraySlice<UInt8>, replacing fields: [Int]) -> [Int]? {
        let bytes = Array(extra)
        var position = 0
        while position + 4 <= bytes.count, let id = bytes.uint16LE(at: position),
              let length = bytes.uint16LE(at: position + 2) {
            let data = position + 4
            if id == ZipSignature.zip64Extra {
                var result = fields
                var next = data
                for index in result.indices where result[index] == 0xFFFF_FFFF {
                    guard next + 8 <= data + Int(length), let value = bytes.uint64LE(at: next) else { return nil }
                    result[index] = value
                    next += 8
                }
                return result
            }
            position = data + Int(length)
        }
        return nil
    }
}
