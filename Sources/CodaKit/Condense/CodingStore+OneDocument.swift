import Foundation

extension CodingStore {
    /// The codings files of `document` in one coder's folder, tried by name (`P01.tsv` as the document spells its
    /// id, in lower and in upper case); the folder is listed only when none of those exists, for a name in other
    /// letter case.
    static func probeFiles(of document: String, in folder: URL) -> [String] {
        FileProbe.existing(anyCaseOf: [document.fileSafe() + ".tsv"], in: folder.path)
    }
}
