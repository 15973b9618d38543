import Foundation

/// One folder per coder, never shared. `Codings/NAME/` is the coder's name made safe for file systems, which
/// folds some names together (`a b`, `a_b`, `a/b` and `a:b` all become `a_b`). A folder belongs to the coder whose
/// codings it holds; a second coder whose name folds to the same folder gets `a_b-2/`, then `a_b-3/`, and so on.
/// Names that differ in letter case are different coders here too (as `coda untag` and `retrieve --coder` treat
/// them), so a file system that ignores case cannot fold them either.
extension CodingStore {
    /// The folder name (under `Codings/`) that holds `coder`'s codings, or will hold them. `claimed` maps folder
    /// names already handed out (in an import being planned) to their coders. `document`, when given, is asked
    /// first: its codings file, where there is one, tells whose the folder is without reading the folder.
    func coderFolder(_ coder: String, claimed: [String: String] = [:], document: String? = nil) -> String {
        let base = coder.fileSafe()
        var name = base
        var number = 1
        while let owner = claimed[name] ?? owner(ofFolder: name, document: document), !Self.sameCoder(owner, coder) {
            number += 1
            name = "\(base.prefix(110))-\(number)"
        }
        return name
    }

    /// `coderFolder` asked once per coder for a whole command over many documents (`tag --from`): `found` keeps
    /// the answers. Coda writes one coder's codings into a folder, so the first document's answer holds for all.
    func coderFolder(_ coder: String, document: String, found: inout [String: String]) -> String {
        if let known = found[coder] { return known }
        let name = coderFolder(coder, document: document)
        found[coder] = name
        return name
    }

    static func sameCoder(_ a: String, _ b: String) -> Bool {
        a == b
    }

    /// The coder of the first coding in the document's own file, else in the lowest-sorted readable codings file,
    /// or nil for an empty folder. Coda writes only one coder's codings into a folder, so any file tells; only
    /// that first file is read (a coder's folder may hold ten thousand).
    func owner(ofFolder name: String, document: String? = nil) -> String? {
        let folder = folderURL.appendingPathComponent(name)
        func firstCoder(_ file: String) -> String? {
            guard file.hasSuffix(".tsv"), !file.hasPrefix(".") else { return nil }
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = try? TextDecoder.decodeUTF8([UInt8](data), file: url.path) else { return nil }
            return CodingFile.parse(text, path: url.path).codings.first?.coder
        }
        return document.flatMap { firstCoder($0.fileSafe() + ".tsv") }
            ?? DirectoryWalker.first(in: folder.path, firstCoder)
    }
}
