/// A section a student can put in the appendix, with `--sections` choosing which and in what order.
public enum AppendixSection: String, Sendable, CaseIterable {
    case methods, codebook, transcripts, surveys, figures, matrices, memos, conclusions, agreement
    case reviewNotes = "review-notes"

    /// What `coda export appendix` writes without `--sections`, in this order: everything but the review notes
    /// (the supervisor's side of the work).
    public static let standard: [AppendixSection] = [
        .methods, .codebook, .transcripts, .surveys, .figures, .matrices, .memos, .conclusions, .agreement,
    ]

    /// The sections named in a comma-separated list (`methods,codebook,memos`), in the order given.
    static func parse(_ list: String) throws -> [AppendixSection] {
        var sections: [AppendixSection] = []
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let section = AppendixSection(rawValue: word) else {
                throw UsageError.invalidChoice(option: "sections", value: word, choices: allCases.map(\.rawValue))
            }
            if !sections.contains(section) { sections.append(section) }
        }
        return sections
    }

    /// The heading in the index and the file title.
    var title: String {
        switch self {
        case .methods: return "Methods note"
        case .codebook: return "Codebook"
        case .transcripts: return "Coded transcripts"
        case .surveys: return "Survey frequency tables"
        case .figures: return "Figures"
        case .matrices: return "Display matrices"
        case .memos: return "Analytic memos"
        case .conclusions: return "Themes and evidence"
        case .agreement: return "Inter-coder agreement"
        case .reviewNotes: return "Review notes"
        }
    }
}
