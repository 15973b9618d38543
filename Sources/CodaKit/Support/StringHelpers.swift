extension StringProtocol {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    /// Runs of whitespace (including newlines) collapsed to single spaces.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A short form for tables: the text cut at a word boundary with an ellipsis.
    func truncated(to limit: Int) -> String {
        guard count > limit, limit > 1 else { return self }
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
    let units = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
    var text = String(units)
    if places > 0 {
        while text.count <= places { text = "0" + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
    }
    return value < 0 && units != 0 ? "-" + text : text
}
