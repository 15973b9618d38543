import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in order. For independent work such as parsing files.
    func parallelMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let items = input
                DispatchQueue.concurrentPerform(iterations: items.count) { i in output[i] = transform(items[i]) }
            }
        }
        return results.compactMap { $0 }
    }
}
