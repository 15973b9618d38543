/// Turns the bytes of an entry name into a String. APPNOTE says: UTF-8 when flag bit 11 is set, otherwise
/// IBM code page 437. Real archives bend this, so without the flag the order is: an Info-ZIP Unicode Path
/// extra field (0x7075) whose checksum matches, plain ASCII, well-formed UTF-8 (Info-ZIP on Linux and the
/// macOS Archive Utility write UTF-8 without the flag), and only then code page 437.
enum ZipNameDecoding {
    static func decode(_ raw: [UInt8], flags: UInt16, extra: ArraySlice<UInt8>) -> String {
        if flags & 0x0800 != 0 { return String(decoding: raw, as: UTF8.self) }
        if let unicode = unicodePath(in: extra, for: raw) { return unicode }
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        if TextDecoder.firstInvalidUTF8Offset(raw) == nil { return String(decoding: raw, as: UTF8.self) }
        return cp437(raw)
    }

    static func cp437(_ raw: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for byte in raw {
            if byte < 0x80 {
                text.append(Unicode.Scalar(byte))
            } else {
                let index = Int(byte) - 0x80
                text.append(index < cp437High.count ? cp437High[index] : "\u{FFFD}")
            }
        }
        return String(text)
    }

    /// The Info-ZIP Unicode Path extra field (APPNOTE 4.6.9): version 1, the CRC-32 of the stored name, then the
    /// UTF-8 name. Ignored when the CRC does not match, because then another tool renamed the entry since.
    static func unicodePath(in extra: ArraySlice<UInt8>, for raw: [UInt8]) -> String? {
        let fields = Array(extra)
        var position = 0
        while let id = fields.uint16LE(at: position), let size = fields.uint16LE(at: position + 2) {
            let start = position + 4
            let end = start + Int(size)
            guard end <= fields.count else { return nil }
            if id == 0x7075, size >= 5, fields[start] == 1, fields.uint32LE(at: start + 1) == CRC32.checksum(raw) {
                return String(decoding: fields[(start + 5)..<end], as: UTF8.self)
            }
            position = end
        }
        return nil
    }

    /// Code page 437, bytes 0x80...0xFF.
    static let cp437High: [Unicode.Scalar] = Array(("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}").unicodeScalars)
}
