/// Column arithmetic for terminal output, where some characters take two cells and accents take none.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        if let width = plainWidth(text) { return width }
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The width of text that is only printable ASCII (one cell a byte), without looking at it scalar by scalar;
    /// nil for any other text. A matrix of 10,000 cases has two million cells of a few digits each.
    static func plainWidth(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var outside: UInt8 = 0
            for byte in bytes { outside |= byte &- 0x20 >= 0x5F ? 1 : 0 }
            return outside == 0 ? bytes.count : nil
        }
    }

    /// Whether `text` is one word of printable ASCII (no space) that fits in `width` cells: it wraps to itself.
    static func isOneShortWord(_ text: String, width: Int) -> Bool {
        guard text.utf8.count <= width, !text.utf8.contains(0x20) else { return false }
        return plainWidth(text) != nil
    }

    /// Greedy word wrap to `width` cells; words longer than a line are broken.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        if text.isEmpty || isOneShortWord(text, width: width) { return [text] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Leading spaces (an indented tree) are kept on every line of the paragraph.
            let indent = String(paragraph.prefix { $0 == " " }.prefix(max(0, width / 2)))
            let width = width - indent.count
            var line = ""
            var lineWidth = 0
            var lines: [String] = []
            defer { result += lines.map { indent + $0 } }
            for word in words(of: paragraph, width: width) {
                var w = of(word)
                var rest = Substring(word)
                // A word longer than a line is cut into pieces from its front, each measured once, so a
                // 100 MB word without a space wraps in one pass.
                while w > width {
                    if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                    var end = rest.startIndex
                    var headWidth = 0
                    // A long name breaks after its last `/` or `-` that fits (`Trust/` `Suspicion`), else where the line ends.
                    var lastBreak: String.Index?
                    for index in rest.indices {
                        let cw = of(String(rest[index]))
                        if headWidth + cw > width { break }
                        headWidth += cw
                        end = rest.index(after: index)
                        if "/-".contains(rest[index]) { lastBreak = end }
                    }
                    if let lastBreak, lastBreak < rest.endIndex { end = lastBreak }
                    if end == rest.startIndex { end = rest.index(after: end) }
                    let head = rest[..<end]
                    lines.append(String(head))
                    w -= of(String(head))
                    rest = rest[end...]
                }
                let word = String(rest)
                if word.isEmpty { continue }
                if lineWidth == 0 {
                    line = word
                    lineWidth = w
                } else if lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                } else {
                    lines.append(line)
                    line = word
                    lineWidth = w
                }
            }
            lines.append(line)
        }
        return result
    }

    /// The words of a line; a `code span` of several words that fits on a line stays one word, so a command
    /// is never wrapped in its middle.
    static func words(of paragraph: Substring, width: Int) -> [String] {
        var result: [String] = []
        var pending: [String] = []
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if pending.isEmpty {
                let ticks = word.filter { $0 == "`" }.count
                if word.hasPrefix("`") && ticks % 2 == 1 { pending = [word] } else { result.append(word) }
                continue
            }
            pending.append(word)
            if word.contains("`") {
                let joined = pending.joined(separator: " ")
                if of(joined) <= width { result.append(joined) } else { result += pending }
                pending = []
            }
        }
        return result + pending
    }

    /// Cut to at most `width` cells, ending in `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + text : text + spaces
    }
}
