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
        // Days since 1899-12-30, which is 25,569 days before 1970-01-01.
        let (y, m, d) = UTCTimestamp.civilDate(daysSince1970: offset - 25_569)
        var text = "\(y)-\(pad(m))-\(pad(d))"
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds > 0 && seconds < 86_400 {
            text += " \(pad(seconds / 3600)):\(pad(seconds / 60 % 60))"
            if seconds % 60 != 0 { text += ":\(pad(seconds % 60))" }
        }
        return text
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
