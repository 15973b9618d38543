extension Codebook {
    /// The code that a path no longer in the codebook now names, through a `Formerly:` line: the code itself, or a
    /// code below it when a parent was renamed (`Problems/Queues` → `Troubles/Queues`). Nil when none or several fit.
    func formerCode(for written: String) -> Code? {
        let wanted = written.trimmingWhitespace().lowercased()
        var found: [Code] = []
        for code in codes where !code.formerly.isEmpty {
            for former in code.formerly.map({ $0.lowercased() }) {
                let oldPath = former.contains("/") ? former
                    : (code.parentPath.map { $0.lowercased() + "/" } ?? "") + former
                let lastName = wanted.split(separator: "/").last.map(String.init)
                if wanted == oldPath || wanted == former || (!former.contains("/") && lastName == former) {
                    found.append(code)
                } else if wanted.hasPrefix(oldPath + "/"),
                          let below = self.code(path: code.path + wanted.dropFirst(oldPath.count)) {
                    found.append(below)
                }
            }
        }
        let unique = Set(found.map(\.path))
        return unique.count == 1 ? found[0] : nil
    }
}
