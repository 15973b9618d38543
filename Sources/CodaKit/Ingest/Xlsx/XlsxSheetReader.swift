/// Turns a worksheet's XML into rows of cell text: shared and inline strings, numbers without trailing
/// zeros, dates as `2024-05-03` (with the time when there is one), booleans as TRUE/FALSE.
struct XlsxSheetReader {
    let workbook: XlsxWorkbook

    func rows(_ xml: [UInt8]) -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        var scanner = SheetXMLScanner(xml)
        var cells: [String] = []
        var rowNumber = 0
        var cell: (column: Int, type: String, style: Int)?
        var value = ""
        var capturing = false
        while let event = scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    cells = []
                    if selfClosing { rows.append((rowNumber, [])) }
                case "c":
                    let column = attributes["r"].flatMap(XlsxSheetReader.columnIndex) ?? cells.count
                    cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                    value = ""
                    if selfClosing { cell = nil }
                case "v", "t":
                    capturing = cell != nil && !selfClosing
                default: break
                }
            case .end(let name):
                switch name {
                case "v", "t": capturing = false
                case "c":
                    if let c = cell {
                        while cells.count <= c.column { cells.append("") }
                        cells[c.column] = text(value, type: c.type, style: c.style)
                    }
                    cell = nil
                case "row": rows.append((rowNumber, cells))
                default: break
                }
            case .text(let text):
                if capturing { value += text }
            }
        }
        return rows
    }

    func text(_ raw: String, type: String, style: Int) -> String {
        switch type {
        case "s":
            return Int(raw).flatMap { workbook.sharedStrings.indices.contains($0) ? workbook.sharedStrings[$0] : nil }
                ?? ""
        case "inlineStr", "str", "e": return raw
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        default:
            guard let number = Double(raw) else { return raw }
            if workbook.dateStyles.contains(style) {
                return XlsxDateFormats.date(serial: number, date1904: workbook.date1904)
            }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        }
    }

    /// `C7` → 2 (zero-based column).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
