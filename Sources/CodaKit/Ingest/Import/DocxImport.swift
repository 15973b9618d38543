/// Reads a Word document (`.docx`, Word 2007 and later, or LibreOffice's export) into transcript text: the zip
/// is opened with `ZipReader`, the main part found by `DocxPackage`, its paragraphs read by `DocxBodyParser` and
/// written one per paragraph, blank lines between, for `TextTranscriptImport` to recognise the turns.
enum DocxImport {
    /// Old Word files (.doc) and password-protected Word files are OLE compound files, not zips.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func read(_ bytes: [UInt8], file: String, defaultID: String) throws -> ImportedSource {
        if bytes.starts(with: compoundFileSignature) {
            throw ImportError.invalid(file: file, reason: "this is an old-style Word file (.doc) or a password-protected document, not a .docx",
                                      hint: "open it in Word or LibreOffice and save it as a Word document (.docx) without a password")
        }
        let zip = try ZipReader(bytes: bytes, fileName: file)
        let entry = try DocxPackage.mainDocument(in: zip, file: file)
        let xml = try zip.data(for: entry)
        let body: DocxBody
        switch DocxBodyParser.parse(xml) {
        case let .success(parsed): body = parsed
        case let .failure(fault):
            throw ImportError.invalid(file: file, reason: "\(entry.name) is damaged: \(fault.description)",
                                      hint: "open the document in Word or LibreOffice and save it again")
        }
        guard !body.paragraphs.isEmpty else {
            throw ImportError.invalid(file: file, reason: "the Word document has no text, so there is nothing to import", hint: nil)
        }
        let count = body.paragraphs.count
        var format = "Word document, \(count) paragraph\(count == 1 ? "" : "s")"
        if body.tables > 0 { format += " (table rows included, \(body.tables) table\(body.tables == 1 ? "" : "s"))" }
        var source = try TextTranscriptImport.read(body.paragraphs.joined(separator: "\n\n") + "\n", format: format,
                                                   file: file, defaultID: defaultID, readsHeader: false)
        if body.insertions + body.deletions > 0 {
            source.adjustments.append("tracked changes accepted: \(body.insertions) insertion\(body.insertions == 1 ? "" : "s") kept, "
                                      + "\(body.deletions) deletion\(body.deletions == 1 ? "" : "s") dropped")
        }
        if body.comments > 0 {
            source.adjustments.append("\(body.comments) comment\(body.comments == 1 ? "" : "s") dropped")
        }
        if body.notes > 0 {
            source.adjustments.append("\(body.notes) footnote\(body.notes == 1 ? "" : "s") or endnote\(body.notes == 1 ? "" : "s") dropped")
        }
        return source
    }
}
