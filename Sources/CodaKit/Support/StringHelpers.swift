extension StringProtocol {
    func trimmingWhitespace() -> String {
        // Most cells and lines start and end with a visible ASCII character: nothing to trim, no Unicode lookups.
        let text = Substring(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        if first > 32, first < 128, last > 32, last < 128 { return String(text) }
        var scalars = text.unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(text[scalars.startIndex..<scalars.endIndex])
    }
}

extension String {
    /// Runs of whitespace (including newlines) collapsed to single spaces, ends trimmed.
    func collapsingWhitespace() -> String {
        // Most texts need nothing done: check the bytes first.
        var clean = true
        var previousSpace = true
        for byte in utf8 {
            if byte == 32 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte < 32 || byte >= 0x80 {
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace { return self }
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" "); pending = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A short form for tables: the text cut at a word boundary with an ellipsis.
    func truncated(to limit: Int) -> String {
        guard utf8.count > limit, limit > 1, count > limit else { return self }
        var cut = String(prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// A name safe as a file name on every system: letters, digits, `-`, `_` and `.` only.
    func fileSafe() -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || "-_.".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        if out.isEmpty { out = "_" }
        return String(out.prefix(120))
    }
}

/// Percentages as the issues ask: one decimal, computed once here.
func percent(_ part: Int, of whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) * 100 / Double(whole)
}

func formatPercent(_ value: Double?) -> String {
    guard let value else { return "–" }
    return formatDecimal(value, places: 1) + "%"
}

func formatDecimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    // Int64 holds digits up to about 9.2e18: larger values (and the infinite) are written with an exponent.
    guard scaled < 0x1p63 else { return formatScientific(value) }
    let units = Int64(scaled)
    var text = String(units)
    if places > 0 {
        while text.count <= places { text = "0" + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
    }
    return value < 0 && units != 0 ? "-" + text : text
}

/// A number too large to write out (1e19, 1.7e308): the shortest form that reads back as the same number.
func formatScientific(_ value: Double) -> String {
    value.description.replacingOccurrences(of: "e+", with: "e")
}

extension Substring {
    func collapsingWhitespace() -> String { String(self).collapsingWhitespace() }
}
