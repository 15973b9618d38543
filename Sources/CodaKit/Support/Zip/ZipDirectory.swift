/// Finds and parses the end of central directory record and the central directory (APPNOTE 4.3.12-4.3.16),
/// checking every offset and length against the file before it is used.
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
        if position >= 20, bytes.uint32LE(at: position - 20) == ZipSignature.zip64Locator { throw .zip64(file: fileName) }
        if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64(file: fileName) }
        if disk != 0 || directoryDisk != 0 || entriesHere != entries { throw .multiDisk(file: fileName) }
        guard Int(offset) <= position, Int(size) <= position - Int(offset) else {
            throw .damaged(file: fileName, detail: "its table of contents points outside the file")
        }
        let commentStart = position + endRecordSize
        return End(offset: position, entryCount: Int(entries),
                   directoryRange: Int(offset)..<(Int(offset) + Int(size)),
                   commentRange: commentStart..<(commentStart + commentLength))
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
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .zip64(file: fileName)
            }
            let rawName = Array(bytes[nameStart..<extraStart])
            let extra = bytes[extraStart..<(extraStart + Int(extraLength))]
            entries.append(ZipEntry(
                name: ZipNameDecoding.decode(rawName, flags: flags, extra: extra), rawName: rawName,
                flags: flags, method: method, crc32: crc,
                compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                localHeaderOffset: Int(localOffset)))
            position = next
        }
        return entries
    }
}
