/// Decodes the character references subtitle files use: the named ones WebVTT defines (`&amp;` `&lt;` `&gt;`
/// `&nbsp;` `&lrm;` `&rlm;`), `&quot;` and `&apos;`, and numeric ones (`&#233;`, `&#xE9;`). Anything else,
/// such as a lone `&` or an unknown name, stays as written.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]

    /// The scalar for the reference whose name (between `&` and `;`) is `name`, or nil.
    static func scalar(named name: Substring) -> Unicode.Scalar? {
        if let scalar = named[String(name)] { return scalar }
        guard name.first == "#" else { return nil }
        var digits = name.dropFirst()
        var radix = 10
        if digits.first == "x" || digits.first == "X" {
            digits = digits.dropFirst()
            radix = 16
        }
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: radix), value != 0,
              let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }

    static func decode(_ text: some StringProtocol) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("&") else { return String(text) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let end = scalars[(i + 1)...].prefix(12).firstIndex(of: ";"),
               let scalar = scalar(named: Substring(String(String.UnicodeScalarView(scalars[(i + 1)..<end])))) {
                out.append(scalar)
                i = end + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
