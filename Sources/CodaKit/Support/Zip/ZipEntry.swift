/// One file or folder inside a zip archive, as its central directory describes it.
/// `ZipReader.data(for:)` turns it into bytes; the fields here are only what the directory claims.
struct ZipEntry: Sendable, Hashable {
    /// The path inside the archive, `/`-separated; folders end in `/`.
    var name: String
    /// The name exactly as stored, before decoding.
    var rawName: [UInt8]
    /// The general purpose bit flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 name).
    var flags: UInt16
    /// 0 stored, 8 deflated; anything else Coda cannot read.
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    var isDirectory: Bool { name.hasSuffix("/") }
    var isEncrypted: Bool { flags & 0x0001 != 0 || method == 99 }
}
