import Foundation

/// The entry point libFuzzer calls with each input. The target is chosen by `CODA_FUZZ_TARGET` (one binary holds
/// every reader, so it is compiled once). Every reader must end in a result or an error, never in a trap; some
/// targets also check a property (a round trip) and trap when it fails, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTargets.run(FuzzTargets.selected, bytes)
    return 0
}

enum FuzzTargets {
    static let names = ["xml", "docx", "refi", "zip", "inflate", "deflate-roundtrip", "transcript", "survey", "codebook",
                        "codings", "codings-roundtrip", "memos", "notes", "vtt", "srt", "xlsx", "settings"]
    static let selected = ProcessInfo.processInfo.environment["CODA_FUZZ_TARGET"] ?? "xml"

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "xml":
            guard var reader = try? XMLReader(bytes) else { return }
            while let event = try? reader.next() { _ = event }
        case "docx": _ = DocxBodyParser.parse(bytes)
        case "refi":
            guard let tree = try? RefiXMLTree.parse(bytes, file: "fuzz.qde") else { return }
            var reader = RefiReader(file: "fuzz.qde")
            _ = reader.codes(in: tree)
        case "zip":
            guard let zip = try? ZipReader(bytes: bytes, fileName: "fuzz.zip", maxEntrySize: 1 << 20) else { return }
            for entry in zip.entries.prefix(16) { _ = try? zip.data(for: entry) }
        case "inflate": _ = try? Inflate.decompress(bytes, limit: 1 << 20)
        case "deflate-roundtrip":
            let packed = Deflate.compress(bytes)
            guard (try? Inflate.decompress(packed, limit: bytes.count + 1)) == bytes else { fatalError("inflate(deflate(x)) != x") }
        case "transcript": _ = try? TranscriptParser(path: "Transcripts/P01.md", defaultID: "P01").parse(text(bytes))
        case "survey":
            let parts = text(bytes).components(separatedBy: "\u{0}")
            let columns = parts.count > 1 ? (path: "s.columns", text: parts[1]) : nil
            _ = try? SurveyParser(path: "Transcripts/s.csv", id: "s").parse(csv: parts[0], columnsFile: columns)
        case "codebook": _ = CodebookParser(path: "Codebooks/c.md").parse(text(bytes))
        case "codings": _ = CodingFile.parse(text(bytes), path: "Codings/a/P01.tsv")
        case "codings-roundtrip":
            let first = CodingFile.parse(text(bytes), path: "x")
            let again = CodingFile.parse(CodingFile.render(first.codings), path: "x")
            guard again.codings == CodingFile.sorted(first.codings) else { fatalError("a coding file rendered and read again differs") }
        case "memos": _ = MemoStore.parse(text(bytes), path: "Memos/project.md")
        case "notes": _ = NoteStore.parse(text(bytes))
        case "vtt": _ = try? SubtitleImport.read(text(bytes), kind: .webVTT, file: "f.vtt")
        case "srt": _ = try? SubtitleImport.read(text(bytes), kind: .srt, file: "f.srt")
        case "xlsx":
            guard let workbook = try? XlsxWorkbook(bytes: bytes, path: "s.xlsx") else { return }
            for sheet in workbook.sheets.prefix(4) { _ = try? workbook.rows(sheet: sheet.name) }
        case "settings": _ = ProjectSettings(text: text(bytes)).setting(.title, to: "A study")
        default: fatalError("unknown target \(target); one of: \(names.joined(separator: ", "))")
        }
    }
}
