/// Which cell styles of a workbook show dates, and how a date's serial number reads as a calendar date.
enum XlsxDateFormats {
    /// Built-in number formats that are dates or times.
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Indices into `cellXfs` whose number format is a date, from `xl/styles.xml`.
    static func dateStyles(in xml: [UInt8]) -> Set<Int> {
        var custom: [Int: String] = [:]
        var styles: Set<Int> = []
        var scanner = SheetXMLScanner(xml)
        var inCellXfs = false
        var xfIndex = 0
        while let event = scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if name == "numFmt", let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                    custom[id] = attributes["formatCode"] ?? ""
                }
                if name == "cellXfs" { inCellXfs = !selfClosing }
                if name == "xf" && inCellXfs {
                    let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                    if builtIn.contains(id) || custom[id].map(isDateCode) == true { styles.insert(xfIndex) }
                    xfIndex += 1
                }
            case .end(let name):
                if name == "cellXfs" { inCellXfs = false }
            case .text:
                break
            }
        }
        return styles
    }

    /// A format code shows a date when, outside quotes and brackets, it has a day, month or year part.
    static func isDateCode(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        for c in code.lowercased() {
            if c == "\"" {
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if c == "[" {
                inBracket = true
            } else if c == "]" {
                inBracket = false
            } else if !inBracket && "dmy".contains(c) {
                return true
            }
        }
        return false
    }

    /// `2024-05-03`, or `2024-05-03 14:05` when the serial has a time of day.
    static func date(serial: Double, date1904: Bool) -> String {
        // Excel counts 1900 as a leap year, so serials from 61 on are days since 1899-12-30.
        let days = Int(serial.rounded(.down))
        let offset = date1904 ? days + 1462 : (days < 61 ? days + 1 : days)
        let (y, m, d) = civil(fromDaysSince1899_12_30: offset)
        var text = "\(y)-\(pad(m))-\(pad(d))"
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds > 0 && seconds < 86_400 {
            text += " \(pad(seconds / 3600)):\(pad(seconds / 60 % 60))"
            if seconds % 60 != 0 { text += ":\(pad(seconds % 60))" }
        }
        return text
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-to-civil algorithm, from 1899-12-30.
    static func civil(fromDaysSince1899_12_30 days: Int) -> (Int, Int, Int) {
        let z = days - 25_569 + 719_468  // to days since 1970-01-01, then since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
