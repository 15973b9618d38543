import Foundation

extension CodingStore {
    /// The codings files of `document` in one coder's folder, tried by name (`P01.tsv` as the document spells its
    /// id, in lower and in upper case) rather than by listing the folder.
    static func probeFiles(of document: String, in folder: URL) -> [String] {
        FileProbe.existing(FileProbe.spellings(of: [document.fileSafe()]).map { $0 + ".tsv" }, in: folder.path)
    }
}
