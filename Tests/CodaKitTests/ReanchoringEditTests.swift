import Foundation
import Testing
@testable import CodaKit

/// Applies hundreds of seeded, realistic corrections to the sample study's transcripts (case, typos, punctuation,
/// spacing, words inserted or removed, turns inserted, deleted, split or merged) and checks every coding of the
/// edited transcript: re-anchored to the right words, reported, or misplaced (which must never happen).
@Suite struct ReanchoringEditTests {
    /// The seeded generator of the synthetic corpus, so a failure can be replayed.
    typealias SplitMix = SyntheticProject.Generator

    /// One correction: scalars `range` of the body replaced by `text`.
    struct Edit {
        var kind: String
        var range: Range<Int>
        var text: [Unicode.Scalar]
    }

    enum Kind: String, CaseIterable {
        case caseChange, typo, punctuation, spacing, insertWord, removeWord, insertTurn, deleteTurn, splitTurn, mergeTurns
    }

    /// Where turn text starts on each line (after `[time] Name: `), so edits stay in what people said.
    static func contentStarts(_ body: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        for i in 0...body.count where i == body.count || body[i] == "\n" {
            var start = lineStart
            let limit = min(i, lineStart + 45)
            if let colon = (lineStart..<max(lineStart, limit - 1)).first(where: { body[$0] == ":" && body[$0 + 1] == " " }) {
                start = colon + 2
            }
            if i > start { result.append(start..<i) }
            lineStart = i + 1
        }
        return result
    }

    /// An edit of `kind`; word-level edits fall inside `focus` (a coded span) when it is given.
    static func makeEdit(_ kind: Kind, body: [Unicode.Scalar], focus: Range<Int>?, random: inout SplitMix) -> Edit? {
        let lines = contentStarts(body)
        guard let line = lines.randomElement(using: &random) else { return nil }
        var words = FuzzyAnchor.words(Array(body[line]), offset: line.lowerBound)
        if let focus {
            words = lines.flatMap { FuzzyAnchor.words(Array(body[$0]), offset: $0.lowerBound) }
                .filter { focus.contains($0.range.lowerBound) && $0.range.upperBound <= focus.upperBound }
        }
        guard let word = words.randomElement(using: &random) else { return nil }
        let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        let turnBreaks = (1..<body.count).filter { body[$0 - 1] == "\n" && body[$0] == "\n" }
        switch kind {
        case .caseChange:
            let first = body[word.range.lowerBound]
            let flipped = first.properties.isUppercase ? first.properties.lowercaseMapping : first.properties.uppercaseMapping
            guard flipped.unicodeScalars.count == 1, flipped.unicodeScalars.first != first else { return nil }
            return Edit(kind: kind.rawValue, range: word.range.lowerBound..<(word.range.lowerBound + 1), text: Array(flipped.unicodeScalars))
        case .typo:
            guard word.range.count >= 5 else { return nil }
            let at = Int.random(in: (word.range.lowerBound + 1)..<(word.range.upperBound - 1), using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return Edit(kind: kind.rawValue, range: at..<(at + 1), text: [letters.randomElement(using: &random)!])
            case 1: return Edit(kind: kind.rawValue, range: at..<(at + 1), text: [])
            default: return Edit(kind: kind.rawValue, range: at..<at, text: [letters.randomElement(using: &random)!])
            }
        case .punctuation:
            let after = word.range.upperBound
            if after < body.count, ".,?!;".unicodeScalars.contains(body[after]) {
                return Edit(kind: kind.rawValue, range: after..<(after + 1), text: Bool.random(using: &random) ? [] : ["!"])
            }
            return Edit(kind: kind.rawValue, range: after..<after, text: [","])
        case .spacing:
            let after = word.range.upperBound
            guard after < body.count, body[after] == " " else { return nil }
            return Edit(kind: kind.rawValue, range: after..<(after + 1), text: Array("  ".unicodeScalars))
        case .insertWord:
            let word2 = ["really", "actually", "also", "very", "just"].randomElement(using: &random)!
            return Edit(kind: kind.rawValue, range: word.range.upperBound..<word.range.upperBound, text: Array((" " + word2).unicodeScalars))
        case .removeWord:
            let spaced = word.range.upperBound < body.count && body[word.range.upperBound] == " "
            let end = spaced ? word.range.upperBound + 1 : word.range.upperBound
            return Edit(kind: kind.rawValue, range: word.range.lowerBound..<end, text: [])
        case .insertTurn:
            guard let at = turnBreaks.randomElement(using: &random) else { return nil }
            let turn = "\n[00:00:00] Interviewer: Sorry, one moment, my phone.\n"
            return Edit(kind: kind.rawValue, range: at..<at, text: Array(turn.unicodeScalars))
        case .deleteTurn:
            guard let i = turnBreaks.indices.randomElement(using: &random), i + 1 < turnBreaks.count else { return nil }
            return Edit(kind: kind.rawValue, range: turnBreaks[i]..<turnBreaks[i + 1], text: [])
        case .splitTurn:
            let full = lines.first { $0.contains(word.range.lowerBound) }!
            let lineStart = (0..<full.lowerBound).last { body[$0] == "\n" }.map { $0 + 1 } ?? 0
            let label = Array(body[lineStart..<full.lowerBound])
            guard !label.isEmpty, let stop = (word.range.upperBound..<full.upperBound).first(where: { body[$0] == "." }),
                  stop + 2 < full.upperBound, body[stop + 1] == " " else { return nil }
            return Edit(kind: kind.rawValue, range: (stop + 1)..<(stop + 2), text: Array("\n\n".unicodeScalars) + label)
        case .mergeTurns:
            guard let at = turnBreaks.randomElement(using: &random),
                  let next = lines.first(where: { $0.lowerBound > at }) else { return nil }
            return Edit(kind: kind.rawValue, range: (at - 1)..<next.lowerBound, text: [" "])
        }
    }

    /// Where a coding's words should be after `edit`, or nil when they were deleted; `exact` is false when the edit
    /// cut across the coding's edge, so only the words it kept are known.
    static func expected(_ coding: Coding, after edit: Edit) -> (range: Range<Int>?, exact: Bool) {
        let delta = edit.text.count - edit.range.count
        let (a, b, cs, ce) = (edit.range.lowerBound, edit.range.upperBound, coding.start, coding.end)
        if b <= cs && !(a == b && a == cs && false) { return ((cs + delta)..<(ce + delta), true) }
        if a >= ce { return (cs..<ce, true) }
        if a >= cs && b <= ce { return (cs..<(ce + delta), true) }
        if a <= cs && b >= ce { return (nil, true) }
        let low = a < cs ? a + edit.text.count : cs
        let high = b > ce ? a : ce + delta
        return (low < high ? low..<high : nil, false)
    }

    /// How many scalars lie in one range and not the other.
    static func edgeDifference(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        abs(a.lowerBound - b.lowerBound) + abs(a.upperBound - b.upperBound)
    }

    /// The range without spaces and punctuation at its ends.
    static func trimmed(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int> {
        var low = range.lowerBound, high = min(range.upperBound, scalars.count)
        while low < high, !PhraseFinder.isWordScalar(scalars[low]) { low += 1 }
        while high > low, !PhraseFinder.isWordScalar(scalars[high - 1]) { high -= 1 }
        return low..<high
    }

    @Test func hundredsOfRandomEditsNeverMoveACodingOntoOtherWords() throws {
        let project = Project.load(TestSupport.packageRoot)
        var random = SplitMix(state: 20221204)
        var right = 0, reported = 0, edgesShifted = 0, misplaced: [String] = [], trials = 0
        var perKind: [String: (right: Int, reported: Int)] = [:]
        var touchedCounts = (all: 0, right: 0, reported: 0, gone: 0)
        while trials < 400 {
            let transcript = project.transcripts.randomElement(using: &random)!
            let kind = Kind.allCases.randomElement(using: &random)!
            let body = Array(transcript.text.unicodeScalars)
            let codings = project.codings.filter { $0.document == transcript.id }
            let focus = Double.random(in: 0..<1, using: &random) < 0.7 ? codings.randomElement(using: &random)?.range : nil
            guard let edit = Self.makeEdit(kind, body: body, focus: focus, random: &random) else { continue }
            trials += 1
            var edited = body
            edited.replaceSubrange(edit.range, with: edit.text)
            let raw = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(transcript.path), encoding: .utf8)
            let header = String(raw.dropLast(transcript.text.count))
            let source = header + String(String.UnicodeScalarView(edited))
            let (document, _) = try TranscriptParser(path: transcript.path, defaultID: transcript.id).parse(source)
            for coding in codings {
                let placement = CodingAnchor.place(coding, in: document)
                let (target, exact) = Self.expected(coding, after: edit)
                let touched = edit.range.lowerBound < coding.end && edit.range.upperBound > coding.start
                    || (edit.range.isEmpty && coding.range.contains(edit.range.lowerBound))
                if touched {
                    if target == nil { touchedCounts.gone += 1 }
                    if case .unplaced = placement.status { touchedCounts.reported += 1 }
                    else if let target, Self.trimmed(placement.coding.range, edited) == Self.trimmed(target, edited) {
                        touchedCounts.right += 1
                    }
                    touchedCounts.all += 1
                }
                if case .unplaced = placement.status {
                    reported += 1
                    perKind[edit.kind, default: (0, 0)].reported += 1
                    continue
                }
                let placed = Self.trimmed(placement.coding.range, edited)
                guard let target else {
                    misplaced.append("\(edit.kind) \(transcript.id) \(coding.code): words deleted, yet placed")
                    continue
                }
                let want = Self.trimmed(target, edited)
                if placed == want {
                    right += 1
                    perKind[edit.kind, default: (0, 0)].right += 1
                } else if placed.overlaps(want), Self.edgeDifference(placed, want) <= max(12, want.count / 5) || !exact {
                    edgesShifted += 1
                } else {
                    func words(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(edited[r])) }
                    misplaced.append("\(edit.kind) \(transcript.id) ¶\(coding.segmentLabel) \(coding.code): "
                                     + "“\(words(placed))” instead of “\(words(want))” (edit at \(edit.range), "
                                         + "coding \(coding.range))")
                }
            }
        }
        let total = right + reported + edgesShifted + misplaced.count
        func share(_ n: Int) -> String { String(format: "%.1f%%", 100 * Double(n) / Double(max(total, 1))) }
        print("re-anchoring after \(trials) edits, \(total) codings checked: right \(share(right)), "
              + "edges shifted \(share(edgesShifted)), reported \(share(reported)), misplaced "
                  + "\(share(misplaced.count))")
        let t = touchedCounts
        func of(_ n: Int) -> String { String(format: "%.1f%%", 100 * Double(n) / Double(max(t.all, 1))) }
        print("  of the \(t.all) codings an edit touched: right \(of(t.right)), reported \(of(t.reported)) "
              + "(\(t.gone) of them because their words were deleted), edges shifted "
                  + "\(of(t.all - t.right - t.reported))")
        for (kind, counts) in perKind.sorted(by: { $0.key < $1.key }) {
            print("  \(kind): \(counts.right) right, \(counts.reported) reported")
        }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(10).joined(separator: "\n"))")
        #expect(right > total * 9 / 10)
    }
}

extension SyntheticProject.Generator: RandomNumberGenerator {}
