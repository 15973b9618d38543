/// An Excel workbook read with Coda's own zip reader: its sheets by name, shared strings and which cell
/// styles are dates, enough to turn a sheet into rows of text as Excel shows them.
struct XlsxWorkbook {
    let path: String
    let zip: ZipReader
    /// Sheet names and their parts (`xl/worksheets/sheet1.xml`), in workbook order.
    let sheets: [(name: String, part: String)]
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool

    init(bytes: [UInt8], path: String) throws(XlsxError) {
        self.path = path
        do {
            zip = try ZipReader(bytes: bytes, fileName: path)
        } catch {
            throw .notAWorkbook(file: path, reason: error.diagnostic.message)
        }
        guard let workbook = zip.entry(named: "xl/workbook.xml", caseInsensitive: true) else {
            throw .notAWorkbook(file: path, reason: "it has no xl/workbook.xml (a .docx or other zip?)")
        }
        let workbookXML = try XlsxWorkbook.part(workbook, in: zip, path: path)
        let relations = try XlsxWorkbook.relationships(in: zip, path: path)
        var sheets: [(String, String)] = []
        var date1904 = false
        var scanner = SheetXMLScanner(workbookXML)
        while let event = scanner.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let flag = attributes["date1904"] { date1904 = flag == "1" || flag == "true" }
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"],
                let target = relations[id]
            {
                sheets.append((sheetName, target))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        var sharedStrings: [String] = []
        if let strings = zip.entry(named: "xl/sharedStrings.xml", caseInsensitive: true) {
            sharedStrings = SheetXMLScanner.texts(
                in: try XlsxWorkbook.part(strings, in: zip, path: path), container: "si")
        }
        self.sharedStrings = sharedStrings
        var dateStyles: Set<Int> = []
        if let styles = zip.entry(named: "xl/styles.xml", caseInsensitive: true) {
            dateStyles = XlsxDateFormats.dateStyles(in: try XlsxWorkbook.part(styles, in: zip, path: path))
        }
        self.dateStyles = dateStyles
    }

    static func part(_ entry: ZipEntry, in zip: ZipReader, path: String) throws(XlsxError) -> [UInt8] {
        do { return try zip.data(for: entry) } catch {
            throw .notAWorkbook(file: path, reason: error.diagnostic.message)
        }
    }

    /// `rId1` → `xl/worksheets/sheet1.xml`, from the workbook's relationships.
    static func relationships(in zip: ZipReader, path: String) throws(XlsxError) -> [String: String] {
        guard let entry = zip.entry(named: "xl/_rels/workbook.xml.rels", caseInsensitive: true) else { return [:] }
        var result: [String: String] = [:]
        var scanner = SheetXMLScanner(try part(entry, in: zip, path: path))
        while let event = scanner.next() {
            guard case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
                let target = attributes["Target"]
            else { continue }
            result[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return result
    }

    /// The rows of a sheet (the first unless named), with their row numbers; cells as Excel displays them.
    func rows(sheet name: String?) throws(XlsxError) -> (sheet: String, rows: [(line: Int, cells: [String])]) {
        let chosen: (name: String, part: String)?
        if let name {
            chosen = sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
            guard chosen != nil else { throw .noSuchSheet(file: path, sheet: name, available: sheets.map(\.name)) }
        } else {
            chosen = sheets.first
        }
        guard let chosen, let entry = zip.entry(named: chosen.part, caseInsensitive: true) else {
            throw .notAWorkbook(file: path, reason: "it has no worksheet")
        }
        return (chosen.name, XlsxSheetReader(workbook: self).rows(try XlsxWorkbook.part(entry, in: zip, path: path)))
    }
}
