/// Turns the XML of a .qdc or .qde into a `RefiProjectModel`, leniently: braced, upper-case or non-GUID ids,
/// namespace variants, colour names and short colours, missing `isCodable` are all read, and each kind of
/// departure from the standard is noted once in `adjustments` for the researcher.
struct RefiReader {
    let file: String
    var adjustments: [String] = []
    private var nonGUIDs: [String] = []
    private var missingCodable = 0
    private var notCodable = 0
    private var colours: [String] = []
    private var droppedColours: [String] = []

    init(file: String) { self.file = file }

    /// A GUID as a dictionary key: trimmed, braces dropped, lower case.
    static func key(_ guid: String) -> String {
        var text = guid.trimmingWhitespace()
        if text.hasPrefix("{") && text.hasSuffix("}") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }

    /// Checks the root element and its namespace (`urn:QDA-XML:codebook:1.0` or `…:project:1.0`).
    mutating func checkRoot(_ root: RefiXMLTree, expected: String, kind: String) throws(ImportError) {
        guard root.name == expected else {
            let hint = root.name == "Project" ? "this is a REFI-QDA project: give it the extension .qdpx (zipped with its sources) to import it"
                : root.name == "CodeBook" ? "this is a REFI-QDA codebook: give it the extension .qdc to import it"
                : "a REFI-QDA \(kind) starts with <\(expected)>"
            throw .invalid(file: file, reason: "this is not a REFI-QDA \(kind): its root element is <\(root.name)>", hint: hint)
        }
        let wanted = "urn:QDA-XML:\(kind):1.0"
        switch root.namespace {
        case wanted?: break
        case let other? where other.lowercased().replacingOccurrences(of: "1:0", with: "1.0") == wanted.lowercased():
            adjustments.append("namespace `\(other)` read as `\(wanted)` (NVivo 12 for Mac and some ATLAS.ti versions write it so)")
        case let other?:
            adjustments.append("unexpected namespace `\(other)` ignored; read as `\(wanted)`")
        case nil:
            adjustments.append("no namespace on <\(expected)>; read as `\(wanted)`")
        }
    }

    /// The `<Codes>` of a codebook (or a project's `<CodeBook>`).
    mutating func codes(in codebook: RefiXMLTree?) -> [RefiCodeNode] {
        let nodes = codebook?.child("Codes")?.children("Code").map { code($0) } ?? []
        flushCodeAdjustments()
        return nodes
    }

    private mutating func code(_ element: RefiXMLTree) -> RefiCodeNode {
        let guid = id(element.attribute("guid"), fallback: "code:" + (element.attribute("name") ?? ""))
        var codable = true
        switch element.attribute("isCodable")?.trimmingWhitespace().lowercased() {
        case "true"?, "1"?: break
        case "false"?, "0"?: notCodable += 1; codable = false
        default: missingCodable += 1
        }
        var node = RefiCodeNode(guid: guid, name: element.attribute("name") ?? "",
                            color: element.attribute("color").flatMap { colour($0, code: element.attribute("name") ?? "") },
                            description: element.child("Description")?.text.trimmingWhitespace() ?? "",
                            noteRefs: refs(element, "NoteRef"), children: element.children("Code").map { code($0) })
        node.isCodable = codable
        return node
    }

    private mutating func flushCodeAdjustments() {
        if missingCodable > 0 {
            adjustments.append("\(missingCodable) code\(plural(missingCodable)) without the required isCodable attribute read as codable")
        }
        if notCodable > 0 {
            adjustments.append("\(notCodable) code\(plural(notCodable)) marked not codable (folders) became ordinary codes: every Coda code can be applied "
                               + "(an export marks them not codable again)")
        }
        if !colours.isEmpty { adjustments.append("colour\(plural(colours.count)) written as #rrggbb: " + colours.joined(separator: ", ")) }
        if !droppedColours.isEmpty {
            adjustments.append("colour\(plural(droppedColours.count)) Coda cannot read dropped: " + droppedColours.joined(separator: ", "))
        }
        missingCodable = 0
        notCodable = 0
        colours = []
        droppedColours = []
    }

    /// A GUID attribute, normalised; a missing or non-GUID id is kept (and noted) so references still match.
    mutating func id(_ value: String?, fallback: String) -> String {
        guard let value, !value.trimmingWhitespace().isEmpty else { return "missing:" + fallback }
        if !RefiGUID.isValid(value.trimmingWhitespace()) && !nonGUIDs.contains(value) { nonGUIDs.append(value) }
        return RefiReader.key(value)
    }

    /// The GUIDs of `name` children (`NoteRef`, `SourceRef`, …).
    func refs(_ element: RefiXMLTree, _ name: String) -> [String] {
        element.children(name).compactMap { $0.attribute("targetGUID").map(RefiReader.key) }
    }

    private mutating func colour(_ value: String, code: String) -> String? {
        let text = value.trimmingWhitespace()
        if let hex = RefiColour.hex(text) {
            if hex != text.lowercased() { colours.append("`\(text)` → `\(hex)` (\(code))") }
            return hex
        }
        droppedColours.append("`\(text)` (\(code))")
        return nil
    }

    /// Notes the non-GUID ids seen, once, at the end of reading.
    mutating func finish() {
        if !nonGUIDs.isEmpty {
            let examples = nonGUIDs.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
            adjustments.append("\(nonGUIDs.count) id\(plural(nonGUIDs.count)) \(nonGUIDs.count == 1 ? "is" : "are") not a GUID (\(examples)); read as plain ids")
        }
    }
}

/// Colours as Coda writes them (`#rrggbb`): `#RGB`, upper case and common colour names are converted.
enum RefiColour {
    static let names: [String: String] = [
        "black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000", "lime": "#00ff00", "blue": "#0000ff",
        "yellow": "#ffff00", "cyan": "#00ffff", "aqua": "#00ffff", "magenta": "#ff00ff", "fuchsia": "#ff00ff", "gray": "#808080",
        "grey": "#808080", "silver": "#c0c0c0", "maroon": "#800000", "olive": "#808000", "purple": "#800080", "teal": "#008080",
        "navy": "#000080", "orange": "#ffa500", "pink": "#ffc0cb", "brown": "#a52a2a",
    ]

    static func hex(_ value: String) -> String? {
        let text = value.trimmingWhitespace().lowercased()
        if let named = names[text] { return named }
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 6 { return "#" + digits }
        if digits.count == 3 { return "#" + digits.map { "\($0)\($0)" }.joined() }
        return nil
    }
}
