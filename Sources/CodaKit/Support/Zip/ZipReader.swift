/// Reads a zip archive held in memory (.docx, .qdpx, .zip): lists its entries from the central directory and
/// decompresses them on request, checking each entry's size and CRC-32. Stored and deflated entries only, in
/// ordinary and ZIP64 archives; split and encrypted archives are refused with a `ZipError`, as is any malformed input.
struct ZipReader: Sendable {
    /// The archive's path or name, used in error messages.
    let fileName: String
    let bytes: [UInt8]
    /// The entries in central directory order.
    let entries: [ZipEntry]
    /// The archive comment (decoded like names without the UTF-8 flag).
    let comment: String
    /// No entry may unpack to more than this (default 512 MiB), whatever its header claims.
    var maxEntrySize: Int

    /// The most entries an archive may list (listed in `ReaderLimits.all`).
    static let maxEntries = 200_000

    init(bytes: [UInt8], fileName: String, maxEntrySize: Int = Inflate.defaultLimit,
         maxEntries: Int = ZipReader.maxEntries) throws(ZipError) {
        self.fileName = fileName
        self.bytes = bytes
        self.maxEntrySize = maxEntrySize
        let end = try ZipDirectory.findEnd(in: bytes, fileName: fileName)
        guard end.entryCount <= maxEntries else {
            throw .tooManyEntries(file: fileName, count: end.entryCount, limit: maxEntries)
        }
        entries = try ZipDirectory.readEntries(in: bytes, end: end, fileName: fileName)
        comment = ZipNameDecoding.decode(Array(bytes[end.commentRange]), flags: 0, extra: [])
    }

    /// The first entry called `name`; with `caseInsensitive`, an exact match still wins, then any entry whose
    /// name differs only in letter case (tools disagree on `Sources/` and `sources/`).
    func entry(named name: String, caseInsensitive: Bool = false) -> ZipEntry? {
        if let exact = entries.first(where: { $0.name == name }) { return exact }
        guard caseInsensitive else { return nil }
        let folded = name.lowercased()
        return entries.first { $0.name.lowercased() == folded }
    }

    /// The contents of the entry called `name`, or `ZipError.entryNotFound`.
    func data(named name: String, caseInsensitive: Bool = false) throws(ZipError) -> [UInt8] {
        guard let entry = entry(named: name, caseInsensitive: caseInsensitive) else {
            throw .entryNotFound(file: fileName, entry: name)
        }
        return try data(for: entry)
    }

    /// The uncompressed contents of `entry`, after checking its local header, its size and its CRC-32.
    func data(for entry: ZipEntry) throws(ZipError) -> [UInt8] {
        if entry.isEncrypted { throw .encrypted(file: fileName, entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw .unsupportedMethod(file: fileName, entry: entry.name, method: entry.method)
        }
        guard entry.uncompressedSize <= maxEntrySize else {
            throw .entryTooLarge(file: fileName, entry: entry.name, limit: maxEntrySize)
        }
        let range = try dataRange(of: entry)
        let output: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else {
                throw damaged(entry, "its stored size does not match the archive's table of contents")
            }
            output = Array(bytes[range])
        } else {
            let inflated = bytes.withUnsafeBufferPointer { buffer -> Result<[UInt8], InflateError> in
                do throws(InflateError) {
                    return .success(try Inflate.decompress(UnsafeBufferPointer(rebasing: buffer[range]),
                                                           limit: entry.uncompressedSize,
                                                           sizeHint: entry.uncompressedSize))
                } catch {
                    return .failure(error)
                }
            }
            switch inflated {
            case let .success(bytes): output = bytes
            case .failure(.outputTooLarge): throw damaged(entry, "it unpacks to more bytes than the archive says")
            case let .failure(error): throw damaged(entry, error.detail)
            }
        }
        guard output.count == entry.uncompressedSize else {
            throw damaged(entry, "it unpacks to \(output.count) bytes, not the \(entry.uncompressedSize) the archive says")
        }
        guard CRC32.checksum(output) == entry.crc32 else {
            throw .checksumMismatch(file: fileName, entry: entry.name)
        }
        return output
    }

    /// Where the entry's compressed bytes are, from its local header (APPNOTE 4.3.7). Sizes come from the
    /// central directory, since a local header followed by a data descriptor (flag bit 3) may hold zeros.
    private func dataRange(of entry: ZipEntry) throws(ZipError) -> Range<Int> {
        let offset = entry.localHeaderOffset
        guard bytes.uint32LE(at: offset) == ZipSignature.localHeader,
              let nameLength = bytes.uint16LE(at: offset + 26),
              let extraLength = bytes.uint16LE(at: offset + 28)
        else { throw damaged(entry, "its local header is missing") }
        let start = offset + 30 + Int(nameLength) + Int(extraLength)
        guard entry.compressedSize <= bytes.count - start else {
            throw damaged(entry, "its data runs past the end of the archive")
        }
        return start..<(start + entry.compressedSize)
    }

    private func damaged(_ entry: ZipEntry, _ detail: String) -> ZipError {
        .damagedEntry(file: fileName, entry: entry.name, detail: detail)
    }
}
