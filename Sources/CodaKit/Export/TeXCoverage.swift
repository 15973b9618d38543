/// The characters an appendix for xelatex or lualatex can show: Latin Modern's (the default font), those of the
/// scripts the preamble gives a fallback font, and invisible ones. Any other character would be left out of the
/// PDF with only a "Missing character" line in the log, so the export names it.
enum TeXCoverage {
    /// Latin Modern Roman's characters, as `fc-query` lists them for lmroman10-regular.otf (private use left out).
    static let latinModern: Set<UInt32> = {
        let list = """
            20-7e a0-137 139-148 14a-165 168-17f 18e 192 1a0-1a1 1af-1b0 1cd-1d4 1d7-1dd 1e6-1e7 1ea-1eb 1f0 1f4-1f5
            1fa-201 204-205 208-209 20c-20d 210-211 214-215 218-21b 237 258-259 2be-2bf 2c6-2c7 2d8-2dd 300-304
            306-30c 30f 311 323 326 32e-332 391-3a1 3a3-3a9 e3f 1e0c-1e0f 1e24-1e27 1e2a-1e2b 1e2e-1e2f 1e36-1e39
            1e42-1e47 1e58-1e5d 1e62-1e63 1e6c-1e6f 1e80-1e85 1e92-1e93 1e97 1ea0-1ef9 2010-2011 2013-2014 2016
            2018-201a 201c-201e 2020-2022 2026 2030-2031 2039-203b 203d 203f-2040 2044-2046 2052 2054 20a1 20a4
            20a6 20a9 20ab-20ac 20b1 2103 2116-2117 211e 2120 2122 2126-2127 212e 2190-2193 2212 2215 2217 221a
            221e 2222 2300 2329-232a 2422-2423 25e6 266a 26ad-26ae 27e6-27e7 fb00-fb04
            """
        var set = Set<UInt32>()
        for item in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let ends = item.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            if let first = ends.first, let last = ends.last { set.formUnion(first...last) }
        }
        return set
    }()

    /// Up to `limit` different characters of `text` that no font of the preamble has, in order of appearance.
    static func uncovered(in text: String, limit: Int) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        var seen = Set<UInt32>()
        for scalar in text.unicodeScalars where scalar.value >= 0x80 && !seen.contains(scalar.value) {
            seen.insert(scalar.value)
            if covered(scalar) { continue }
            found.append(scalar)
            if found.count == limit { break }
        }
        return found
    }

    private static func covered(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Spaces, joiners, direction marks and variation selectors show nothing of their own.
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
            || (0xFE00...0xFE0F).contains(v) { return true }
        return latinModern.contains(v) || TeXScript.allCases.contains { $0.ranges.contains { $0.contains(v) } }
    }
}
