/// The matrices a reader of the whole analysis is shown (the appendix, the review pack), in order: codes by
/// case, the checklist, before and after when cases have a `phase`, by role when they have a `role`,
/// co-occurrence (up to `Cooccurrence.maximumCodes` codes), and codes by coder when there are several coders.
enum StandardMatrix: Equatable {
    case caseCode, checklist, time, role, cooccurrence, codeCoder

    static func all(for project: Project) -> [StandardMatrix] {
        var matrices: [StandardMatrix] = [.caseCode, .checklist]
        if project.attributeNames.contains("phase") { matrices.append(.time) }
        if project.attributeNames.contains("role") { matrices.append(.role) }
        if project.codebook.codes.count <= Cooccurrence.maximumCodes { matrices.append(.cooccurrence) }
        if project.coders.count > 1 { matrices.append(.codeCoder) }
        return matrices
    }

    /// The matrix with codes as rows (narrow enough for a printed page).
    var options: MatrixOptions {
        var options: MatrixOptions
        switch self {
        case .caseCode:
            options = MatrixOptions(kind: .caseCode)
            options.transpose = true
        case .checklist: options = MatrixOptions(kind: .checklist)
        case .time:
            options = MatrixOptions(kind: .time)
            options.by = "phase"
        case .role:
            options = MatrixOptions(kind: .attribute)
            options.by = "role"
        case .cooccurrence: options = MatrixOptions(kind: .cooccurrence)
        case .codeCoder: options = MatrixOptions(kind: .codeCoder)
        }
        return options
    }

    var title: String {
        switch self {
        case .caseCode: return "Codes by case (case-ordered meta-matrix)"
        case .checklist: return "Checklist"
        case .time: return "Before and after (time-ordered)"
        case .role: return "By role"
        case .cooccurrence: return "Code co-occurrence"
        case .codeCoder: return "Codes by coder"
        }
    }
}
