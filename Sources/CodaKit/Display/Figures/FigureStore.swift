import Foundation

/// The `Figures/` folder of a project: every `.csv` file in it, read and checked.
struct FigureStore {
    static let folder = "Figures"
    var root: URL

    func load() -> (figures: [Figure], problems: [Diagnostic]) {
        let folder = root.appendingPathComponent(Self.folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var figures: [Figure] = []
        var problems: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") && !name.lowercased().hasSuffix(".compare") {
            let path = "\(Self.folder)/\(name)"
            guard name.lowercased().hasSuffix(".csv") else {
                problems.append(
                    Diagnostic(
                        .warning, at: SourceLocation(file: path),
                        "file ignored: figures are CSV files (.csv), before/after displays .compare files"))
                continue
            }
            do {
                let text = try ProjectLoader.text(of: folder.appendingPathComponent(name), path: path)
                let (figure, found) = try FigureParser(path: path, id: String(name.dropLast(4))).parse(text)
                figures.append(figure)
                problems += found
            } catch let error as any CodaError {
                problems.append(error.diagnostic)
            } catch {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path), "\(error)"))
            }
        }
        return (figures, problems)
    }
}
