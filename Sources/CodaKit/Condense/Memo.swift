/// A researcher's memo: dated, signed text about the project, a code or a document.
/// (Memos on single codings live in the coding's own memo field.)
public struct Memo: Sendable, Hashable {
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        case project
        case code(String)
        case document(String)

        public var description: String {
            switch self {
            case .project: return "project"
            case .code(let path): return "code \(path)"
            case .document(let id): return "document \(id)"
            }
        }

        /// Where memos on this target are kept, relative to the project.
        var path: String {
            switch self {
            case .project: return "\(MemoStore.folder)/project.md"
            case .code(let path): return "\(MemoStore.folder)/codes/\(path.replacingOccurrences(of: "/", with: "--").fileSafe()).md"
            case .document(let id): return "\(MemoStore.folder)/documents/\(id.fileSafe()).md"
            }
        }
    }

    public var target: Target
    public var author: String
    /// `2026-11-25 13:02` (UTC).
    public var date: String
    public var text: String
    public var location: SourceLocation
}
