import Foundation

/// What the body of a Word document holds, as plain paragraphs, and what was left out on the way.
struct DocxBody: Equatable, Sendable {
    var paragraphs: [String] = []
    var tables = 0
    var insertions = 0
    var deletions = 0
    var comments = 0
    /// Footnotes and endnotes, whose text is not read.
    var notes = 0
}

/// Reads `word/document.xml` into paragraphs, in document order:
/// - a paragraph (`w:p`) is the text of its runs (`w:t`); `w:tab` is a tab, `w:br` and `w:cr` line breaks;
/// - tracked changes are taken as accepted: insertions (`w:ins`, `w:moveTo`) kept, deletions (`w:del`,
///   `w:moveFrom`) dropped, a paragraph whose mark was deleted joined to the next, a deleted table row dropped;
/// - comments, footnotes, endnotes, headers and footers live in other parts and are not read (comment and note
///   references are counted, for the report); field codes (`w:instrText`),
///   drawings and text boxes are dropped, as is the fallback copy in `mc:Fallback`; content controls (`w:sdt`) are read;
/// - tables (`w:tbl`) are read row by row (see `DocxTable`).
struct DocxBodyParser {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Word elements whose whole content is left out.
    static let skipped: Set<String> = [
        "del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sdtPr", "tblPr", "trPr", "tcPr",
        "sectPr", "drawing", "pict", "object", "fldData",
    ]

    private var body = DocxBody()
    /// Local names of the open elements; `nil` for elements outside the Word namespace.
    private var stack: [String?] = []
    private var skipStarts: [Int] = []
    private var inText = false
    private var paragraphDepth = 0
    private var paragraph = ""
    private var carry = ""
    private var markDeleted = false
    private var tables: [(rows: [[String]], row: [String], cell: String, rowDeleted: Bool)] = []

    /// The body, or what is wrong with the XML: the reason and place of the first fault `XMLReader` finds.
    static func parse(_ bytes: [UInt8]) -> Result<DocxBody, XMLFault> {
        var parser = DocxBodyParser()
        do throws(XMLError) {
            var reader = try XMLReader(bytes)
            while let event = try reader.next() {
                switch event {
                case let .start(tag): parser.start(String(tag.name.local), namespace: tag.name.namespace)
                case .end: parser.end()
                case let .text(text): parser.characters(text)
                }
            }
        } catch {
            return .failure(XMLFault(description: error.description))
        }
        parser.finishDocument()
        return .success(parser.body)
    }

    private mutating func start(_ elementName: String, namespace namespaceURI: String?) {
        let isWord = namespaceURI.map(Self.wordNamespaces.contains) ?? false
        let name: String? = isWord ? elementName : nil
        if name == "del", stack.count >= 2, stack[stack.count - 1] == "rPr", stack[stack.count - 2] == "pPr" { markDeleted = true }
        if name == "del", stack.last == "trPr", !tables.isEmpty {
            tables[tables.count - 1].rowDeleted = true
            body.deletions += 1
        }
        stack.append(name)
        let skipping = !skipStarts.isEmpty
        if !skipping && ((isWord && Self.skipped.contains(elementName))
                         || (namespaceURI == Self.compatibilityNamespace && elementName == "Fallback")) {
            skipStarts.append(stack.count)
            if elementName == "del" || elementName == "moveFrom" { body.deletions += 1 }
            return
        }
        guard !skipping, let name else { return }
        switch name {
        case "p":
            paragraphDepth += 1
            if paragraphDepth == 1 {
                paragraph = carry
                carry = ""
                markDeleted = false
            }
        case "t": inText = true
        case "tab", "ptab": paragraph += "\t"
        case "br", "cr": paragraph += "\n"
        case "noBreakHyphen": paragraph += "-"
        case "ins", "moveTo": body.insertions += 1
        case "commentReference": body.comments += 1
        case "footnoteReference", "endnoteReference": body.notes += 1
        case "tbl":
            tables.append((rows: [], row: [], cell: "", rowDeleted: false))
            body.tables += 1
        case "tr" where !tables.isEmpty:
            tables[tables.count - 1].row = []
            tables[tables.count - 1].rowDeleted = false
        case "tc" where !tables.isEmpty: tables[tables.count - 1].cell = ""
        default: break
        }
    }

    private mutating func end() {
        let name = stack.popLast() ?? nil
        if let start = skipStarts.last {
            if start == stack.count + 1 { skipStarts.removeLast() }
            return
        }
        guard let name else { return }
        switch name {
        case "t": inText = false
        case "p" where paragraphDepth > 0:
            paragraphDepth -= 1
            guard paragraphDepth == 0 else { break }
            if markDeleted { carry = paragraph } else { emit(paragraph) }
            paragraph = ""
        case "tc" where !tables.isEmpty:
            tables[tables.count - 1].row.append(tables[tables.count - 1].cell)
        case "tr" where !tables.isEmpty:
            if !tables[tables.count - 1].rowDeleted { tables[tables.count - 1].rows.append(tables[tables.count - 1].row) }
        case "tbl":
            guard let table = tables.popLast() else { break }
            for line in DocxTable.paragraphs(table.rows) { emit(line) }
        default: break
        }
    }

    private mutating func characters(_ string: String) {
        if inText && skipStarts.isEmpty && paragraphDepth > 0 { paragraph += string }
    }

    /// Adds a finished paragraph to the open table cell, else to the body: no-break spaces made plain,
    /// each line trimmed, empty lines dropped.
    private mutating func emit(_ text: String) {
        let lines = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return }
        if !tables.isEmpty {
            let cell = tables[tables.count - 1].cell
            tables[tables.count - 1].cell = cell.isEmpty ? lines.joined(separator: " ") : cell + " " + lines.joined(separator: " ")
        } else {
            body.paragraphs.append(lines.joined(separator: "\n"))
        }
    }

    private mutating func finishDocument() {
        if !carry.isEmpty { emit(carry) }
        carry = ""
    }
}

/// Why an XML part could not be read, worded to follow "word/document.xml is damaged: ".
struct XMLFault: Error, Equatable {
    var description: String
}
