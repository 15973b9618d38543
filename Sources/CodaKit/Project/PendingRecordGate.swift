/// Holds back a change's pending record (`ChangeLog.beginPending`) until the change is about to write a file, so a
/// `coda tag` that finds its coding already there writes nothing at all. `ChangeLog.record` sets it for the body
/// it runs; `CodingStore` opens it before it writes a codings file. Task-local, so it belongs to the thread that
/// holds the project lock and never to another change.
final class PendingRecordGate: @unchecked Sendable {
    @TaskLocal static var current: PendingRecordGate?

    private let begin: () throws -> String
    /// The pending record's path once written.
    private(set) var path: String?

    init(_ begin: @escaping () throws -> String) { self.begin = begin }

    /// Writes the pending record unless it is written already. Called before any codings file changes.
    func open() throws {
        if path == nil { path = try begin() }
    }
}
