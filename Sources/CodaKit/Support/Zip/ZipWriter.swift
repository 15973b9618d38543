/// Writes a zip archive in memory, deterministically: the same entries added in the same order give the same
/// bytes, because every entry gets the fixed DOS time 1980-01-01 00:00, UTF-8 names (flag bit 11) and
/// fixed Unix permissions, and nothing depends on the clock or the machine. Used to export .qdpx files. An
/// archive of more than 65,534 entries gets ZIP64 end records; one over 4 GB is refused.
struct ZipWriter {
    /// How an entry's bytes are stored.
    enum Compression: Sendable {
        case stored
        case deflated
        /// Deflated when that makes the entry smaller, stored otherwise.
        case automatic
    }

    /// The archive's path or name, used in error messages.
    let fileName: String
    /// Local headers and data written so far; `finish()` adds the central directory.
    private var body: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var names: Set<String> = []
    private(set) var entryCount = 0

    init(fileName: String) {
        self.fileName = fileName
    }

    /// Adds a file; `name` must be a safe relative path (see `ZipPath`) not used before.
    mutating func addFile(_ name: String, contents: [UInt8], compression: Compression = .automatic) throws(ZipError) {
        try checkName(name, isDirectory: false)
        var method: UInt16 = 0
        var stored = contents
        if compression != .stored {
            let deflated = Deflate.compress(contents)
            if compression == .deflated || deflated.count < contents.count {
                method = 8
                stored = deflated
            }
        }
        try append(name: name, method: method, crc: CRC32.checksum(contents),
                   uncompressedSize: contents.count, data: stored, isDirectory: false)
    }

    /// Adds a folder entry; a missing trailing `/` is added.
    mutating func addDirectory(_ name: String) throws(ZipError) {
        let folder = name.hasSuffix("/") ? name : name + "/"
        try checkName(folder, isDirectory: true)
        try append(name: folder, method: 0, crc: 0, uncompressedSize: 0, data: [], isDirectory: true)
    }

    /// The complete archive: entries, central directory and end record.
    func finish() throws(ZipError) -> [UInt8] {
        guard body.count < 0xFFFF_FFFF, centralDirectory.count < 0xFFFF_FFFF - body.count else {
            throw .cannotWrite(file: fileName, detail: "the archive would be over 4 GB")
        }
        var archive = body
        archive.append(contentsOf: centralDirectory)
        let zip64 = entryCount >= 0xFFFF
        if zip64 { appendZip64End(to: &archive) }
        archive.appendLE(ZipSignature.endOfCentralDirectory)
        archive.appendLE(UInt16(0))  // this disk
        archive.appendLE(UInt16(0))  // disk with the central directory
        archive.appendLE(UInt16(zip64 ? 0xFFFF : entryCount))
        archive.appendLE(UInt16(zip64 ? 0xFFFF : entryCount))
        archive.appendLE(UInt32(centralDirectory.count))
        archive.appendLE(UInt32(body.count))
        archive.appendLE(UInt16(0))  // comment length
        return archive
    }

    /// The ZIP64 end of central directory record and its locator (APPNOTE 4.3.14-4.3.15), for the entry count.
    private func appendZip64End(to archive: inout [UInt8]) {
        let record = archive.count
        archive.appendLE(ZipSignature.zip64End)
        archive.appendLE(UInt64(44))  // size of the rest of the record
        archive.appendLE(UInt16(0x032D))  // made by: Unix, APPNOTE 4.5
        archive.appendLE(UInt16(45))  // version needed: 4.5 (ZIP64)
        archive.appendLE(UInt32(0))  // this disk
        archive.appendLE(UInt32(0))  // disk with the central directory
        archive.appendLE(UInt64(entryCount))
        archive.appendLE(UInt64(entryCount))
        archive.appendLE(UInt64(centralDirectory.count))
        archive.appendLE(UInt64(body.count))
        archive.appendLE(ZipSignature.zip64Locator)
        archive.appendLE(UInt32(0))  // disk with the ZIP64 end record
        archive.appendLE(UInt64(record))
        archive.appendLE(UInt32(1))  // total disks
    }

    private mutating func checkName(_ name: String, isDirectory: Bool) throws(ZipError) {
        guard ZipPath.isSafeRelativePath(name), isDirectory || !name.hasSuffix("/") else {
            throw .cannotWrite(file: fileName, detail: "`\(name)` is not a valid relative path for an entry")
        }
        guard name.utf8.count <= 0xFFFF else {
            throw .cannotWrite(file: fileName, detail: "the entry name `\(name.prefix(40))…` is too long")
        }
        guard !names.contains(name) else {
            throw .cannotWrite(file: fileName, detail: "the entry `\(name)` is added twice")
        }
    }

    private mutating func append(name: String, method: UInt16, crc: UInt32, uncompressedSize: Int,
                                 data: [UInt8], isDirectory: Bool) throws(ZipError) {
        let offset = body.count
        guard uncompressedSize < 0xFFFF_FFFF, data.count < 0xFFFF_FFFF - offset - 30 - name.utf8.count else {
            throw .cannotWrite(file: fileName, detail: "the archive would be over 4 GB")
        }
        let nameBytes = Array(name.utf8)
        body.appendLE(ZipSignature.localHeader)
        Self.appendCommonFields(to: &body, name: nameBytes, method: method, crc: crc,
                           compressedSize: data.count, uncompressedSize: uncompressedSize)
        body.append(contentsOf: nameBytes)
        body.append(contentsOf: data)

        centralDirectory.appendLE(ZipSignature.centralHeader)
        centralDirectory.appendLE(UInt16(0x0314))  // made by: Unix, APPNOTE 2.0
        Self.appendCommonFields(to: &centralDirectory, name: nameBytes, method: method, crc: crc,
                           compressedSize: data.count, uncompressedSize: uncompressedSize)
        centralDirectory.appendLE(UInt16(0))  // comment length
        centralDirectory.appendLE(UInt16(0))  // disk number
        centralDirectory.appendLE(UInt16(0))  // internal attributes
        // Unix mode in the high half; MS-DOS directory bit for folders.
        centralDirectory.appendLE(isDirectory ? UInt32(0o040755) << 16 | 0x10 : UInt32(0o100644) << 16)
        centralDirectory.appendLE(UInt32(offset))
        centralDirectory.append(contentsOf: nameBytes)
        names.insert(name)
        entryCount += 1
    }

    /// The fields a local header shares with a central header, from "version needed" to "extra length".
    private static func appendCommonFields(to bytes: inout [UInt8], name: [UInt8], method: UInt16, crc: UInt32,
                                    compressedSize: Int, uncompressedSize: Int) {
        bytes.appendLE(UInt16(20))  // version needed: 2.0 (deflate, folders)
        bytes.appendLE(UInt16(0x0800))  // UTF-8 names
        bytes.appendLE(method)
        bytes.appendLE(UInt16(0))  // time 00:00:00
        bytes.appendLE(UInt16(0x0021))  // date 1980-01-01
        bytes.appendLE(crc)
        bytes.appendLE(UInt32(compressedSize))
        bytes.appendLE(UInt32(uncompressedSize))
        bytes.appendLE(UInt16(name.count))
        bytes.appendLE(UInt16(0))  // extra field length
    }
}
