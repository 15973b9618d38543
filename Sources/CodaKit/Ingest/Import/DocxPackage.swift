import Foundation

/// Finds the main document part of a Word package: the `officeDocument` relationship in `_rels/.rels`, else the
/// part `[Content_Types].xml` gives a WordprocessingML main content type, else `word/document.xml`; names are
/// matched without regard to letter case. A zip without one is not a Word document, and the error says what it is.
enum DocxPackage {
    static func mainDocument(in zip: ZipReader, file: String) throws(ImportError) -> ZipEntry {
        var candidates: [String] = []
        if let rels = try? zip.data(named: "_rels/.rels", caseInsensitive: true) {
            candidates += XMLAttributeCollector.elements(named: "Relationship", in: rels)
                .filter { $0["Type"]?.hasSuffix("/officeDocument") == true }
                .compactMap { $0["Target"] }
        }
        if let types = try? zip.data(named: "[Content_Types].xml", caseInsensitive: true) {
            candidates += XMLAttributeCollector.elements(named: "Override", in: types)
                .filter { ($0["ContentType"] ?? "").contains("document.main+xml") || ($0["ContentType"] ?? "").contains("template.main+xml") }
                .compactMap { $0["PartName"] }
        }
        candidates.append("word/document.xml")
        for candidate in candidates {
            var name = candidate.hasPrefix("/") ? String(candidate.dropFirst()) : candidate
            if name.hasPrefix("./") { name = String(name.dropFirst(2)) }
            if let entry = zip.entry(named: name, caseInsensitive: true), !entry.isDirectory { return entry }
        }
        throw .invalid(file: file, reason: "the zip archive has no word/document.xml, so it is not a Word document",
                       hint: hint(for: zip))
    }

    /// What the archive looks like instead, for the error's hint.
    private static func hint(for zip: ZipReader) -> String {
        if zip.entry(named: "content.xml") != nil, zip.entry(named: "mimetype") != nil {
            return "it looks like an OpenDocument file (.odt): open it in LibreOffice or Word and save it as .docx"
        }
        if zip.entry(named: "xl/workbook.xml", caseInsensitive: true) != nil {
            return "it looks like an Excel workbook: save the transcript as a Word document (.docx)"
        }
        if zip.entry(named: "ppt/presentation.xml", caseInsensitive: true) != nil {
            return "it looks like a PowerPoint presentation: save the transcript as a Word document (.docx)"
        }
        return "open it in Word or LibreOffice and save it as a Word document (.docx)"
    }
}

/// Collects the attributes of every element with a given local name in a small XML part (`.rels`,
/// `[Content_Types].xml`), keyed by qualified name. Malformed XML yields what was read before the fault; the caller
/// then falls back to the next way of finding the document.
enum XMLAttributeCollector {
    static func elements(named name: String, in bytes: [UInt8]) -> [[String: String]] {
        var found: [[String: String]] = []
        guard var reader = try? XMLReader(bytes) else { return [] }
        while let event = try? reader.next() {
            if case let .start(tag) = event, tag.name.local == name { found.append(tag.attributeDictionary) }
        }
        return found
    }
}
