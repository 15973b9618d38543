import Foundation

/// Work started on a thread of its own and waited for later, so a caller can keep its own thread (and the
/// cores its own work spreads over) busy meanwhile. The work must not share mutable state with the caller
/// until `value()` returns: that is the caller's promise, which is why this is `@unchecked Sendable`.
final class BackgroundTask<Value>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws -> Value) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.stackSize = 8 << 20  // as deep as the main thread's: renderers recurse
        thread.start()
    }

    /// Waits for the work and returns what it returned, or throws what it threw. Call it once.
    func value() throws -> Value {
        done.wait()
        done.signal()  // a second call does not wait forever
        guard let result else { throw CancellationError() }
        return try result.get()
    }
}
